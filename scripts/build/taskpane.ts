// Build step: dist/excel/taskpane.js and taskpane.css, the sidebar of the task pane page.
import { join } from 'node:path';
import { bundle } from './bundle';
import { type BuildOptions } from './options';
import { sidebarStyle } from './sidebar-style';
import { writeOutput } from './write';

/** The files taskpane.html loads next to Office.js and functions.js. */
export const TASKPANE_SCRIPT = 'taskpane.js';
export const TASKPANE_STYLE = 'taskpane.css';

export async function buildTaskpane({ outDir }: BuildOptions): Promise<string[]> {
  const dir = join(outDir, 'excel');
  // ES2017 like functions.js: the same page runs both in the oldest webview the shared runtime uses.
  const [script, style] = await Promise.all([
    bundle({ entry: 'excel-addin/taskpane.ts', target: 'es2017' }),
    sidebarStyle(),
  ]);
  return Promise.all([
    writeOutput(join(dir, TASKPANE_SCRIPT), script),
    writeOutput(join(dir, TASKPANE_STYLE), style),
  ]);
}
