// Build step: dist/cli/sales-kpi.js — the sales-kpi command line as one Node bundle (ExcelJS stays a dependency).
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

export async function buildCli({ outDir }: BuildOptions): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'cli/sales-kpi.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A runtime dependency resolved from node_modules, not copied into the bundle.
    external: ['exceljs'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return [await writeOutput(join(outDir, 'cli', 'sales-kpi.js'), result.outputFiles[0]!.text)];
}
