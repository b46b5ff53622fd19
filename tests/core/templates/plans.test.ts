// Every template in every language, formula mode and example setting: structure, formulas and values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/index';
import { FUNCTIONS } from '../../../core/registry/index';
import { buildPlan, evaluatePlan, listTemplates, parseRange } from '../../../core/templates/index';
import {
  TEMPLATE_IDS,
  type Lang,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../../core/templates/options';
import type { Calc, SheetPlan } from '../../../core/templates/plan';
import { evaluateWithHyperFormula, type EngineValue } from '../../support/hyperformula-plan';

const LANGS: Lang[] = ['en', 'fi'];
const HOST = { startMonth: '2026-03' };

function plan(id: TemplateId, options: TemplateOptionsInput, prefix = ''): SheetPlan {
  return built(id, options, prefix).plan;
}

/** The plan and the data sheet it reads, if any (the pipeline's example deals). */
function built(id: TemplateId, options: TemplateOptionsInput, prefix = '') {
  const result = buildPlan(id, options, HOST, { functionPrefix: prefix });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

function* cellsOf(p: SheetPlan) {
  for (let row = 0; row < p.cells.length; row++)
    for (let col = 0; col < p.cells[row]!.length; col++) {
      const cell = p.cells[row]![col];
      if (cell) yield { row, col, cell };
    }
}

const isError = (v: EngineValue) => typeof v === 'object' && v !== null;

function close(a: EngineValue, b: EngineValue): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

function inRange(range: string, row: number, col: number): boolean {
  const r = parseRange(range);
  return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
}

/** The "functions used" column of the template's row in templates.md. */
function specFunctions(id: string): string[] {
  const spec = readFileSync(
    fileURLToPath(new URL('../../../docs/spec/templates.md', import.meta.url)),
    'utf8',
  );
  const row = spec.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
  if (!row) throw new Error(`templates.md has no row for ${id}`);
  return row
    .split('|')[4]!
    .split(',')
    .map((name) => name.trim());
}

/** The text of the nearest column header above a cell, if any. */
function headerAbove(p: SheetPlan, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const cell = p.cells[r]![col];
    if (cell?.role === 'header') return String(cell.value);
  }
  return undefined;
}

/** The registry functions a computation calls, inside choices and zero guards too. */
function callsIn(calc: Calc): string[] {
  if (calc.kind === 'call') return [calc.fn];
  if (calc.kind === 'unlessZero') return callsIn(calc.then);
  return calc.kind === 'ifText' ? [...callsIn(calc.then), ...callsIn(calc.otherwise)] : [];
}

const calcFunctions = (p: SheetPlan) =>
  new Set([...cellsOf(p)].flatMap(({ cell }) => (cell.calc ? callsIn(cell.calc) : [])));

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  for (const lang of LANGS)
    for (const example of [true, false]) {
      const label = `${lang}, example ${example ? 'on' : 'off'}`;
      const portable = plan(id, { lang, example, mode: 'portable' });
      const functions = plan(id, { lang, example, mode: 'functions' });
      const data = built(id, { lang, example }).dataSheet;
      const lowerIsBetter = t(lang, 'col.lowerIsBetter');
      const tolerance = t(lang, 'status.tolerance', { atRisk: t(lang, 'status.atRisk') });
      // The pipeline's currency: which deals' money is added up, a setting rather than data.
      const currency = t(lang, 'pipeline.currency');

      it(`${label}: a rectangular grid whose computed cells are all formulas`, () => {
        for (const p of [portable, functions]) {
          expect(p.sheetName.length).toBeGreaterThan(0);
          // The template's full name, short enough that sanitising never cuts it.
          expect(p.sheetName).toBe(listTemplates(lang).find((t) => t.id === id)!.name);
          for (const row of p.cells) expect(row).toHaveLength(p.columnWidths.length);
          let formulas = 0;
          for (const { cell } of cellsOf(p)) {
            // A computed cell has its own formula, or shows part of a spilling one (functions mode).
            expect(cell.formula !== undefined || cell.spilledFrom !== undefined).toBe(
              cell.calc !== undefined,
            );
            if (cell.spilledFrom !== undefined) expect(cell.formula).toBeUndefined();
            if (cell.formula !== undefined) {
              formulas++;
              expect(cell.formula.startsWith('=')).toBe(true);
              expect(cell.value).toBeUndefined();
              expect(cell.input).toBeFalsy();
            }
            // Results, statuses and totals of numbers are never typed-in numbers.
            if (cell.role === 'result' || cell.role === 'status') expect(cell.calc).toBeDefined();
            if (typeof cell.value === 'string') expect(cell.formula).toBeUndefined();
          }
          expect(formulas).toBeGreaterThan(0);
        }
      });

      it(`${label}: inputs are validated, unlocked, and blank without example data`, () => {
        for (const { row, col, cell } of cellsOf(portable)) {
          if (!cell.input) continue;
          expect(portable.protection.unlockedRanges.some((r) => inRange(r, row, col))).toBe(true);
          const typedText =
            typeof cell.value === 'string' || (cell.value === undefined && !cell.format);
          if (!typedText)
            expect(portable.validations.some((v) => inRange(v.range, row, col))).toBe(true);
          // Benchmarks (role "reference"), which way a KPI is better (part of its definition)
          // and the status tolerance (a setting) stay without example data; everything else is
          // example data.
          const kept =
            cell.role === 'reference' ||
            headerAbove(portable, row, col) === lowerIsBetter ||
            portable.cells[row]![col - 1]?.value === tolerance ||
            portable.cells[row]![col - 1]?.value === currency;
          if (!example && !kept) expect(cell.value).toBeUndefined();
        }
        for (const v of portable.validations) {
          expect(v.reject).toBe(true);
          expect(v.help.length).toBeGreaterThan(5);
        }
        expect(portable.protection.enabled).toBe(true);
      });

      it(`${label}: the example label appears exactly when example data is on`, () => {
        const labels = [...cellsOf(portable)].filter(({ cell }) => cell.role === 'example');
        expect(labels).toHaveLength(example ? 1 : 0);
      });

      it(`${label}: both modes and the core evaluator compute the same values, without errors`, () => {
        const a = evaluateWithHyperFormula(portable, data);
        const b = evaluateWithHyperFormula(functions, data);
        const core = evaluatePlan(portable, data);
        for (const { row, col, cell } of cellsOf(portable)) {
          if (!cell.formula) continue;
          const where = `${id} ${label} ${cell.formula} at ${row},${col}`;
          const coreValue = core[row]![col]!;
          const expected: EngineValue =
            typeof coreValue === 'object' && coreValue !== null
              ? { error: coreValue.code }
              : coreValue;
          expect(isError(a[row]![col]!), where).toBe(false);
          expect(
            close(a[row]![col]!, b[row]![col]!),
            `${where}: ${a[row]![col]} vs ${b[row]![col]}`,
          ).toBe(true);
          expect(
            close(a[row]![col]!, expected),
            `${where}: ${a[row]![col]} vs core ${coreValue}`,
          ).toBe(true);
          // Without example data a sheet shows blanks, and counts over an empty data sheet 0.
          if (!example) expect(['', ...(data ? [0] : [])], where).toContain(a[row]![col]);
        }
      });
    }

  it('functions mode calls the KPI functions with the host prefix; portable mode calls none', () => {
    const names = FUNCTIONS.map((f) => f.name);
    const excel = plan(id, { mode: 'functions' }, 'KPI.');
    const native = plan(id, { mode: 'portable' }, 'KPI.');
    const called = (p: SheetPlan, prefix: string) =>
      [...cellsOf(p)].filter(({ cell }) =>
        names.some(
          (n) => cell.formula?.includes(`${prefix}${n}(`) && !cell.formula.includes(`_${n}(`),
        ),
      ).length;
    expect(called(excel, 'KPI.')).toBeGreaterThan(0);
    for (const { cell } of cellsOf(native))
      for (const n of names)
        expect(cell.formula ?? '').not.toMatch(new RegExp(`(^|[^A-Z_.])${n}\\(`));
  });

  it('calls every function templates.md lists for it, all from the registry, and lists what it calls', () => {
    const used = calcFunctions(plan(id, {}));
    for (const fn of specFunctions(id)) expect(used, fn).toContain(fn);
    for (const fn of used) expect(FUNCTIONS.some((f) => f.name === fn)).toBe(true);
    const listed = listTemplates('en').find((t) => t.id === id)!.functions;
    expect([...listed].sort()).toEqual([...used].sort());
  });

  it('keeps charts, merges, rules and frozen panes inside the grid', () => {
    const p = plan(id, {});
    const rows = p.cells.length;
    const cols = p.columnWidths.length;
    const inside = (range: string) => {
      const r = parseRange(range);
      return r.row2 < rows && r.col2 < cols && r.row1 <= r.row2 && r.col1 <= r.col2;
    };
    for (const range of [
      ...p.merges,
      ...p.validations.map((v) => v.range),
      ...p.conditionalFormats.map((c) => c.range),
    ])
      expect(inside(range), range).toBe(true);
    for (const chart of p.charts) {
      expect(inside(chart.categories)).toBe(true);
      for (const s of chart.series) expect(inside(s.values)).toBe(true);
    }
    expect(p.frozen.rows).toBeLessThan(rows);
  });
});

