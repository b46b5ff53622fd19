// The pipeline analysis of real exports: KPIs worked out by hand from the fixture files, against the core and HyperFormula.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDeals, planImport, type ImportedDeals } from '../../../core/import/index';
import type { DataSheetPlan } from '../../../core/import/workbook-types';
import { buildPlan, evaluatePlan } from '../../../core/templates/index';
import type { SheetPlan } from '../../../core/templates/plan';
import { evaluateWithHyperFormula } from '../../support/hyperformula-plan';

function imported(name: string): ImportedDeals {
  const bytes = new Uint8Array(
    readFileSync(new URL(`../../fixtures/crm/${name}`, import.meta.url)),
  );
  const result = importDeals(bytes);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Excel serial of the first day of a month, counted here apart from the code under test. */
const monthStart = (year: number, month: number) =>
  Date.UTC(year, month - 1, 1) / 86_400_000 + 25569;

function planned(name: string, mode: 'portable' | 'functions', options = {}) {
  const result = planImport(
    imported(name),
    {
      options: { lang: 'en', mode, ...options },
      fileName: name,
      replace: false,
      withAnalysis: true,
    },
    { startMonth: '2026-11' },
    { functionPrefix: '' },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { plan: result.request.analysis!, data: result.request.dataSheet };
}

const MEASURES = {
  created: 'Deals created',
  won: 'Won',
  lost: 'Lost',
  closed: 'Closed (won + lost)',
  winRate: 'Win rate',
  open: 'Open',
  openValue: 'Open pipeline value',
  revenueWon: 'Revenue won',
  wonCounted: 'Won in this currency',
  avgDealSize: 'Average deal size',
  cycleDays: 'Days created to won, added up',
  avgCycle: 'Average sales cycle',
} as const;
type Measures = Partial<Record<keyof typeof MEASURES, number | ''>>;

/**
 * The values of the measures, read by their headers and row labels as a reader finds them:
 * `rowLabel` in column A for a row of the summary, month or owner tables, or a source's name
 * in the source table's header row.
 */
function readMeasures(
  plan: SheetPlan,
  values: readonly (readonly unknown[])[],
  where: { rowLabel: string | number } | { source: string },
): Measures {
  const text = (row: number, col: number) => plan.cells[row]?.[col]?.value;
  const out: Measures = {};
  if ('rowLabel' in where) {
    const row = plan.cells.findIndex((line) => line[0]?.value === where.rowLabel);
    expect(row, String(where.rowLabel)).toBeGreaterThan(0);
    let header = row - 1;
    while (text(header, 1) !== MEASURES.created) header--;
    for (const [key, label] of Object.entries(MEASURES)) {
      const col = plan.cells[header]!.findIndex((cell) => cell?.value === label);
      out[key as keyof typeof MEASURES] = values[row]![col] as number;
    }
    return out;
  }
  const header = plan.cells.findIndex((line) => line[0]?.value === 'Measure');
  const col = plan.cells[header]!.findIndex((cell) => cell?.value === where.source);
  expect(col, where.source).toBeGreaterThan(0);
  for (const [key, label] of Object.entries(MEASURES)) {
    const row = plan.cells.findIndex((line, r) => r > header && line[0]?.value === label);
    out[key as keyof typeof MEASURES] = values[row]![col] as number;
  }
  return out;
}

/** Numbers compared to 1e-9, the rest as they are. */
function expectMeasures(actual: Measures, expected: Measures, label: string): void {
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key as keyof Measures];
    if (typeof value === 'number') expect(got, `${label} ${key}`).toBeCloseTo(value, 9);
    else expect(got, `${label} ${key}`).toBe(value);
  }
}

/** The core's values and HyperFormula's of the rendered formulas, both modes, must each give `check`. */
function inEveryEngine(
  name: string,
  check: (plan: SheetPlan, values: readonly (readonly unknown[])[], engine: string) => void,
  options = {},
): void {
  for (const mode of ['portable', 'functions'] as const) {
    const { plan, data } = planned(name, mode, options);
    const engines: [string, (p: SheetPlan, d: DataSheetPlan) => readonly (readonly unknown[])[]][] =
      [
        ['core', (p, d) => evaluatePlan(p, d)],
        ['HyperFormula', (p, d) => evaluateWithHyperFormula(p, d)],
      ];
    for (const [engine, evaluate] of engines)
      check(plan, evaluate(plan, data), `${engine} ${mode}`);
  }
}

