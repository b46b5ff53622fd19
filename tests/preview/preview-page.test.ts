// Drives the built preview page in headless Chromium: every template in both languages and modes, live recalculation, axe.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import {
  LANGS,
  TEMPLATE_IDS,
  TEMPLATE_SHAPES,
  buildPlan,
  cellRef,
  evaluatePlan,
  monthOf,
  type ComputedValue,
  type FormulaMode,
  type Lang,
  type SheetPlan,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../core/templates/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/bench/browser';
import { devRoots, staticHandler } from '../../scripts/dev/static-server';
import { inputChange, type InputChange } from './input-change';

const CHROMIUM = CHROMIUM_PATH;
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'dist');
const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const MODES: readonly FormulaMode[] = ['portable', 'functions'];
/** The page's locale: English UI, dollars, as headless Chromium reports by default. */
const LOCALE = 'en-US';
const HOST_DEFAULTS = { lang: 'en' as const, currency: 'USD', startMonth: monthOf(new Date()) };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `Skipping the preview browser test: ${CHROMIUM} is missing (apt-get install chromium).`,
  );

/** The option the test changes per template: a shape option where there is one, else the currency. */
function changedOption(id: TemplateId): {
  field: string;
  value: string;
  option: TemplateOptionsInput;
} {
  const shape = TEMPLATE_SHAPES[id];
  if (shape.periods !== undefined) return { field: 'periods', value: '6', option: { periods: 6 } };
  if (shape.rows !== undefined) return { field: 'rows', value: '5', option: { rows: 5 } };
  return { field: 'currencyChoice', value: 'GBP', option: { currency: 'GBP' } };
}

/** The name of the n-th insert (1-based) of a sheet named `base`, by the spec's "Name (2)" rule. */
function expectedSheetName(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
}

