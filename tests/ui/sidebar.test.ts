// Browser tests of the built Google Sheets sidebar (dist/sheets/Sidebar.html) with a google.script.run stand-in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  googleScriptRunStandIn,
  launchChromium,
  serveFolder,
  type Browser,
  type ScriptRunAnswer,
  type Server,
} from '../../scripts/bench/browser';
import { withHostDefaults } from '../../sheets-addon/host-defaults';
import { axeViolations, requireBuilt, screenshot, sheetsStandIn } from './support/page';
import type { SheetsRecord } from './support/sheets-stand-in';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the Sheets sidebar browser tests: ${missing}`);

describe.skipIf(missing !== undefined)('built Sidebar.html in headless Chromium', () => {
  let browser: Browser;
  let server: Server;

  beforeAll(async () => {
    requireBuilt('sheets/Sidebar.html');
    [browser, server] = await Promise.all([launchChromium(), serveFolder()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the sidebar; `requests` lists every URL the page fetched. */
  async function open(answer: ScriptRunAnswer, locale = 'en-US') {
    const context = browser.context;
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: googleScriptRunStandIn(answer) });
    await page.addInitScript(
      `Object.defineProperty(navigator, 'language', { get: () => '${locale}' });`,
    );
    await page.goto(`${server.url}sheets/Sidebar.html`);
    await page.waitForSelector('#app[data-ready]');
    return { page, requests, errors };
  }

  const insertRequests = (page: Page) =>
    page.evaluate(() => (window as unknown as { __insertRequests: unknown[] }).__insertRequests);

  it('is one self-contained file: nothing but the page itself is fetched', async () => {
    const { page, requests, errors } = await open({ sheetName: 'unused' });
    expect(requests).toEqual([`${server.url}sheets/Sidebar.html`]);
    expect(errors).toEqual([]);
    expect(await page.locator('#app').getAttribute('class')).toContain('kpi-sidebar--sheets');
    await page.close();
  });

  it('inserts through google.script.run: progress, then the sheet name the server answered', async () => {
    const { page, errors } = await open({
      sheetName: 'Email campaign tracker (2)',
      delayMs: 400,
    });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-gallery');

    await page.getByRole('button', { name: 'Email campaign tracker' }).click();
    await page.getByLabel('Campaigns').fill('25');
    await page.getByLabel('Fill in example data').uncheck();
    // Campaign emails hold no money: no currency is offered.
    expect(await page.getByLabel('Currency', { exact: true }).count()).toBe(0);
    const insert = page.getByRole('button', { name: 'Insert template' });
    await insert.click();

    // While the server works: the button is disabled (keeping focus) and progress is announced.
    expect(await insert.getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Inserting “Email campaign tracker”…',
    );
    // Playwright waits for aria-disabled buttons to become enabled; force clicks now, as a user could.
    await insert.click({ force: true });
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 5000 })
      .toBe("Inserted 'Email campaign tracker (2)'");
    expect(await insert.getAttribute('aria-disabled')).toBe('false');

    // Exactly one request (the click while busy was ignored), with the options as chosen.
    expect(await insertRequests(page)).toEqual([
      {
        templateId: 'email',
        options: {
          lang: 'en',
          mode: 'portable',
          example: false,
          protect: true,
          rows: 25,
        },
      },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-inserted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the server refusal as an alert and lets the user try again', async () => {
    const { page } = await open({
      sheetName: 'unused',
      failWith: 'Exception: The spreadsheet is protected; ask its owner for edit access.',
    });
    await page.getByRole('button', { name: 'Monthly KPI dashboard' }).click();
    await page.getByRole('button', { name: 'Insert template' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'The template was not inserted. Exception: The spreadsheet is protected; ask its owner for edit access.',
      );
    expect(
      await page.getByRole('button', { name: 'Insert template' }).getAttribute('aria-disabled'),
    ).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-error');
    await page.close();
  });

  it('opens in Finnish for a Finnish browser and switches language, re-rendering every text', async () => {
    const { page } = await open({ sheetName: 'Liidisuppilo' }, 'fi-FI');
    expect(await page.locator('#app').getAttribute('lang')).toBe('fi');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Pohjat');
    await page.getByRole('button', { name: 'Ulkoistetun myynnin tuloskortti' }).click();
    // A Finnish locale defaults the sheet to Finnish and the currency to the euro.
    expect(await page.getByLabel('Taulukon kieli').inputValue()).toBe('fi');
    expect(await page.getByLabel('Valuutta').inputValue()).toBe('EUR');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-finnish');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#app').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Outsourced sales scorecard',
    );
    expect(await page.getByRole('button', { name: 'Insert template' }).count()).toBe(1);
    // The sheet's language followed the display language, as the user had not chosen one.
    expect(await page.getByLabel('Language of the sheet').inputValue()).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.close();
  });

  it("follows the defaults the server puts into the page over the browser's language", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: googleScriptRunStandIn({ sheetName: 'unused' }) });
    const url = `${server.url}sheets/Sidebar.html`;
    // What showSidebar serves: the built page with the user's language and the sheet's currency.
    await page.route(url, async (route) => {
      const built = await (await route.fetch()).text();
      await route.fulfill({
        contentType: 'text/html',
        body: withHostDefaults(built, { lang: 'fi', currency: 'SEK' }),
      });
    });
    await page.goto(url);
    await page.waitForSelector('#app[data-ready]');
    expect(await page.locator('#app').getAttribute('lang')).toBe('fi');
    await page.getByRole('button', { name: 'Ulkoistetun myynnin tuloskortti' }).click();
    expect(await page.getByLabel('Valuutta').inputValue()).toBe('SEK');
    await page.close();
  });

  it('function reference: Sheets spelling without prefix, copy and insert', async () => {
    const { page } = await open({ sheetName: 'unused' });
    await page.getByRole('tab', { name: 'Functions' }).click();
    await page.getByLabel('Search functions').fill('promoter');
    const items = page.locator('.kpi-fn');
    expect(await items.locator('h3').allTextContents()).toEqual(['NPS']);
    expect(await items.locator('.kpi-formula').textContent()).toBe(
      '=NPS({10;9;10;9;10;8;7;6;3;5})',
    );
    expect(await items.getByRole('button').allTextContents()).toEqual(['Copy NPS', 'Insert NPS']);
    await page.getByLabel('Search functions').fill('no such kpi');
    expect(await items.count()).toBe(0);
    expect(await page.getByText('No function matches “no such kpi”').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('function reference in Finnish: Finnish descriptions and help, the same names, Finnish search (issue 9)', async () => {
    const { page } = await open({ sheetName: 'unused' }, 'fi-FI');
    await page.getByRole('tab', { name: 'Funktiot' }).click();
    await page.getByLabel('Hae funktioita').fill('menetettiin');
    const items = page.locator('.kpi-fn');
    expect(await items.locator('h3').allTextContents()).toEqual(['CHURN_RATE']);
    expect(await items.locator('.kpi-fn__description').textContent()).toBe(
      'Osuus jakson alun asiakkaista, jotka menetettiin jakson aikana.',
    );
    expect(await items.locator('.kpi-fn__params li').allTextContents()).toEqual([
      'customers_lost – Jaksolla menetettyjen (irtisanottujen tai uusimatta jääneiden) asiakkaiden määrä.',
      'customers_start – Asiakkaiden määrä jakson alussa.',
    ]);
    expect(await items.locator('.kpi-formula').textContent()).toBe('=CHURN_RATE(12, 200)');
    // An optional parameter's help ends with its range and default, written the Finnish way.
    await page.getByLabel('Hae funktioita').fill('KPI_STATUS');
    expect(await items.locator('.kpi-fn__params li').nth(3).textContent()).toContain(
      '0–100 %. Oletus 10 %.',
    );
    expect(await page.getByText('englanniksi').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('function reference Insert through the insertFormula server function: asks before replacing, in both languages (issue 8 item 3, issue 9)', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: await sheetsStandIn() });
    await page.goto(`${server.url}sheets/Sidebar.html`);
    await page.waitForSelector('#app[data-ready]');
    const inSheet = (method: keyof SheetsRecord, ...args: unknown[]) =>
      page.evaluate(
        ([name, values]) => {
          const record = (window as unknown as { __sheets: Record<string, unknown> }).__sheets;
          const member = record[name];
          return typeof member === 'function' ? member(...values) : member;
        },
        [method, args] as const,
      );
    await page.getByRole('tab', { name: 'Functions' }).click();
    await page.getByLabel('Search functions').fill('sales roi');
    const item = page.locator('.kpi-fn', {
      has: page.getByRole('heading', { name: 'SALES_ROI', exact: true }),
    });
    const status = item.getByRole('status');
    const roi = '=SALES_ROI(50000, 10000, 0.4)';

    // An empty cell: written at once, formatted as a rate.
    await inSheet('select', 'B4');
    await item.getByRole('button', { name: 'Insert SALES_ROI' }).click();
    await expect.poll(() => status.textContent()).toBe(`Inserted ${roi} into B4.`);
    expect(await inSheet('cell', 'B4')).toEqual({ formula: roi, numberFormat: '0.0%' });

    // A cell holding 123: asked; Cancel writes nothing.
    await inSheet('enter', 'B5', '123');
    await inSheet('select', 'B5');
    await item.getByRole('button', { name: 'Insert SALES_ROI' }).click();
    const question = item.getByRole('group', { name: 'Cell B5 already holds “123”. Replace it?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing was inserted: B5 keeps what it holds.');
    expect(await inSheet('cell', 'B5')).toEqual({ display: '123' });

    // Changed while the question was open: Replace writes nothing and says why.
    await item.getByRole('button', { name: 'Insert SALES_ROI' }).click();
    await question.waitFor();
    await inSheet('enter', 'B5', '456');
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe(
        'B5 changed before the formula was written, so nothing was inserted. Press Insert again.',
      );
    expect(await inSheet('cell', 'B5')).toEqual({ display: '456' });

    // In Finnish: the question and its buttons are translated; Replace writes.
    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.getByRole('button', { name: 'Lisää SALES_ROI' }).click();
    const kysymys = item.getByRole('group', { name: 'Solussa B5 on jo ”456”. Korvataanko se?' });
    await kysymys.waitFor();
    expect(await kysymys.getByRole('button').allTextContents()).toEqual(['Korvaa', 'Peruuta']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-function-replace-question-fi');
    await kysymys.getByRole('button', { name: 'Korvaa' }).click();
    await expect.poll(() => status.textContent()).toBe(`Kaava ${roi} lisätty soluun B5.`);
    expect(await inSheet('cell', 'B5')).toEqual({ formula: roi, numberFormat: '0.0%' });

    // What a cell holds is shown as text, never as markup.
    await inSheet('enter', 'B6', '<img src=x onerror="document.title=1">');
    await inSheet('select', 'B6');
    await page.getByRole('button', { name: 'Lisää SALES_ROI' }).click();
    const markup = item.getByRole('group', {
      name: 'Solussa B6 on jo ”<img src=x onerror="document.title=1">”. Korvataanko se?',
    });
    await markup.getByRole('button', { name: 'Peruuta' }).click();
    expect(await item.locator('img').count()).toBe(0);
    expect(await inSheet('cell', 'B6')).toEqual({
      display: '<img src=x onerror="document.title=1">',
    });

    // What the server received: the formula and its format, and the cell agreed to at the end.
    const requests = (await inSheet('requests')) as unknown[];
    expect(requests[0]).toEqual({ formula: roi, numberFormat: '0.0%' });
    expect(requests.at(-2)).toEqual({
      formula: roi,
      numberFormat: '0.0%',
      expected: { sheet: 'Sheet1', address: 'B5', content: '456' },
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
