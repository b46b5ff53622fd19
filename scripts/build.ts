// Builds every shipped artifact into dist/: one step per target, run in parallel, then a summary.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { buildCli } from './build/cli';
import { buildExcel } from './build/excel';
import { buildIcons } from './build/icons';
import { buildManifest } from './build/manifest';
import { ROOT, parseBuildArgs, type BuildStep } from './build/options';
import { buildPreview } from './build/preview';
import { pruneOutDir } from './build/prune';
import { buildSheets } from './build/sheets';
import { buildSidebar } from './build/sidebar';
import { buildSupportPage } from './build/support-page';
import { buildTaskpane } from './build/taskpane';

/** Every target; a new one is one more line here. */
const STEPS: Record<string, BuildStep> = {
  excel: buildExcel,
  icons: buildIcons,
  sheets: buildSheets,
  manifest: buildManifest,
  cli: buildCli,
  preview: buildPreview,
  taskpane: buildTaskpane,
  sidebar: buildSidebar,
  supportPage: buildSupportPage,
};

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseBuildArgs(process.argv.slice(2));
  const written = await Promise.all(
    Object.entries(STEPS).map(([name, step]) =>
      step(options).catch((error: unknown) => {
        throw new Error(
          `build step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
    ),
  );
  const files = written.flat().sort();
  // dist/ keeps only this build's outputs, as if it had started empty.
  const stale = await pruneOutDir(options.outDir, files);
  for (const file of stale)
    console.log(`  removed ${relative(ROOT, file)} (no build step writes it)`);
  for (const file of files) {
    const { size } = await stat(file);
    console.log(`  ${relative(ROOT, file).padEnd(36)} ${kilobytes(size).padStart(9)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`build: ${files.length} files for ${options.baseUrl} in ${seconds} s`);
}

main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