function closeEnough(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Compares every formula cell of the grid with the core's evaluation of the same plan. */
function mismatches(
  plan: SheetPlan,
  expected: ComputedValue[][],
  grid: Map<string, unknown>,
): string[] {
  const problems: string[] = [];
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.calc) return;
      const ref = cellRef(r, c);
      const want = expected[r]![c]!;
      const got = grid.get(ref);
      const same = isKpiError(want)
        ? typeof got === 'object' && got !== null && (got as { error: string }).error === want.code
        : typeof want === 'number'
          ? typeof got === 'number' && closeEnough(got, want)
          : (got ?? '') === (want ?? '');
      if (!same)
        problems.push(
          `${ref} ${cell.formula}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
        );
    }),
  );
  return problems;
}

async function gridValues(page: Page): Promise<Map<string, unknown>> {
  const pairs = await page.$$eval('#sheet-panel td[data-cell]', (tds) =>
    tds.map((td) => [(td as HTMLElement).dataset.cell!, (td as HTMLElement).dataset.raw!] as const),
  );
  return new Map(pairs.map(([ref, raw]) => [ref, JSON.parse(raw) as unknown]));
}

/** Picks the template in the sidebar, sets language, mode and one option, inserts; returns the success text. */
async function insertWithSidebar(
  page: Page,
  id: TemplateId,
  lang: Lang,
  mode: FormulaMode,
): Promise<string> {
  const back = page.locator('[data-action="back"]');
  if (await back.count()) await back.click();
  const langButton = page.locator(`button[data-action="lang"][data-lang="${lang}"]`);
  if ((await langButton.getAttribute('aria-pressed')) !== 'true') await langButton.click();
  await page.click(`button[data-template="${id}"]`);
  await page.selectOption('select[data-field="lang"]', lang);
  await page.check(`input[data-field="mode"][value="${mode}"]`);
  const { field, value } = changedOption(id);
  if (field === 'currencyChoice') await page.selectOption(`select[data-field="${field}"]`, value);
  else await page.fill(`input[data-field="${field}"]`, value);
  await page.click('.kpi-insert button[type="submit"]');
  const success = page.locator('.kpi-success');
  await success.waitFor({ timeout: 5000 });
  return (await success.textContent()) ?? '';
}

/** Types `text` into a grid cell as a user would: click, type, Enter. */
async function typeInto(page: Page, ref: string, text: string): Promise<void> {
  await page.locator(`#sheet-panel td[data-cell="${ref}"]`).click();
  const editor = page.locator('#sheet-panel .cell-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the dev server's CSP refuses inline scripts.
  await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (c: unknown) => Promise<{
            violations: { id: string; nodes: { target: unknown; failureSummary: string }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' ')}`,
    );
  });
}

describe.skipIf(!hasChromium)('the preview page (npm start → /preview.html) in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'preview/preview.html')))
      throw new Error('dist/preview/ is missing: run `npm run build` first (npm test does).');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = createServer(staticHandler(devRoots(DIST)));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS],
    });
    // A new context is a fresh profile: no stored state between runs.
    const context = await browser.newContext({
      locale: LOCALE,
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await page.waitForSelector('#sidebar[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('serves the page, its script and styles from dist/preview/', () => {
    expect(readFileSync(resolve(DIST, 'preview/preview.html'), 'utf8')).toContain(
      'preview/preview.js',
    );
    expect(pageErrors).toEqual([]);
  });

  it('inserts each template in both languages and both modes with the values the core computes, and recomputes typed inputs', async () => {
    const started = performance.now();
    let recomputed = 0;
    for (const lang of LANGS) {
      for (const id of TEMPLATE_IDS) {
        for (const [m, mode] of MODES.entries()) {
          const label = `${id} ${lang} ${mode}`;
          const success = await insertWithSidebar(page, id, lang, mode);
          // The first month as the form showed it: the default for the default periods, kept
          // when the test changes the number of periods.
          const month = page.locator('input[data-field="startMonth"]');
          const startMonth = (await month.count()) > 0 ? await month.inputValue() : undefined;
          const built = buildPlan(
            id,
            { lang, mode, ...changedOption(id).option, ...(startMonth ? { startMonth } : {}) },
            HOST_DEFAULTS,
            { functionPrefix: '' },
          );
          if (!built.ok) throw new Error(`${label}: ${JSON.stringify(built.errors)}`);
          const plan = built.plan;
          const sheetName = expectedSheetName(plan.sheetName, m + 1);
          expect(success, label).toContain(sheetName);
          const tab = page.locator('.workbook [role="tab"][aria-selected="true"]');
          expect(await tab.textContent(), label).toBe(sheetName);

          const grid = await gridValues(page);
          expect(grid.has(plan.lastCell), `${label}: the grid reaches ${plan.lastCell}`).toBe(true);
          // The pipeline analysis reads its example deals, which the gallery wrote first.
          const data = built.dataSheet;
          expect(mismatches(plan, evaluatePlan(plan, data), grid), label).toEqual([]);
          expect(await page.locator('#sheet-panel td.error').count(), `${label}: error cells`).toBe(
            0,
          );
          if (plan.charts.length > 0)
            expect(await page.locator('#sheet-panel svg.chart').count(), label).toBe(
              plan.charts.length,
            );

          const change: InputChange | undefined = inputChange(plan, data);
          expect(change, `${label}: an input with a dependent result`).toBeDefined();
          await typeInto(page, change!.ref, change!.typed);
          const after = await gridValues(page);
          const typedValue = after.get(change!.ref);
          if (typeof change!.value === 'number')
            expect(typedValue, `${label}: typed ${change!.typed}`).toBeCloseTo(change!.value, 12);
          else expect(typedValue, `${label}: typed ${change!.typed}`).toBe(change!.value);
          expect(
            mismatches(plan, evaluatePlan(change!.plan, data), after),
            `${label} after typing`,
          ).toEqual([]);
          expect(
            after.get(change!.dependent),
            `${label}: ${change!.dependent} changed`,
          ).not.toEqual(grid.get(change!.dependent));
          recomputed++;
          if (mode === 'portable')
            await page.screenshot({ path: resolve(ARTIFACTS, `preview-${id}-${lang}.png`) });
        }
      }
    }
    expect(recomputed).toBe(TEMPLATE_IDS.length * LANGS.length * MODES.length);
    expect(pageErrors).toEqual([]);
    console.log(
      `preview: ${recomputed} inserts checked in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // 52 inserts: about a minute alone, several on a loaded 2-core machine.
  }, 600_000);

  it('recomputes goal attainment by hand: 120 000 against a 150 000 goal is 80.0 %', async () => {
    await insertWithSidebar(page, 'dashboard', 'en', 'functions');
    // The dashboard's first month: revenue in B6, goal in C6, goal attainment in D6 (templates.md).
    await typeInto(page, 'B6', '120000');
    await typeInto(page, 'C6', '150000');
    const grid = await gridValues(page);
    expect(grid.get('D6')).toBeCloseTo(0.8, 12);
    expect(await page.locator('#sheet-panel td[data-cell="D6"]').textContent()).toBe('80.0%');
  });

  it('refuses a typed value the validation forbids, showing the help text, and keeps the old value', async () => {
    await insertWithSidebar(page, 'dashboard', 'en', 'portable');
    const built = buildPlan('dashboard', { lang: 'en', periods: 6 }, HOST_DEFAULTS, {
      functionPrefix: '',
    });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const bounded = built.plan.validations.find(
      (v) => v.rule.type === 'number' && v.rule.min !== undefined,
    );
    expect(bounded, 'a validation with a minimum').toBeDefined();
    const ref = bounded!.range.split(':')[0]!;
    const min = (bounded!.rule as { min: number }).min;
    const before = (await gridValues(page)).get(ref);
    await typeInto(page, ref, String(min - 1));
    await expect
      .poll(() => page.locator('.workbook [role="alert"]').textContent())
      .toBe(bounded!.help);
    await page.keyboard.press('Escape');
    expect((await gridValues(page)).get(ref)).toBe(before);
    await page.screenshot({ path: resolve(ARTIFACTS, 'preview-refused-input.png') });
  });

  it('function reference Insert into the blank sheet: a rate shown as a percentage, asks before replacing (issue 8 item 3, issue 9)', async () => {
    const english = page.locator('button[data-action="lang"][data-lang="en"]');
    if ((await english.getAttribute('aria-pressed')) !== 'true') await english.click();
    await page.getByRole('tab', { name: 'Sheet1', exact: true }).click();
    await page.locator('#sidebar').getByRole('tab', { name: 'Functions' }).click();
    await page.getByLabel('Search functions').fill('sales roi');
    const item = page.locator('.kpi-fn', {
      has: page.getByRole('heading', { name: 'SALES_ROI', exact: true }),
    });
    const insert = item.getByRole('button', { name: 'Insert SALES_ROI' });
    const status = item.getByRole('status');
    const cell = (ref: string) => page.locator(`#sheet-panel td[data-cell="${ref}"]`);
    const roi = '=SALES_ROI(50000, 10000, 0.4)';

    // An empty cell: written at once; the result 1 shows as 100.0%, not 1.
    await cell('B4').click();
    await page.keyboard.press('Escape');
    await insert.click();
    await expect.poll(() => status.textContent()).toBe(`Inserted ${roi} into B4.`);
    expect(await cell('B4').textContent()).toBe('100.0%');

    // A cell holding 123: asked; Cancel keeps 123, Replace writes.
    await typeInto(page, 'B5', '123');
    await insert.click();
    const question = item.getByRole('group', { name: 'Cell B5 already holds “123”. Replace it?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing was inserted: B5 keeps what it holds.');
    expect(await cell('B5').textContent()).toBe('123');
    await insert.click();
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => status.textContent()).toBe(`Inserted ${roi} into B5.`);
    expect(await cell('B5').textContent()).toBe('100.0%');
    expect(JSON.parse((await cell('B5').getAttribute('data-raw'))!)).toBe(1);
    await page.screenshot({ path: resolve(ARTIFACTS, 'preview-function-insert.png') });
    await page.locator('#sidebar').getByRole('tab', { name: 'Templates' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('has no accessibility violations found by axe-core, with a sheet and with the gallery', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-action="back"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS, 'preview.png') });
  });
});
