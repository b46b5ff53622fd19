// Build step: dist/sheets/ — a clasp-ready Apps Script project (Core.js bundle, generated Code.js, manifest).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FUNCTIONS } from '../../core/index';
import { renderCode } from '../../sheets-addon/code';
import { CODE_FILE, CORE_FILE, CORE_GLOBAL, MANIFEST_FILE } from '../../sheets-addon/files';
import { SERVER_FUNCTIONS } from '../../sheets-addon/server';
import { serverFunctionWrappers } from '../../sheets-addon/server-wrappers';
import { customFunctionWrappers } from '../../sheets-addon/wrappers';
import { bundle } from './bundle';
import { ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

export async function buildSheets({ outDir }: BuildOptions): Promise<string[]> {
  const dir = join(outDir, 'sheets');
  const core = await bundle({
    entry: 'sheets-addon/core.ts',
    target: 'es2019',
    globalName: CORE_GLOBAL,
  });
  // Generated as text, not through esbuild, which would drop the JSDoc Sheets reads.
  const code = renderCode([
    customFunctionWrappers(FUNCTIONS),
    serverFunctionWrappers(Object.keys(SERVER_FUNCTIONS)),
  ]);
  const manifest = await readFile(resolve(ROOT, 'sheets-addon', MANIFEST_FILE));
  return Promise.all([
    writeOutput(join(dir, CORE_FILE), core),
    writeOutput(join(dir, CODE_FILE), code),
    writeOutput(join(dir, MANIFEST_FILE), manifest),
  ]);
}
