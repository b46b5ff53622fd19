// Which Apps Script project `npm run sheets:push` pushes to (bound test copy or standalone add-on) and the clasp settings it writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A spreadsheet's bound script for trying changes, or the standalone project published as the add-on. */
export type PushTarget = 'bound' | 'standalone';

/**
 * Where each target's script id comes from: an environment variable, else a git-ignored file in
 * the repository root (what `clasp create` writes, renamed). Neither target falls back on the
 * other's id, so a test push never lands in the published add-on or the other way round.
 */
export const SCRIPT_ID_SOURCES: Record<PushTarget, { variable: string; file: string }> = {
  bound: { variable: 'SHEETS_SCRIPT_ID', file: '.clasp.json' },
  standalone: { variable: 'SHEETS_STANDALONE_SCRIPT_ID', file: '.clasp.standalone.json' },
};

/** Where the build writes the Apps Script project, relative to the repository root. */
export const PROJECT_DIR = 'dist/sheets';

/** The target from the command line: nothing for the bound copy, `--standalone` for the add-on. */
export function parsePushArgs(argv: readonly string[]): PushTarget {
  if (argv.length === 0) return 'bound';
  if (argv.length === 1 && argv[0] === '--standalone') return 'standalone';
  throw new Error(
    `Unknown argument: ${argv.join(' ')} (sheets:push takes nothing, or --standalone)`,
  );
}

/** An Apps Script id: letters, digits, "-" and "_" (the example file's placeholder is not one). */
function isScriptId(text: string): boolean {
  return /^[\w-]{20,}$/.test(text) && !text.startsWith('PASTE');
}

/** The target's script id from its variable, else its file; refuses a missing or malformed one. */
export function scriptIdFor(
  target: PushTarget,
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): string {
  const { variable, file } = SCRIPT_ID_SOURCES[target];
  const fromVariable = env[variable]?.trim();
  if (fromVariable) {
    if (!isScriptId(fromVariable)) throw new Error(`${variable} is not an Apps Script id.`);
    return fromVariable;
  }
  const path = resolve(root, file);
  if (existsSync(path)) {
    let scriptId: unknown;
    try {
      ({ scriptId } = JSON.parse(readFileSync(path, 'utf8')) as { scriptId?: unknown });
    } catch (error) {
      throw new Error(`${file} is not valid JSON (${(error as Error).message}).`, {
        cause: error,
      });
    }
    if (typeof scriptId === 'string' && isScriptId(scriptId.trim())) return scriptId.trim();
    throw new Error(`${file} holds no Apps Script id in "scriptId" (see docs/hosts.md).`);
  }
  throw new Error(
    target === 'bound'
      ? `No Apps Script project to push to: set ${variable}, or copy sheets-addon/.clasp.json.example to ${file} and fill in scriptId (see docs/hosts.md).`
      : `No standalone Apps Script project to push to: set ${variable}, or save the .clasp.json that clasp create --type standalone wrote as ${file} (see docs/hosts.md).`,
  );
}

/** The `.clasp.json` placed in the built project: clasp pushes the folder it sits in. */
export function claspProject(scriptId: string): string {
  return `${JSON.stringify({ scriptId, rootDir: '.' }, null, 2)}\n`;
}

/** The slow, networked parts of a push; tests pass recorders. */
export interface PushSteps {
  build(): void;
  /** Runs `clasp push` in `projectDir`. */
  push(projectDir: string): void;
}

/**
 * Finds the target and its id before anything else (a push without an id never starts), then
 * builds, writes the project's `.clasp.json` and pushes.
 */
export function pushSheets(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  root: string,
  steps: PushSteps,
): { target: PushTarget; scriptId: string } {
  const target = parsePushArgs(argv);
  const scriptId = scriptIdFor(target, env, root);
  steps.build();
  const projectDir = resolve(root, PROJECT_DIR);
  writeFileSync(resolve(projectDir, '.clasp.json'), claspProject(scriptId));
  steps.push(projectDir);
  return { target, scriptId };
}
