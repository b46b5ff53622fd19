// `npm run sheets:push`: builds, then pushes dist/sheets/ to the Apps Script project with clasp.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './build/options';

const CLASP = '@google/clasp@3.4.1';

/** The script id: SHEETS_SCRIPT_ID, else the repository's git-ignored .clasp.json. */
function scriptId(): string {
  const fromEnvironment = process.env.SHEETS_SCRIPT_ID?.trim();
  if (fromEnvironment) return fromEnvironment;
  const claspFile = resolve(ROOT, '.clasp.json');
  if (existsSync(claspFile)) {
    const { scriptId: id } = JSON.parse(readFileSync(claspFile, 'utf8')) as { scriptId?: string };
    if (id && !id.startsWith('PASTE')) return id;
  }
  throw new Error(
    'No Apps Script project: set SHEETS_SCRIPT_ID, or copy sheets-addon/.clasp.json.example to ' +
      '.clasp.json and fill in scriptId (see docs/hosts.md).',
  );
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function main(): void {
  const id = scriptId();
  run(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/build.ts')], ROOT);
  const project = resolve(ROOT, 'dist/sheets');
  writeFileSync(
    resolve(project, '.clasp.json'),
    `${JSON.stringify({ scriptId: id, rootDir: '.' }, null, 2)}\n`,
  );
  // --force: appsscript.json is generated, so the remote manifest is always replaced without a prompt.
  run('npx', ['--yes', CLASP, 'push', '--force'], project);
}

try {
  main();
} catch (error) {
  console.error(`sheets:push failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
