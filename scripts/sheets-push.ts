// `npm run sheets:push [-- --standalone]`: builds, then pushes dist/sheets/ with clasp to the bound test copy or the standalone add-on.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './build/options';
import { pushSheets } from './sheets-push/project';

const CLASP = '@google/clasp@3.4.1';

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

try {
  const { target, scriptId } = pushSheets(process.argv.slice(2), process.env, ROOT, {
    build: () =>
      run(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/build.ts')], ROOT),
    // --force: appsscript.json is generated, so the remote manifest is always replaced without a prompt.
    push: (projectDir) => run('npx', ['--yes', CLASP, 'push', '--force'], projectDir),
  });
  console.log(`sheets:push: pushed dist/sheets/ to the ${target} project ${scriptId}`);
} catch (error) {
  console.error(`sheets:push failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