describe('pipeline analysis of the HubSpot export (KPIs worked by hand from the file)', () => {
  it('shows the months from the first deal created to the last close, January to May 2026', () => {
    const { plan } = planned('hubspot-deals.csv', 'portable');
    expect(plan.options).toMatchObject({ startMonth: '2026-01', periods: 5, example: false });
    expect(plan.options.currency).toBe('EUR');
  });

  it('sums up all deals', () => {
    // 24 deals: 10 won, 8 lost, 6 open. Won 12000 + 4500 + 30000 + 2500 + 8000 + 15000 + 6000
    // + 9500 + 22000 + 3500 = 113000; days created to won 20 + 30 + 60 + 10 + 30 + 60 + 20 + 30
    // + 60 + 10 = 330; open 4000 + 6500 + 12500 + 8000 + 20000 + 3000 = 54000.
    inEveryEngine('hubspot-deals.csv', (plan, values, engine) =>
      expectMeasures(
        readMeasures(plan, values, { rowLabel: 'All deals' }),
        {
          created: 24,
          won: 10,
          lost: 8,
          closed: 18,
          winRate: 10 / 18,
          open: 6,
          openValue: 54000,
          revenueWon: 113000,
          wonCounted: 10,
          avgDealSize: 11300,
          cycleDays: 330,
          avgCycle: 33,
        },
        engine,
      ),
    );
  });

  it('counts created by the month created and won and lost by the month closed', () => {
    // Created: Jan deals 1–6, Feb 7–11, Mar 12–16, Apr 17–24. Closed won: Jan #1; Feb #2, #7;
    // Mar #3, #8, #12; Apr #10, #13, #17; May #15. Lost: Feb #4, #6, #9; Mar #5, #11, #16;
    // Apr #14, #18. The six open deals were all created in April.
    const months: [number, Measures][] = [
      [
        monthStart(2026, 1),
        { created: 6, won: 1, lost: 0, winRate: 1, revenueWon: 12000, avgCycle: 20, open: 0 },
      ],
      [
        monthStart(2026, 2),
        { created: 5, won: 2, lost: 3, winRate: 0.4, revenueWon: 7000, avgDealSize: 3500 },
      ],
      [
        monthStart(2026, 3),
        { created: 5, won: 3, lost: 3, winRate: 0.5, revenueWon: 44000, avgCycle: 110 / 3 },
      ],
      [
        monthStart(2026, 4),
        { created: 8, won: 3, lost: 2, open: 6, openValue: 54000, cycleDays: 100, winRate: 0.6 },
      ],
      // No deal was created in May, one was won: no rate is an error, the deals it has show.
      [monthStart(2026, 5), { created: 0, won: 1, lost: 0, winRate: 1, avgDealSize: 22000 }],
    ];
    inEveryEngine('hubspot-deals.csv', (plan, values, engine) => {
      for (const [month, expected] of months)
        expectMeasures(
          readMeasures(plan, values, { rowLabel: month }),
          expected,
          `${engine} ${month}`,
        );
    });
  });

  it('lists every source side by side, the most deals first, and every owner', () => {
    inEveryEngine('hubspot-deals.csv', (plan, values, engine) => {
      const header = plan.cells.find((line) => line[0]?.value === 'Measure')!;
      expect(header.map((cell) => cell?.value).slice(1, 7)).toEqual([
        'Offline Sources',
        'Paid Search',
        'Organic Search',
        'Referrals',
        'Direct Traffic',
        'Other',
      ]);
      // Offline: #1, #3, #10, #15 won (12000 + 30000 + 15000 + 22000, 20 + 60 + 60 + 60 days),
      // #5, #14 lost, #20, #23 open (6500 + 20000).
      expectMeasures(
        readMeasures(plan, values, { source: 'Offline Sources' }),
        {
          created: 8,
          won: 4,
          lost: 2,
          winRate: 4 / 6,
          open: 2,
          openValue: 26500,
          revenueWon: 79000,
          avgCycle: 50,
        },
        engine,
      );
      expectMeasures(
        readMeasures(plan, values, { source: 'Other' }),
        { created: 0, won: 0, lost: 0, winRate: '', revenueWon: 0, avgDealSize: '' },
        engine,
      );
      // Mikko: #2, #8, #13 won (4500 + 8000 + 9500, 30 days each), #4, #11, #18 lost, #21, #24 open.
      expectMeasures(
        readMeasures(plan, values, { rowLabel: 'Mikko Laine' }),
        { created: 8, won: 3, lost: 3, winRate: 0.5, revenueWon: 22000, avgCycle: 30 },
        engine,
      );
      // Sanna: #7, #12, #17 won (2500 + 6000 + 3500; 10 + 20 + 10 days), #19, #22 open.
      expectMeasures(
        readMeasures(plan, values, { rowLabel: 'Sanna Koski' }),
        { won: 3, revenueWon: 12000, avgDealSize: 4000, openValue: 12000, avgCycle: 40 / 3 },
        engine,
      );
    });
  });
});

