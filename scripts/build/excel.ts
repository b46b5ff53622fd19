// Build step: dist/excel/ — functions.js (esbuild), functions.json (from the registry), the task pane page.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FUNCTIONS } from '../../core/index';
import { FUNCTIONS_METADATA, FUNCTIONS_SCRIPT, TASKPANE_PAGE } from '../../excel-addin/files';
import { customFunctionsMetadata } from '../../excel-addin/metadata';
import { bundle } from './bundle';
import { ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

export async function buildExcel({ outDir }: BuildOptions): Promise<string[]> {
  const dir = join(outDir, 'excel');
  // ES2017: the oldest engine Excel runs custom functions in (the Windows desktop JS runtime).
  const script = await bundle({ entry: 'excel-addin/functions.ts', target: 'es2017' });
  const metadata = JSON.stringify(customFunctionsMetadata(FUNCTIONS), null, 2) + '\n';
  const page = await readFile(resolve(ROOT, 'excel-addin', TASKPANE_PAGE));
  return Promise.all([
    writeOutput(join(dir, FUNCTIONS_SCRIPT), script),
    writeOutput(join(dir, FUNCTIONS_METADATA), metadata),
    writeOutput(join(dir, TASKPANE_PAGE), page),
  ]);
}
