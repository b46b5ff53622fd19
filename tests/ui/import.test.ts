// Browser tests of "Import CRM data" in the one sidebar, on a fake host that records every read and write (headless Chromium).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type Browser } from '../../scripts/bench/browser';
import { ROOT } from '../../scripts/build/options';
import { axeViolations, screenshot } from './support/page';
import type { ImportHostConfig, ImportHostRecord } from './support/import-host';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the import browser tests: ${missing}`);

const fixture = (name: string) => readFileSync(resolve(ROOT, 'tests/fixtures/crm', name));

/** The data sheet's columns A–L as the design fixes them. */
const COLUMN = { row: 0, id: 1, name: 2, stage: 3, outcome: 4, amount: 5, owner: 9 } as const;

describe.skipIf(missing !== undefined)('Import CRM data in the sidebar', () => {
  let browser: Browser;
  let script: string;
  const style = readFileSync(resolve(ROOT, 'core/ui/sidebar.css'), 'utf8');

  beforeAll(async () => {
    const [launched, built] = await Promise.all([
      launchChromium(),
      build({
        entryPoints: [resolve(ROOT, 'tests/ui/support/import-host.ts')],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        write: false,
        logLevel: 'silent',
      }),
    ]);
    browser = launched;
    script = built.outputFiles[0]!.text;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(config: Partial<ImportHostConfig> = {}) {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const full: ImportHostConfig = { displayLanguage: 'en-GB', ...config };
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>Import test</title><style>${style}</style></head>` +
        '<body><main><div id="app"></div></main></body></html>',
    );
    await page.evaluate(`window.__importConfig = ${JSON.stringify(full)};`);
    await page.addScriptTag({ content: script });
    await page.waitForSelector('#app[data-ready]');
    return { page, errors };
  }

  const record = (page: Page) =>
    page.evaluate(() => (window as unknown as { __importHost: ImportHostRecord }).__importHost);

  async function chooseFile(
    page: Page,
    name: string,
    buffer: Buffer,
    label = 'Deals file (CSV or TSV)',
  ) {
    await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer });
  }

  const status = (page: Page) => page.locator('.kpi-import [role="status"]').last();
  const alert = (page: Page) => page.locator('.kpi-import [role="alert"]').last();

  it('offers the Import tab only where the host can write an import', async () => {
    const without = await open({ noImport: true });
    expect(await without.page.getByRole('tab').allTextContents()).toEqual([
      'Templates',
      'Functions',
    ]);
    await without.page.close();
    const { page, errors } = await open();
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Templates',
      'Functions',
      'Import',
    ]);
    // Reached by the keyboard like the other tabs.
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Import');
    expect(await page.getByRole('heading', { name: 'Import CRM data' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the detected mapping, sends the changed column and the stage answer in the request', async () => {
    const { page, errors } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    await chooseFile(page, 'hubspot-deals.csv', fixture('hubspot-deals.csv'));
    await expect.poll(() => page.getByText('HubSpot export: 24 rows.').count()).toBe(1);
    // Before reading anything it asked whether the workbook already has a data sheet.
    expect((await record(page)).reads).toEqual([['Deals', 'N1:Q400']]);

    // Field → column, required fields marked, first rows parsed beside the choice.
    const owner = page.getByLabel('Owner', { exact: true });
    expect(await owner.locator('option:checked').textContent()).toBe('Deal owner');
    expect(await page.getByLabel('Amount (required)').locator('option:checked').textContent()).toBe(
      'Amount',
    );
    expect(
      await page
        .getByRole('list', { name: 'First rows of Created date' })
        .locator('li')
        .allTextContents(),
    ).toEqual(['2026-01-05', '2026-01-08', '2026-01-12']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'import-mapping');

    // The user reads the owner from the Pipeline column and counts "Contract Sent" as won.
    await owner.selectOption({ label: 'Pipeline' });
    expect(
      await page
        .getByRole('list', { name: 'First rows of Owner' })
        .locator('li')
        .first()
        .textContent(),
    ).toBe('Sales Pipeline');
    await page.getByLabel('Contract Sent (2) new').selectOption({ label: 'Won' });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status(page).textContent(), { timeout: 10_000 })
      .toBe("Imported 24 deals into 'Deals' and added 'Pipeline analysis (2)'.");

    const [request] = (await record(page)).imports;
    expect(request?.replace).toBe(false);
    expect(request?.analysis).not.toBeNull();
    const rows = request!.dataSheet.rows;
    expect(rows).toHaveLength(24);
    expect(rows.every((row) => row[COLUMN.owner] === 'Sales Pipeline')).toBe(true);
    // Hand-counted from the file: 10 Closed Won + the 2 Contract Sent the user called won.
    expect(rows.filter((row) => row[COLUMN.outcome] === 'won')).toHaveLength(12);
    expect(rows.find((row) => row[COLUMN.id] === '18234023')?.[COLUMN.outcome]).toBe('won');
    expect(await page.getByText('Rows read: 24. Rows left out: 0.').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('re-import: asks nothing new, then asks before replacing the rows of Deals', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    await chooseFile(page, 'hubspot-deals.csv', fixture('hubspot-deals.csv'));
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Pipeline' });
    await page.getByLabel('Contract Sent (2) new').selectOption({ label: 'Lost' });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => (await record(page)).imports.length).toBe(1);

    // The same export again: the workbook's record fills in the user's earlier answers.
    await chooseFile(page, 'hubspot-deals.csv', fixture('hubspot-deals.csv'));
    await expect
      .poll(() => page.getByText("Columns and stages as last imported into 'Deals'.").count())
      .toBe(1);
    expect(
      await page.getByLabel('Owner', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Pipeline');
    const contract = page.getByLabel('Contract Sent (2)', { exact: true });
    expect(await contract.locator('option:checked').textContent()).toBe('Lost');
    // Its analysis is in the workbook already: not added again unless asked.
    expect(await page.getByLabel('Add a Pipeline analysis sheet').isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const question = page.getByRole('group', { name: "Replace the rows of 'Deals'?" });
    await question.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'import-replace-question');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toBe("Nothing was imported: 'Deals' keeps its rows.");
    expect((await record(page)).imports).toHaveLength(1);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await question.getByRole('button', { name: 'Replace rows' }).click();
    await expect.poll(async () => (await record(page)).imports.length).toBe(2);
    const second = (await record(page)).imports[1]!;
    expect(second.replace).toBe(true);
    expect(second.analysis).toBeNull();
    expect(second.dataSheet.rows.filter((row) => row[COLUMN.outcome] === 'lost')).toHaveLength(10);
    await expect.poll(() => status(page).textContent()).toBe("Imported 24 deals into 'Deals'.");
    await page.close();
  });

  it('refuses bad files with a translated message and writes nothing', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    await chooseFile(page, 'report.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    await expect
      .poll(() => page.locator('.kpi-import [role="alert"]').first().textContent())
      .toBe(
        '“report.csv” was not read. This is not a text file: it looks like an Excel workbook (.xlsx). Save it as CSV and choose that file.',
      );
    await chooseFile(page, 'headers.csv', Buffer.from('Deal Name,Amount,Create Date,Close Date\n'));
    await expect
      .poll(() => page.locator('.kpi-import [role="alert"]').first().textContent())
      .toBe('“headers.csv” was not read. The file has column headers but no deals.');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Suomi' }).click();
    await chooseFile(page, 'tyhjä.csv', Buffer.from('\n\n'), 'Kauppatiedosto (CSV tai TSV)');
    await expect
      .poll(() => page.locator('.kpi-import [role="alert"]').first().textContent())
      .toBe('Tiedostoa ”tyhjä.csv” ei luettu. Tiedosto on tyhjä.');

    // A file without an amount column: the mapping shows, Import refuses naming the field.
    await chooseFile(
      page,
      'ilman-summaa.csv',
      Buffer.from(
        'Deal Name,Deal Stage,Create Date,Close Date\nA,Closed Won,2026-01-02,2026-01-09\n',
      ),
      'Kauppatiedosto (CSV tai TSV)',
    );
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await expect
      .poll(() => alert(page).textContent())
      .toBe('Mitään ei tuotu. Valitse sarake kentille: Summa.');
    expect(await axeViolations(page)).toEqual([]);
    expect((await record(page)).imports).toEqual([]);
    await page.close();
  });

  it('asks day first or month first where both read every date, and imports as answered', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    const csv = [
      'Deal Name,Deal Stage,Amount,Create Date,Close Date',
      'A,Closed Won,100,01/02/2026,03/04/2026',
      'B,Closed Lost,200,05/06/2026,07/08/2026',
    ].join('\n');
    await chooseFile(page, 'slashed.csv', Buffer.from(csv));
    const button = page.getByRole('button', { name: 'Import', exact: true });
    await button.click();
    await expect
      .poll(() => alert(page).textContent())
      .toBe(
        'Nothing was imported. Say whether the day or the month comes first in the dates of: “Create Date”, “Close Date”.',
      );
    const created = page.getByRole('group', {
      name: 'Dates in “Create Date” (for example 01/02/2026)',
    });
    const closed = page.getByRole('group', {
      name: 'Dates in “Close Date” (for example 03/04/2026)',
    });
    await created.getByLabel('Month first (12/31/2026)').check();
    expect(
      await page
        .getByRole('list', { name: 'First rows of Created date' })
        .locator('li')
        .allTextContents(),
    ).toEqual(['2026-01-02', '2026-05-06']);
    // By keyboard: the arrow key moves the choice within the group.
    await closed.getByLabel('Day first (31/12/2026)').check();
    await page.keyboard.press('ArrowDown');
    expect(await closed.getByLabel('Month first (12/31/2026)').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await button.click();
    await expect.poll(async () => (await record(page)).imports.length).toBe(1);
    const [request] = (await record(page)).imports;
    // 2 January and 4 March 2026 as Excel serials (2026-01-01 is 46023).
    expect(request!.dataSheet.rows[0]!.slice(7, 9)).toEqual([46024, 46085]);

    // The same file again: the workbook's record holds the answers, so they are set already.
    await chooseFile(page, 'slashed.csv', Buffer.from(csv));
    await expect
      .poll(() => page.getByText("Columns and stages as last imported into 'Deals'.").count())
      .toBe(1);
    expect(await created.getByLabel('Month first (12/31/2026)').isChecked()).toBe(true);
    expect(await closed.getByLabel('Month first (12/31/2026)').isChecked()).toBe(true);
    await button.click();
    await page.getByRole('group', { name: "Replace the rows of 'Deals'?" }).waitFor();
    await page.getByRole('button', { name: 'Replace rows' }).click();
    await expect.poll(async () => (await record(page)).imports.length).toBe(2);
    const again = (await record(page)).imports[1]!;
    expect(again.dataSheet.rows[0]!.slice(7, 9)).toEqual([46024, 46085]);
    await page.close();
  });

  it("shows the host's refusal as an alert and lets the user try again", async () => {
    const { page } = await open({ failWith: 'The workbook is protected; ask its owner.' });
    await page.getByRole('tab', { name: 'Import' }).click();
    await chooseFile(page, 'hubspot-deals.csv', fixture('hubspot-deals.csv'));
    const button = page.getByRole('button', { name: 'Import', exact: true });
    await button.click();
    // While the host writes, progress is shown and another file cannot be chosen.
    await expect.poll(() => status(page).textContent()).toBe("Writing 24 deals into 'Deals'…");
    expect(await page.getByLabel('Deals file (CSV or TSV)').isDisabled()).toBe(true);
    await expect
      .poll(() => alert(page).textContent())
      .toBe('Nothing was imported. The workbook is protected; ask its owner.');
    expect(await button.getAttribute('aria-disabled')).toBe('false');
    expect(await page.getByLabel('Deals file (CSV or TSV)').isDisabled()).toBe(false);
    expect(await page.getByRole('list', { name: 'Reported rows' }).count()).toBe(0);
    await page.close();
  });

  it('lists every reported row of the messy export, in English and in Finnish', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    await chooseFile(page, 'messy-deals.csv', fixture('messy-deals.csv'));
    await page.getByText('HubSpot export: 12 rows.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status(page).textContent(), { timeout: 10_000 })
      .toBe("Imported 7 deals into 'Deals' and added 'Pipeline analysis (2)'.");
    // Worked out by hand from the file (row numbers as a spreadsheet shows them).
    const problems = page.getByRole('list', { name: 'Reported rows' }).locator('li');
    expect(await problems.allTextContents()).toEqual([
      'Row 7, Close Date: “2026-02-30” – not a date',
      'Row 8, Amount: “” – no amount: read as 0, row kept',
      'Row 9, Amount: “n/a” – not a number',
      'Row 10, Create Date: “soon” – not a date',
      'Row 13, Close Date: “” – won or lost without a close date',
      'Row 15: “Total” – a totals row, not a deal',
    ]);
    expect(await page.getByText('Rows read: 12. Rows left out: 5.').count()).toBe(1);
    expect(
      await page
        .getByText('Amounts are in EUR, USD: they are kept apart, never added together.')
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'import-result');

    await page.getByRole('button', { name: 'Suomi' }).click();
    expect(
      await page.getByRole('list', { name: 'Raportoidut rivit' }).locator('li').allTextContents(),
    ).toEqual([
      'Rivi 7, Close Date: ”2026-02-30” – ei ole päivämäärä',
      'Rivi 8, Amount: ”” – summa puuttuu: luettu nollaksi, rivi mukana',
      'Rivi 9, Amount: ”n/a” – ei ole luku',
      'Rivi 10, Create Date: ”soon” – ei ole päivämäärä',
      'Rivi 13, Close Date: ”” – voitettu tai hävitty ilman sulkemispäivää',
      'Rivi 15: ”Total” – summarivi, ei kauppa',
    ]);
    expect(await page.getByText('Luettuja rivejä: 12. Pois jätettyjä rivejä: 5.').count()).toBe(1);
    await page.close();
  });

  it('shows file names, headers, stages and cell values as text, never as markup', async () => {
    const { page, errors } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    const markup = '<img src=x onerror="document.title=1">';
    const csv = [
      `Deal Name,Deal Stage,Amount,Create Date,Close Date,"<b>Owner</b>"`,
      `"${markup.replaceAll('"', '""')}","<i>Stage</i>",<script>x</script>,2026-01-02,2026-01-09,Anna`,
      `Second,"<i>Stage</i>",100,2026-01-03,,Ben`,
    ].join('\n');
    await chooseFile(page, '<u>file</u>.csv', Buffer.from(csv));
    await page.getByText('2 rows.').first().waitFor();
    expect(
      await page.getByLabel('Owner', { exact: true }).locator('option:checked').textContent(),
    ).toBe('<b>Owner</b>');
    expect(await page.getByLabel('<i>Stage</i> (2) new').count()).toBe(1);
    expect(
      await page
        .getByRole('list', { name: 'First rows of Deal name' })
        .locator('li')
        .first()
        .textContent(),
    ).toBe(markup);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Reported rows' }).locator('li').allTextContents())
      .toEqual(['Row 2, Amount: “<script>x</script>” – not a number']);
    expect(await page.locator('#app img, #app b, #app i, #app u, #app script').count()).toBe(0);
    expect(await page.title()).toBe('Import test');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays usable on 100,000 rows: a few rows previewed, the reported rows capped and counted, the rows not kept', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'Import' }).click();
    const cdp = await page.context().newCDPSession(page);
    /** The page's JS heap in use after a full collection (the file's bytes are outside it). */
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const lines = ['Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal owner'];
    // Every tenth deal has an amount that is no number: 10,000 reported rows.
    for (let i = 0; i < 100_000; i++)
      lines.push(
        `Deal ${i},${i % 3 === 0 ? 'Closed Won' : 'Closed Lost'},${i % 10 === 0 ? 'n/a' : 1000 + (i % 500)},2026-01-0${1 + (i % 9)},2026-02-1${i % 10},Owner ${i % 7}`,
      );
    // Timed in the page, from the progress text (shown before the file is read) to the mapping:
    // the file's transfer from the test into the browser is not the sidebar's time.
    await page.evaluate(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: typeof marks }).__marks = marks;
      new MutationObserver(() => {
        const text = document.querySelector('.kpi-import')?.textContent ?? '';
        if (text.includes('Reading “big.csv”') && !marks.reading) marks.reading = performance.now();
        if (text.includes('HubSpot export: 100,000 rows.') && !marks.shown)
          marks.shown = performance.now();
        if (text.includes('Reading the deals…') && !marks.importing)
          marks.importing = performance.now();
        if (text.includes('Rows read: 100,000.') && !marks.done) marks.done = performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const file = Buffer.from(lines.join('\n'));
    const before = await heap();
    await chooseFile(page, 'big.csv', file);
    await page.getByText('HubSpot export: 100,000 rows.').waitFor({ timeout: 60_000 });
    // The tab keeps headers, first rows and per-column counts: kept rows would be ~3× the file.
    const afterChoosing = (await heap()) - before;
    expect(afterChoosing).toBeLessThan(file.length / 5);
    const marks = await page.evaluate(
      () => (window as unknown as { __marks: { reading: number; shown: number } }).__marks,
    );
    const readFor = Math.round(marks.shown - marks.reading);
    expect(
      await page.getByRole('list', { name: 'First rows of Amount' }).locator('li').count(),
    ).toBe(3);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Rows read: 100,000. Rows left out: 10,000.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('list', { name: 'Reported rows' }).locator('li').count()).toBe(50);
    expect(await page.getByText('9,950 more reported rows are not listed here.').count()).toBe(1);
    const imported = await page.evaluate(() => {
      const marks = (window as unknown as { __marks: { importing: number; done: number } }).__marks;
      return Math.round(marks.done - marks.importing);
    });
    // Counted in the page: the whole request is too large to send back to the test quickly.
    const written = await page.evaluate(
      () =>
        (window as unknown as { __importHost: ImportHostRecord }).__importHost.imports[0]?.dataSheet
          .rows.length,
    );
    expect(written).toBe(90_000);
    // The request is the fake workbook's now; the tab keeps counts and 50 reported rows, not the deals.
    await page.evaluate(() => {
      (window as unknown as { __importHost: ImportHostRecord }).__importHost.imports.length = 0;
    });
    const afterImport = (await heap()) - before;
    expect(afterImport).toBeLessThan(file.length / 5);
    // A rough ceiling for a shared, loaded machine; the bench holds the real budget.
    expect(readFor).toBeLessThan(30_000);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `100,000 rows (${mb(file.length)} MB): read and mapping shown in ${readFor} ms; imported (read, planned, handed to the host) in ${imported} ms; JS heap kept by the tab: ${mb(afterChoosing)} MB after choosing, ${mb(afterImport)} MB after the import`,
    );
    await page.close();
  }, 120_000);
});
