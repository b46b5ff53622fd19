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
}

/** A build step: writes one target into `outDir` and returns the paths it wrote. */
export type BuildStep = (options: BuildOptions) => Promise<string[]>;

/** Reads `--base-url URL` (or `--base-url=URL`); refuses anything else. */
export function parseBuildArgs(argv: readonly string[]): BuildOptions {
  let baseUrl = DEV_BASE_URL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--base-url') baseUrl = argv[++i] ?? '';
    else if (arg.startsWith('--base-url=')) baseUrl = arg.slice('--base-url='.length);
    else throw new Error(`Unknown argument: ${arg} (the build takes only --base-url URL)`);
  }
  return { outDir: resolve(ROOT, 'dist'), baseUrl: normalizeBaseUrl(baseUrl) };
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
