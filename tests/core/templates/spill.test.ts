// KPI-functions sheets call a KPI once per row, column or block of it and let the result spill; the spilled cells compute what per-cell formulas would.
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../../core/errors';
import { t } from '../../../core/i18n/index';
import { FUNCTIONS } from '../../../core/registry/index';
import {
  LANGS,
  TEMPLATE_IDS,
  buildPlan,
  cellRef,
  evaluatePlan,
  parseRange,
  type Calc,
  type Lang,
  type SheetPlan,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../../core/templates/index';
import { evaluateWithHyperFormula, type EngineValue } from '../../support/hyperformula-plan';

const EXCEL = 'KPI.';
const SHEETS = '';

function plan(
  id: TemplateId,
  options: TemplateOptionsInput = {},
  prefix = SHEETS,
  lang: Lang = 'en',
): SheetPlan {
  const built = buildPlan(
    id,
    { mode: 'functions', lang, ...options },
    { startMonth: '2026-01' },
    { functionPrefix: prefix },
  );
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.plan;
}

/** Longest names first, so LEAD_CONVERSION is never read as a shorter name's tail. */
const NAMES = FUNCTIONS.map((f) => f.name).sort((a, b) => b.length - a.length);
const CALL = new RegExp(`(?<![A-Za-z0-9_.])(?:KPI\\.)?(?:${NAMES.join('|')})\\(`, 'g');

/** How many KPI function calls a formula makes (each is one custom-function call in Sheets). */
function kpiCalls(formula: string): number {
  return formula.match(CALL)?.length ?? 0;
}

/**
 * The functions that take their arguments cell by cell, so one call over ranges computes a
 * row or column of them. A data-set function (NPS, VENDOR_SCORE) answers one value per data
 * set: a row of them is one call per set, not per cell.
 */
const EACH = FUNCTIONS.filter((f) => f.mode === 'each').map((f) => f.name);
const EACH_CALL = new RegExp(`(?<![A-Za-z0-9_.])(?:KPI\\.)?(?:${EACH.join('|')})\\(`);

/** Every cell's own formula with its position. */
function formulas(p: SheetPlan): { row: number; col: number; formula: string }[] {
  return p.cells.flatMap((line, row) =>
    line.flatMap((cell, col) => (cell?.formula ? [{ row, col, formula: cell.formula }] : [])),
  );
}

/** A quoted text, or a cell reference (its column letters and row number). */
const TOKEN = /"(?:[^"]|"")*"|(?<![A-Za-z0-9_.])([A-Z]{1,3})([0-9]+)(?![0-9A-Za-z_(.])/g;

const columnIndex = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Whether formula `b`, `rows` below and `cols` right of formula `a`, is `a` with some of its
 * references moved along (and the others kept): the same KPI written again for the next cell,
 * which one call over ranges would have covered. Read off the formula texts alone.
 */
function repeatsShifted(a: string, b: string, rows: number, cols: number): boolean {
  const refs = (f: string) =>
    [...f.matchAll(TOKEN)]
      .filter((m) => m[1] !== undefined)
      .map((m) => [m[1]!, Number(m[2])] as const);
  const skeleton = (f: string) => f.replace(TOKEN, (m, letters?: string) => (letters ? '#' : m));
  if (skeleton(a) !== skeleton(b)) return false;
  const [ra, rb] = [refs(a), refs(b)];
  let moved = 0;
  for (let i = 0; i < ra.length; i++) {
    const [ca, na] = ra[i]!;
    const [cb, nb] = rb[i]!;
    if (ca === cb && na === nb) continue;
    if (columnIndex(cb) - columnIndex(ca) !== cols || nb - na !== rows) return false;
    moved++;
  }
  return moved > 0;
}

