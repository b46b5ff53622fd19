// Browser test of the built Sheets sidebar's Import tab: google.script.run answered by the built server (Code.js, Core.js) on the fake spreadsheet.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_COLUMNS } from '../../core/import/workbook-types';
import {
  chromiumMissing,
  launchChromium,
  serveFolder,
  type Browser,
  type Server,
} from '../../scripts/bench/browser';
import { ROOT } from '../../scripts/build/options';
import { IMPORT_CHUNK_CHARS } from '../../sheets-addon/import-chunks';
import { fakeAppsScript } from '../support/fake-spreadsheet-app';
import { requireBuilt } from './support/page';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the Sheets import browser test: ${missing}`);

/** One google.script.run call as the page made it: the function and its arguments as JSON. */
interface SentCall {
  name: string;
  json: string;
}

/**
 * google.script.run in the page: each call's arguments go to the test as JSON (as Apps Script
 * copies them) through `__serverCall`, and its answer or error comes back asynchronously.
 */
const SCRIPT_RUN = `(() => {
  const names = ['insertTemplate', 'insertFormula', 'readSheetValues', 'importDeals',
    'appendImportRows', 'discardImportDraft'];
  const runner = (success, failure) => {
    const run = {
      withSuccessHandler: (handler) => runner(handler, failure),
      withFailureHandler: (handler) => runner(success, handler),
    };
    for (const name of names)
      run[name] = (...args) => {
        window.__serverCall(name, JSON.stringify(args)).then(
          (answer) => success && success(answer === undefined ? undefined : JSON.parse(answer)),
          (error) => failure && failure(new Error(String(error && error.message || error))),
        );
      };
    return run;
  };
  window.google = { script: { get run() { return runner(undefined, undefined); } } };
})();`;

/** The built Apps Script project in one V8 context with a fresh fake spreadsheet, as Apps Script loads it. */
function appsScriptProject() {
  const world = fakeAppsScript();
  const project = vm.createContext({ ...world.globals });
  const dir = resolve(ROOT, 'dist/sheets');
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort())
    vm.runInContext(readFileSync(resolve(dir, file), 'utf8'), project, { filename: file });
  const calls: SentCall[] = [];
  const call = (name: string, json: string): string | undefined => {
    calls.push({ name, json });
    const server = project[name] as (...args: unknown[]) => unknown;
    const answer = server(...(JSON.parse(json) as unknown[]));
    return answer === undefined ? undefined : JSON.stringify(answer);
  };
  return { world, calls, call };
}

describe.skipIf(missing !== undefined)(
  'the built Sheets sidebar imports through google.script.run',
  () => {
    let browser: Browser;
    let server: Server;

    beforeAll(async () => {
      requireBuilt('sheets/Sidebar.html');
      requireBuilt('sheets/Code.js');
      [browser, server] = await Promise.all([launchChromium(), serveFolder()]);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function open(project: ReturnType<typeof appsScriptProject>) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.exposeFunction('__serverCall', project.call);
      await page.addInitScript({ content: SCRIPT_RUN });
      await page.addInitScript(
        `Object.defineProperty(navigator, 'language', { get: () => 'en-US' });`,
      );
      await page.goto(`${server.url}sheets/Sidebar.html`);
      await page.waitForSelector('#app[data-ready]');
      return { page, errors };
    }

    const status = (page: Page) => page.locator('.kpi-import [role="status"]').last();

    it('a HubSpot export: the server functions accept what the page sends, and the page shows their answer', async () => {
      const project = appsScriptProject();
      const { page, errors } = await open(project);
      await page.getByRole('tab', { name: 'Import' }).click();
      await page.getByLabel('Deals file (CSV or TSV)').setInputFiles({
        name: 'hubspot-deals.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(resolve(ROOT, 'tests/fixtures/crm/hubspot-deals.csv')),
      });
      await page.getByLabel('Contract Sent (2) new').selectOption({ label: 'Won' });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => status(page).textContent(), { timeout: 15_000 })
        .toBe("Imported 24 deals into 'Deals' and added 'Pipeline analysis'.");

      // The page looked for an earlier import's record (on reading the file, again before writing), then sent the import in one call.
      expect(project.calls.map((call) => call.name)).toEqual([
        'readSheetValues',
        'readSheetValues',
        'importDeals',
      ]);
      for (const call of project.calls)
        expect(call.json.length).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
      const { spreadsheet } = project.world;
      expect(spreadsheet.sheets.map((sheet) => sheet.name)).toEqual([
        'Sheet1',
        'Deals',
        'Pipeline analysis',
      ]);
      const deals = spreadsheet.sheet('Deals')!;
      const rows = Array.from({ length: 24 }, (_, r) =>
        deals.rowValues(r + 2, DATA_COLUMNS.length),
      );
      const outcome = DATA_COLUMNS.indexOf('outcome');
      // Hand-counted from the file: 10 Closed Won + the 2 Contract Sent the user called won.
      expect(rows.filter((row) => row[outcome] === 'won')).toHaveLength(12);
      expect(deals.getLastRow()).toBeGreaterThanOrEqual(25);
      expect(deals.rowValues(26, 12)).toEqual(Array(12).fill(''));
      // The record from N1, with the file's name.
      expect(deals.rowValues(2, 15).slice(13)).toEqual(['File', 'hubspot-deals.csv']);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('40,000 deals without amounts: rows and record go in chunks, each call within the bound, the record whole', async () => {
      const [header, ...lines] = readFileSync(
        resolve(ROOT, 'tests/fixtures/crm/hubspot-deals.csv'),
        'utf8',
      )
        .trim()
        .split('\n');
      // The file's deals of known stages, each copied with its own id and no amount (kept, reported).
      const known = lines.filter((line) => !line.includes('Contract Sent'));
      const generated = Array.from({ length: 40_000 }, (_, i) => {
        const cells = known[i % known.length]!.split('","');
        cells[0] = `"${30_000_000 + i}`;
        cells[5] = '';
        return cells.join('","');
      });
      const project = appsScriptProject();
      const { page, errors } = await open(project);
      await page.getByRole('tab', { name: 'Import' }).click();
      await page.getByLabel('Deals file (CSV or TSV)').setInputFiles({
        name: 'many-deals.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...generated].join('\n')),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => status(page).textContent(), { timeout: 60_000 })
        .toBe("Imported 40,000 deals into 'Deals' and added 'Pipeline analysis'.");

      const names = project.calls.map((call) => call.name);
      expect(names.filter((name) => name === 'appendImportRows').length).toBeGreaterThanOrEqual(5);
      expect(names.at(-1)).toBe('importDeals');
      for (const call of project.calls)
        expect(call.json.length, call.name).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
      const { spreadsheet } = project.world;
      expect(spreadsheet.sheets.map((sheet) => sheet.name)).toEqual([
        'Sheet1',
        'Deals',
        'Pipeline analysis',
      ]);
      const deals = spreadsheet.sheet('Deals')!;
      const id = DATA_COLUMNS.indexOf('id');
      expect(deals.rowValues(2, 12)[id]).toBe('30000000');
      expect(deals.rowValues(40_001, 12)[id]).toBe('30039999');
      expect(deals.rowValues(40_002, 12)).toEqual(Array(12).fill(''));
      // The record's last line reports the file's last row (row 40,001: the header is row 1).
      const record = (row: number) => deals.rowValues(row, 17).slice(13);
      const last = deals.getLastRow();
      expect(last).toBeGreaterThan(40_001);
      expect(record(last)[0]).toBe(40_001);
      const reported = Array.from({ length: last }, (_, r) => record(r + 1)).filter(
        (line) => typeof line[0] === 'number' && line[1] === 'Amount',
      );
      expect(reported).toHaveLength(40_000);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  },
);
