// Bench section: the sidebar's budgets — task-pane JS and Sidebar.html sizes, time to interactive in headless Chromium.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExcel } from '../build/excel';
import { DEV_BASE_URL } from '../build/options';
import { buildSidebar, SIDEBAR_PAGE } from '../build/sidebar';
import { buildTaskpane, TASKPANE_SCRIPT, TASKPANE_STYLE } from '../build/taskpane';
import {
  chromiumMissing,
  googleScriptRunStandIn,
  launchChromium,
  routeOfficeJs,
  serveFolder,
  type Browser,
} from './browser';
import { median } from './measure';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

const MAX_TASKPANE_JS_KB = 150;
const MAX_SIDEBAR_HTML_KB = 200;
const MAX_INTERACTIVE_MS = 1000;
const LOADS = 5;

const kilobytes = (bytes: number) => bytes / 1024;

/**
 * Milliseconds from navigation start until the sidebar has answered a click: the first
 * template's options are shown and focused. Includes the test driver's round trips, so it
 * is an upper bound of what a user waits.
 */
async function timeToInteractive(browser: Browser, url: string, excel: boolean): Promise<number> {
  const page = await browser.context.newPage();
  try {
    if (excel) await routeOfficeJs(page);
    else await page.addInitScript({ content: googleScriptRunStandIn({ sheetName: 'Bench' }) });
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#app[data-ready] .kpi-card__name').first().click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

async function measureInteractive(
  outDir: string,
): Promise<{ lines: string[]; checks: BudgetCheck[] }> {
  const missing = chromiumMissing();
  if (missing) return { lines: [`interactive time skipped: ${missing}`], checks: [] };
  const [browser, server] = await Promise.all([launchChromium(), serveFolder(outDir)]);
  try {
    const pages = [
      { label: 'Sidebar.html (Sheets)', url: `${server.url}sheets/${SIDEBAR_PAGE}`, excel: false },
      {
        label: 'taskpane.html (Excel, Office.js local)',
        url: `${server.url}excel/taskpane.html`,
        excel: true,
      },
    ];
    const rows: string[][] = [];
    const checks: BudgetCheck[] = [];
    for (const { label, url, excel } of pages) {
      // An untimed first load warms Chromium itself; files are served no-store, so each load fetches anew.
      await timeToInteractive(browser, url, excel);
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) times.push(await timeToInteractive(browser, url, excel));
      const slowest = Math.max(...times);
      rows.push([label, median(times).toFixed(0), slowest.toFixed(0)]);
      checks.push({
        label: `${label} interactive (slowest of ${LOADS} loads)`,
        actual: `${slowest.toFixed(0)} ms`,
        target: `≤ ${MAX_INTERACTIVE_MS} ms`,
        pass: slowest <= MAX_INTERACTIVE_MS,
      });
    }
    return {
      lines: renderTable(['page', 'median ms', 'max ms'], rows, [false, true, true]),
      checks,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function run(): Promise<SectionReport> {
  const outDir = await mkdtemp(join(tmpdir(), 'kpi-bench-ui-'));
  try {
    const options = { outDir, baseUrl: DEV_BASE_URL };
    await Promise.all([buildExcel(options), buildTaskpane(options), buildSidebar(options)]);
    const size = async (file: string) => kilobytes((await stat(join(outDir, file))).size);
    const script = await size(`excel/${TASKPANE_SCRIPT}`);
    const style = await size(`excel/${TASKPANE_STYLE}`);
    const page = await size(`sheets/${SIDEBAR_PAGE}`);
    const sizes = renderTable(
      ['file', 'KB'],
      [
        [`dist/excel/${TASKPANE_SCRIPT} (minified, without Office.js)`, script.toFixed(1)],
        [`dist/excel/${TASKPANE_STYLE}`, style.toFixed(1)],
        [`dist/sheets/${SIDEBAR_PAGE} (JS and CSS inline)`, page.toFixed(1)],
      ],
      [false, true],
    );
    const interactive = await measureInteractive(outDir);
    return {
      lines: [...sizes, '', ...interactive.lines],
      checks: [
        {
          label: 'task-pane JavaScript, minified, excluding Office.js',
          actual: `${script.toFixed(1)} KB`,
          target: `≤ ${MAX_TASKPANE_JS_KB} KB`,
          pass: script <= MAX_TASKPANE_JS_KB,
        },
        {
          label: 'Sidebar.html',
          actual: `${page.toFixed(1)} KB`,
          target: `≤ ${MAX_SIDEBAR_HTML_KB} KB`,
          pass: page <= MAX_SIDEBAR_HTML_KB,
        },
        ...interactive.checks,
      ],
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export const sidebarBudgets: BenchSection = { title: 'Sidebar size and time to interactive', run };
