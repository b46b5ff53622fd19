// One esbuild call for a host bundle: a standalone, minified IIFE kept in memory.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { ROOT } from './options';

export interface BundleInput {
  /** The entry file, relative to the repository root. */
  entry: string;
  /** The JavaScript version the host runs. */
  target: string;
  /** A global the bundle's exports are assigned to; none for a script run for its effects. */
  globalName?: string;
}

/** The bundled JavaScript text. */
export async function bundle({ entry, target, globalName }: BundleInput): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    target,
    platform: 'neutral',
    // A neutral build resolves no package entry by default; papaparse's "browser" file is its
    // self-contained build (its "main" requires Node's stream module).
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