describe('KPI functions over ranges', () => {
  it('a Sheets funnel of 24 periods makes 6 custom-function calls, not 150', () => {
    const funnel = plan('funnel', { periods: 24 });
    const computed = funnel.cells.flat().filter((cell) => cell?.calc?.kind === 'call');
    // 24 periods and the total row, 6 rates each: 150 cells, one call each if written per cell.
    expect(computed).toHaveLength(150);
    const calls = formulas(funnel).reduce((n, { formula }) => n + kpiCalls(formula), 0);
    // Response rate, the four step conversions (one block) and overall conversion over the
    // periods, then the same three for the total row: counted by hand.
    expect(calls).toBe(6);
    expect(formulas(funnel).map((f) => f.formula)).toContain('=STAGE_CONVERSION(D6:G29,C6:F29)');
  });

  const variants = TEMPLATE_IDS.flatMap((id) =>
    LANGS.flatMap((lang) =>
      [EXCEL, SHEETS].map(
        (prefix) => [id, lang, prefix === EXCEL ? 'Excel' : 'Sheets', prefix] as const,
      ),
    ),
  );

  it.each(variants)(
    '%s (%s, %s): no two neighbouring formulas call the same cell-by-cell KPI over shifted references',
    (id, lang, _host, prefix) => {
      const p = plan(id, { periods: 24, rows: 50 }, prefix, lang);
      const own = new Map(formulas(p).map((f) => [`${f.row},${f.col}`, f.formula]));
      const repeats: string[] = [];
      for (const [key, formula] of own) {
        if (!EACH_CALL.test(formula)) continue;
        const [row, col] = key.split(',').map(Number) as [number, number];
        for (const [rows, cols] of [
          [0, 1],
          [1, 0],
        ] as const) {
          const next = own.get(`${row + rows},${col + cols}`);
          if (next && repeatsShifted(formula, next, rows, cols))
            repeats.push(
              `${cellRef(row, col)} ${formula} / ${cellRef(row + rows, col + cols)} ${next}`,
            );
        }
      }
      expect(repeats).toEqual([]);
    },
  );

  it.each(TEMPLATE_IDS)(
    '%s: a spill covers cells that are empty for the host but keep what they show',
    (id) => {
      const functions = plan(id, { periods: 5, rows: 4 }, EXCEL);
      const portable = buildPlan(
        id,
        { mode: 'portable', periods: 5, rows: 4 },
        { startMonth: '2026-01' },
        { functionPrefix: EXCEL },
      );
      if (!portable.ok) throw new Error('refused');
      const coveredBy = new Map<string, string>();
      functions.cells.forEach((line, row) =>
        line.forEach((cell, col) => {
          if (cell?.spill === undefined) return;
          const r = parseRange(cell.spill);
          expect([r.row1, r.col1]).toEqual([row, col]);
          expect(cell.spill.includes(':')).toBe(true);
          for (let rr = r.row1; rr <= r.row2; rr++)
            for (let cc = r.col1; cc <= r.col2; cc++)
              if (rr !== row || cc !== col) coveredBy.set(cellRef(rr, cc), cellRef(row, col));
        }),
      );
      functions.cells.forEach((line, row) =>
        line.forEach((cell, col) => {
          const at = cellRef(row, col);
          expect(cell?.spilledFrom, at).toBe(coveredBy.get(at));
          if (cell?.spilledFrom === undefined) return;
          expect(cell.formula, at).toBeUndefined();
          expect(cell.value, at).toBeUndefined();
          expect(cell.input, at).toBeFalsy();
          const same = portable.plan.cells[row]![col]!;
          // What the cell shows and how it looks are the per-cell formula's.
          expect(cell.calc, at).toEqual(same.calc);
          expect([cell.role, cell.format], at).toEqual([same.role, same.format]);
        }),
      );
    },
  );

  it('portable plans keep one native formula per cell', () => {
    for (const id of TEMPLATE_IDS) {
      const built = buildPlan(id, { periods: 24, rows: 50 }, {}, { functionPrefix: EXCEL });
      if (!built.ok) throw new Error('refused');
      for (const cell of built.plan.cells.flat()) {
        expect(cell?.spill).toBeUndefined();
        expect(cell?.spilledFrom).toBeUndefined();
        if (cell?.calc) expect(cell.formula).toBeDefined();
      }
    }
  });

  it('keeps a tolerance a single cell in a spilled status column, and wraps only Sheets’ mapped arrays in ARRAYFORMULA', () => {
    const anchor = (p: SheetPlan, header: string) => {
      const row = p.cells.findIndex((line) =>
        line.some((c) => c?.role === 'header' && c.value === header),
      );
      const col = p.cells[row]!.findIndex((c) => c?.value === header);
      return p.cells[row + 1]![col]!;
    };
    const excel = anchor(plan('scorecard', {}, EXCEL, 'fi'), t('fi', 'col.status'));
    const sheets = anchor(plan('scorecard', {}, SHEETS, 'fi'), t('fi', 'col.status'));
    const tolerance = (excel.calc as Extract<Calc, { kind: 'call' }>).args[3] as string;
    expect(excel.spill).toBe('D6:D17');
    expect(excel.formula).toContain(`F6:F17<>"Kyllä",${tolerance})`);
    expect(excel.formula).toMatch(/^=SUBSTITUTE\(/);
    expect(sheets.formula).toMatch(/^=ARRAYFORMULA\(SUBSTITUTE\(.*\)\)$/);
    // A bare call over ranges spills in Sheets as it is.
    expect(anchor(plan('funnel'), 'Lead response rate').formula).toBe(
      '=LEAD_RESPONSE_RATE(C6:C17,B6:B17)',
    );
    for (const { formula } of formulas(plan('dashboard', {}, EXCEL, 'fi')))
      expect(formula).not.toContain('ARRAYFORMULA');
  });
});

describe('spilled results in HyperFormula', () => {
  /** HyperFormula's value against the core's, errors by code. */
  const same = (got: EngineValue, want: ReturnType<typeof evaluatePlan>[number][number]) => {
    if (isKpiError(want)) return typeof got === 'object' && got?.error === want.code;
    if (typeof want === 'number')
      return typeof got === 'number' && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
    return (got ?? '') === (want ?? '');
  };

  it.each(LANGS)(
    '%s: bad input in one period gives that period’s own error or blank, the others their rates',
    (lang) => {
      const funnel = plan('funnel', { periods: 4 }, SHEETS, lang);
      const set = (row: number, col: number, value: number | string | undefined) => {
        const cell = funnel.cells[row]![col]!;
        expect(cell.input).toBe(true);
        cell.value = value;
      };
      set(5, 2, 900); // responded above leads: #VALUE! for the response rate
      set(6, 1, undefined); // no leads: blank rates that read them
      set(7, 3, 0); // nobody qualified: #DIV/0! for qualified → meetings
      set(8, 4, 'many'); // text: #VALUE!
      const engine = evaluateWithHyperFormula(funnel);
      const core = evaluatePlan(funnel);
      const kinds = new Set<string>();
      funnel.cells.forEach((line, row) =>
        line.forEach((cell, col) => {
          if (!cell?.calc) return;
          const want = core[row]![col]!;
          kinds.add(isKpiError(want) ? want.code : typeof want);
          expect(
            same(engine[row]![col]!, want),
            `${cellRef(row, col)}: ${JSON.stringify(engine[row]![col])}`,
          ).toBe(true);
        }),
      );
      expect([...kinds].sort()).toEqual(['#DIV/0!', '#VALUE!', 'number', 'string']);
    },
  );

  it('formulas and status colours read the cells a spill fills', () => {
    const teams = plan('inhouse-vs-outsourced');
    const values = evaluateWithHyperFormula(teams);
    // Cost per deal: C20 is filled by B20's call over both teams; D20 subtracts it.
    expect(teams.cells[19]![1]!.spill).toBe('B20:C20');
    expect(teams.cells[19]![2]!.spilledFrom).toBe('B20');
    // Cost ÷ new customers of each team, from the example inputs (rows 7 and 8).
    const input = (row: number, col: number) => teams.cells[row]![col]!.value as number;
    expect(values[19]![3]).toBeCloseTo(input(6, 2) / input(7, 2) - input(6, 1) / input(7, 1), 6);

    const dashboard = plan('dashboard', {}, SHEETS, 'fi');
    const shown = evaluateWithHyperFormula(dashboard);
    const statuses = dashboard.conditionalFormats.map((f) => f.equals);
    for (const format of dashboard.conditionalFormats) {
      const r = parseRange(format.range);
      for (let row = r.row1; row <= r.row2; row++) {
        const cell = dashboard.cells[row]![r.col1]!;
        expect(cell.formula !== undefined || cell.spilledFrom !== undefined).toBe(true);
        expect(statuses).toContain(shown[row]![r.col1]);
      }
    }
  });
});
