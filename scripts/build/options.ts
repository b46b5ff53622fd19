// What every build step receives, and how the command line sets it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where `npm start` serves dist/excel/; the committed manifest.xml points here. */
export const DEV_BASE_URL = 'https://localhost:3000/';

export interface BuildOptions {
  /** The dist/ folder. */
  outDir: string;
  /** Where dist/excel/ is served, ending in "/". */
  baseUrl: string;
  /** The address users write to for help, named on the support page; a deployment needs one. */
  supportEmail?: string;
}

/** A build step: writes one target into `outDir` and returns the paths it wrote. */
export type BuildStep = (options: BuildOptions) => Promise<string[]>;

/**
 * Reads `--base-url URL` and `--support-email ADDRESS` (each also as `--name=value`); refuses
 * anything else, and a deployment (any base URL but the development server's) without a support
 * address, which the store's support page must give.
 */
export function parseBuildArgs(argv: readonly string[]): BuildOptions {
  let baseUrl = DEV_BASE_URL;
  let supportEmail: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--base-url') baseUrl = argv[++i] ?? '';
    else if (arg.startsWith('--base-url=')) baseUrl = arg.slice('--base-url='.length);
    else if (arg === '--support-email') supportEmail = checkEmail(argv[++i] ?? '');
    else if (arg.startsWith('--support-email='))
      supportEmail = checkEmail(arg.slice('--support-email='.length));
    else
      throw new Error(
        `Unknown argument: ${arg} (the build takes only --base-url URL and --support-email ADDRESS)`,
      );
  }
  const normalized = normalizeBaseUrl(baseUrl);
  if (normalized !== DEV_BASE_URL && supportEmail === undefined)
    throw new Error(
      `A deployment (--base-url ${normalized}) needs --support-email ADDRESS: the support page must name a contact`,
    );
  return { outDir: resolve(ROOT, 'dist'), baseUrl: normalized, supportEmail };
}

/** One plain address (name@domain.tld): it becomes a mailto: link on the support page. */
function checkEmail(text: string): string {
  if (!/^[^\s@<>"'&]+@[^\s@<>"'&.]+(\.[^\s@<>"'&.]+)+$/.test(text))
    throw new Error(`--support-email is not an email address: "${text}"`);
  return text;
}

/** An https URL ending in "/", as Office requires for add-in files. */
export function normalizeBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--base-url is not a URL: "${text}"`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`--base-url must be https:// (Office requires it): ${text}`);
  if (url.search || url.hash)
    throw new Error(`--base-url must not have a query or fragment: ${text}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
