// Browser tests of the built Excel task pane (dist/excel/taskpane.html) with Office.js from the npm package.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  launchChromium,
  routeOfficeJs,
  serveFolder,
  type Browser,
  type Server,
} from '../../scripts/bench/browser';
import { axeViolations, excelStandIn, requireBuilt, screenshot } from './support/page';
import type { ExcelRecord } from './support/excel-stand-in';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the task pane browser tests: ${missing}`);

describe.skipIf(missing !== undefined)('built taskpane.html in headless Chromium', () => {
  let browser: Browser;
  let server: Server;

  beforeAll(async () => {
    requireBuilt('excel/taskpane.html');
    requireBuilt('excel/taskpane.js');
    [browser, server] = await Promise.all([launchChromium(), serveFolder()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(withExcel: boolean): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await routeOfficeJs(page);
    if (withExcel) await page.addInitScript({ content: await excelStandIn() });
    await page.goto(`${server.url}excel/taskpane.html`);
    await page.waitForSelector('#app[data-ready]');
    return { page, errors };
  }

  const excel = (page: Page) =>
    page.evaluate(() => {
      const record = (window as unknown as { __excel: ExcelRecord }).__excel;
      return {
        sheetNames: record.sheetNames,
        syncs: record.syncs,
        funnelFormulas: Object.values(record.formulasOf('Lead funnel (2)')),
      };
    });

  /** Calls `method` of the stand-in workbook in the page: acts as the user would, or reads it back. */
  const inWorkbook = (page: Page, method: keyof ExcelRecord, ...args: unknown[]) =>
    page.evaluate(
      ([name, values]) => {
        const record = (window as unknown as { __excel: Record<string, unknown> }).__excel;
        return (record[name] as (...a: unknown[]) => unknown)(...values);
      },
      [method, args] as const,
    );

  it('loads Office.js from the CDN address, which the test answers from the npm package', async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await routeOfficeJs(page);
    await page.goto(`${server.url}excel/taskpane.html`);
    await page.waitForSelector('#app[data-ready]');
    expect(scripts).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(scripts).toContain(`${server.url}excel/functions.js`);
    expect(scripts).toContain(`${server.url}excel/taskpane.js`);
    await page.close();
  });

  it('outside Excel, still shows the gallery and explains why it cannot insert', async () => {
    const { page, errors } = await open(false);
    await page.getByRole('button', { name: 'Lead funnel' }).click();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('outside Excel');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-outside-excel');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts a template with changed options through Excel.run, within three round trips', async () => {
    const { page, errors } = await open(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-gallery');

    await page.getByRole('button', { name: 'Lead funnel' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Lead funnel');
    await page.getByRole('radio', { name: /^KPI functions/ }).check();
    await page.getByLabel('Number of periods').fill('6');
    await page.getByRole('button', { name: 'Insert template' }).click();

    // The workbook already has "Lead funnel", so the new sheet is "Lead funnel (2)".
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe("Inserted 'Lead funnel (2)'");
    const record = await excel(page);
    expect(record.sheetNames).toEqual(['Sheet1', 'Lead funnel', 'Lead funnel (2)']);
    expect(record.syncs).toHaveLength(1);
    expect(record.syncs[0]).toBeLessThanOrEqual(3);
    // Functions mode in Excel: formulas call the functions with the KPI. prefix.
    expect(record.funnelFormulas.some((formula) => formula.includes('KPI.STAGE_CONVERSION('))).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-inserted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an out-of-range option next to the field, without calling Excel', async () => {
    const { page } = await open(true);
    await page.getByRole('button', { name: 'Lead funnel' }).click();
    await page.getByLabel('Number of periods').fill('30');
    await page.getByRole('button', { name: 'Insert template' }).click();
    const periods = page.getByLabel('Number of periods');
    await expect.poll(() => periods.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await periods.getAttribute('id'));
    expect(await page.locator('.kpi-error').textContent()).toContain('1 to 24');
    expect((await excel(page)).syncs).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-invalid-option');
    await page.close();
  });

  it('function reference: keyboard tabs, search, the KPI. spelling and copy', async () => {
    const { page } = await open(true);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('ArrowRight');
    const functionsTab = page.getByRole('tab', { name: 'Functions' });
    expect(await functionsTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Functions');

    await page.getByLabel('Search functions').fill('lead conversion');
    const item = page.locator('.kpi-fn', {
      has: page.getByRole('heading', { name: 'LEAD_CONVERSION', exact: true }),
    });
    expect(await item.locator('.kpi-formula').textContent()).toBe('=KPI.LEAD_CONVERSION(120, 400)');
    await item.getByRole('button', { name: 'Copy LEAD_CONVERSION' }).click();
    await expect
      .poll(() => item.getByRole('status').textContent())
      .toBe('Copied =KPI.LEAD_CONVERSION(120, 400)');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '=KPI.LEAD_CONVERSION(120, 400)',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-functions');
    await page.close();
  });

  it('function reference Insert (issue 8 item 3, issue 9): writes into an empty cell as a percentage, asks before replacing', async () => {
    const { page, errors } = await open(true);
    await page.getByRole('tab', { name: 'Functions' }).click();
    await page.getByLabel('Search functions').fill('sales roi');
    const item = page.locator('.kpi-fn', {
      has: page.getByRole('heading', { name: 'SALES_ROI', exact: true }),
    });
    const insert = item.getByRole('button', { name: 'Insert SALES_ROI' });
    const status = item.getByRole('status');
    const roi = '=KPI.SALES_ROI(50000, 10000, 0.4)';

    // An empty cell: written at once, formatted as a rate (1 shows as 100.0 %).
    await inWorkbook(page, 'select', 'Sheet1', 'B4');
    await insert.click();
    await expect.poll(() => status.textContent()).toBe(`Inserted ${roi} into B4.`);
    expect(await inWorkbook(page, 'cell', 'Sheet1', 'B4')).toEqual({
      content: { kind: 'formula', formula: roi },
      numberFormat: '0.0%',
    });

    // A cell holding 123: asked first; Cancel (focused, so Enter or Escape keeps it) writes nothing.
    await inWorkbook(page, 'enter', 'Sheet1', 'B5', 123);
    await inWorkbook(page, 'select', 'Sheet1', 'B5');
    await insert.click();
    const question = item.getByRole('group', { name: 'Cell B5 already holds “123”. Replace it?' });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-function-replace-question');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing was inserted: B5 keeps what it holds.');
    expect(await question.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await insert.getAttribute('id'),
    );
    // Escape on the question cancels too.
    await insert.click();
    await question.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    expect(await inWorkbook(page, 'cell', 'Sheet1', 'B5')).toEqual({
      content: { kind: 'number', number: 123 },
      numberFormat: 'General',
    });

    // Replace writes, with the number format.
    await insert.click();
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => status.textContent()).toBe(`Inserted ${roi} into B5.`);
    expect(await inWorkbook(page, 'cell', 'Sheet1', 'B5')).toEqual({
      content: { kind: 'formula', formula: roi },
      numberFormat: '0.0%',
    });

    // A block of cells: the formula goes into its top-left cell, and the message says so.
    await inWorkbook(page, 'select', 'Sheet1', 'D2:E3');
    await insert.click();
    await expect
      .poll(() => status.textContent())
      .toBe(`Inserted ${roi} into D2, the top-left cell of the selection D2:E3.`);
    expect(Object.keys((await inWorkbook(page, 'formulasOf', 'Sheet1')) as object)).toEqual([
      'B4',
      'B5',
      'D2',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a CRM export through the Import tab into the workbook: the deals sheet, then the analysis that reads it', async () => {
    const { page, errors } = await open(true);
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByLabel('Deals file (CSV or TSV)').setInputFiles({
      name: 'hubspot-deals.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(new URL('../fixtures/crm/hubspot-deals.csv', import.meta.url)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.locator('.kpi-import [role="status"]').last().textContent(), {
        timeout: 60_000,
      })
      .toMatch(/^Imported \d+ deals into 'Deals' and added 'Pipeline analysis'\.$/);
    expect((await excel(page)).sheetNames).toEqual([
      'Sheet1',
      'Lead funnel',
      'Deals',
      'Pipeline analysis',
    ]);
    // The fixture's first deal as the Deals sheet holds it: its id and name stay text.
    expect(await inWorkbook(page, 'cell', 'Deals', 'B2')).toMatchObject({
      content: { kind: 'text', text: '18234001' },
    });
    expect(await inWorkbook(page, 'cell', 'Deals', 'C2')).toMatchObject({
      content: { kind: 'text', text: 'Nordic Logistics – renewal' },
    });
    const formulas = Object.values(
      (await inWorkbook(page, 'formulasOf', 'Pipeline analysis')) as Record<string, string>,
    );
    expect(formulas.some((formula) => formula.includes("'Deals'!$E:$E"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