describe('pipeline analysis of the messy export (two currencies)', () => {
  it('counts every deal but adds up money only in the sheet currency', () => {
    // Kept rows 2, 3, 5, 6, 8, 12, 14: won 1200 EUR, 2500 EUR, 800 EUR, 3000 USD (10, 30, 20,
    // 10 days), one lost, two open (5000 EUR).
    inEveryEngine(
      'messy-deals.csv',
      (plan, values, engine) =>
        expectMeasures(
          readMeasures(plan, values, { rowLabel: 'All deals' }),
          {
            created: 7,
            won: 4,
            lost: 1,
            winRate: 0.8,
            open: 2,
            openValue: 5000,
            revenueWon: 4500,
            wonCounted: 3,
            avgDealSize: 1500,
            avgCycle: 17.5,
          },
          engine,
        ),
      { currency: 'EUR' },
    );
  });
});

describe('planImport', () => {
  const deals = imported('pipedrive-deals.csv');

  it('plans the data sheet first and the analysis reading it, in the file’s currency', () => {
    const result = planImport(
      deals,
      { options: { lang: 'fi' }, fileName: 'deals.csv', replace: true, withAnalysis: true },
      { currency: 'USD' },
      { functionPrefix: 'KPI.' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { dataSheet, analysis, replace } = result.request;
    expect(replace).toBe(true);
    expect(dataSheet.sheetName).toBe('Kaupat');
    expect(analysis?.options).toMatchObject({ lang: 'fi', currency: 'EUR', example: false });
    expect(analysis?.cells.flat().some((cell) => cell?.formula?.includes("'Kaupat'!$E:$E"))).toBe(
      true,
    );
  });

  it('leaves the analysis out when asked, and refuses bad options with the reasons', () => {
    const without = planImport(
      deals,
      { options: {}, fileName: 'd.csv', replace: false, withAnalysis: false },
      {},
      { functionPrefix: '' },
    );
    expect(without.ok && without.request.analysis).toBeNull();
    const refused = planImport(
      deals,
      { options: { rows: 99 }, fileName: 'd.csv', replace: false, withAnalysis: true },
      {},
      { functionPrefix: '' },
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((e) => e.option)).toEqual(['rows']);
  });

  it('keeps the last 24 months of a longer history', () => {
    const long = {
      ...deals,
      deals: [
        { ...deals.deals[0]!, created: monthStart(2023, 3), closed: null },
        { ...deals.deals[1]!, created: monthStart(2025, 1), closed: monthStart(2026, 6) + 3 },
      ],
    };
    const result = planImport(
      long,
      { options: {}, fileName: 'd.csv', replace: false, withAnalysis: true },
      {},
      { functionPrefix: '' },
    );
    expect(result.ok && result.request.analysis?.options).toMatchObject({
      startMonth: '2024-07',
      periods: 24,
    });
  });
});

describe('pipeline template on its own', () => {
  it('brings labelled example deals in the months before the current one, in the sheet’s language', () => {
    const built = buildPlan(
      'pipeline',
      { lang: 'fi' },
      { startMonth: '2026-03' },
      {
        functionPrefix: '',
      },
    );
    if (!built.ok) throw new Error('refused');
    const data = built.dataSheet!;
    expect(data.sheetName).toBe('Kaupat');
    expect(data.example).toBe(true);
    expect(data.rows.length).toBeGreaterThan(100);
    const created = data.rows.map((row) => row[7] as number);
    expect(Math.max(...created)).toBeLessThan(monthStart(2026, 3));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(monthStart(2025, 3));
    expect(new Set(data.rows.map((row) => row[4]))).toEqual(
      new Set(['voitettu', 'hävitty', 'avoin']),
    );
    // Without example data the sheet still has its data sheet to read: empty, not labelled.
    const empty = buildPlan('pipeline', { example: false }, {}, { functionPrefix: '' });
    expect(empty.ok && empty.dataSheet).toMatchObject({ rows: [], example: false });
  });
});
