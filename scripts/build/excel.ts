// Build step: dist/excel/ — functions.js (esbuild), functions.json and functions-fi.json (from the registry), the task pane page.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FUNCTIONS } from '../../core/index';
import {
  FUNCTIONS_METADATA,
  FUNCTIONS_METADATA_FI,
  FUNCTIONS_SCRIPT,
  TASKPANE_PAGE,
} from '../../excel-addin/files';
import { customFunctionsMetadata } from '../../excel-addin/metadata';
import { bundle } from './bundle';
import { ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

export async function buildExcel({ outDir }: BuildOptions): Promise<string[]> {
  const dir = join(outDir, 'excel');
  // ES2017: the oldest engine Excel runs custom functions in (the Windows desktop JS runtime).
  const script = await bundle({ entry: 'excel-addin/functions.ts', target: 'es2017' });
  const metadata = (lang: 'en' | 'fi') =>
    JSON.stringify(customFunctionsMetadata(FUNCTIONS, lang), null, 2) + '\n';
  const page = await readFile(resolve(ROOT, 'excel-addin', TASKPANE_PAGE));
  return Promise.all([
    writeOutput(join(dir, FUNCTIONS_SCRIPT), script),
    writeOutput(join(dir, FUNCTIONS_METADATA), metadata('en')),
    writeOutput(join(dir, FUNCTIONS_METADATA_FI), metadata('fi')),
    writeOutput(join(dir, TASKPANE_PAGE), page),
  ]);
}
