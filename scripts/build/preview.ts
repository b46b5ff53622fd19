// Build step: dist/preview/ — the development preview page; the only bundle allowed to hold HyperFormula (GPL).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

/** The page, served at /preview.html by `npm start`; its script and styles sit beside it. */
export const PREVIEW_PAGE = 'preview.html';

export async function buildPreview({ outDir }: BuildOptions): Promise<string[]> {
  const dir = join(outDir, 'preview');
  const result = await build({
    entryPoints: [resolve(ROOT, 'preview/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // HyperFormula's GPL notice travels with its code.
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  // The page links the sidebar's own stylesheet unchanged, as the add-ins do.
  const copies = [
    ['preview', PREVIEW_PAGE],
    ['preview', 'preview.css'],
    ['core/ui', 'sidebar.css'],
  ] as const;
  return Promise.all([
    writeOutput(join(dir, 'preview.js'), result.outputFiles[0]!.text),
    ...copies.map(async ([folder, file]) =>
      writeOutput(join(dir, file), await readFile(resolve(ROOT, folder, file))),
    ),
  ]);
}