describe('template sizes and periods', () => {
  it('follows periods, rows and the first month', () => {
    const small = plan('funnel', { periods: 3, startMonth: '2025-11', example: false });
    const large = plan('funnel', { periods: 24, example: false });
    expect(large.cells.length - small.cells.length).toBe(21);
    // First period label: 1 November 2025 as a serial (days since 1899-12-30), counted by hand: 45962.
    // English months whatever language the spreadsheet program speaks: Excel's tag for US English.
    const firstPeriod = [...cellsOf(small)].find(({ cell }) => cell.format === '[$-409]mmm yyyy')!;
    expect(firstPeriod.cell.value).toBe(45962);
    const campaigns = plan('email', { rows: 50 });
    const names = [...cellsOf(campaigns)].filter(({ col, cell }) => col === 0 && cell.input);
    expect(names).toHaveLength(50);
  });

  it('only the scorecard, unit economics and dashboard need status colours', () => {
    for (const id of TEMPLATE_IDS) {
      const p = plan(id, {});
      const statusCells = [...cellsOf(p)].filter(({ cell }) => cell.role === 'status');
      for (const { row, col } of statusCells)
        for (const text of ['On track', 'At risk', 'Off track'])
          expect(
            p.conditionalFormats.some((c) => c.equals === text && inRange(c.range, row, col)),
          ).toBe(true);
    }
  });
});
