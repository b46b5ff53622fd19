// Spec rule 6 for templates: every native formula, evaluated in HyperFormula, agrees with the core.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { FunctionSpec, NativeRefs } from '../../core/registry/types';
import type { KpiResult } from '../../core/values';
import { applyOrdering, ordering, validValue } from '../support/generators';
import type { SheetCell } from '../support/generators';
import {
  columnLetter,
  evaluateSheet,
  isDivisionByZero,
  isEmptyValue,
  showCell,
} from '../support/hyperformula';
import type { CellValue, RawCellContent } from '../support/hyperformula';
import { closeTo, show } from '../support/results';

const EACH_CASES = 300;
const SET_CASES = 120;
const SEED = 20260329;

/**
 * Functions that Excel, Google Sheets and LibreOffice Calc all implement alike; a native
 * formula using anything else may not work in one of the three.
 */
const PORTABLE_FUNCTIONS = new Set([
  'IF',
  'IFERROR',
  'AND',
  'OR',
  'NOT',
  'TRUE',
  'FALSE',
  'COUNT',
  'COUNTA',
  'COUNTBLANK',
  'COUNTIF',
  'COUNTIFS',
  'SUM',
  'SUMIF',
  'SUMIFS',
  'SUMPRODUCT',
  'PRODUCT',
  'AVERAGE',
  'AVERAGEIF',
  'AVERAGEIFS',
  'MIN',
  'MAX',
  'ABS',
  'SIGN',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'INT',
  'TRUNC',
  'MOD',
  'POWER',
  'SQRT',
  'EXP',
  'LN',
  'ISBLANK',
  'ISNUMBER',
  'ISTEXT',
  'ISLOGICAL',
  'ISERROR',
  'N',
]);

/** One generated input row: per parameter a sheet value, or "omitted" for an optional one left out. */
type Slot = SheetCell | 'omitted';

interface Outcome {
  compared: number;
  skipped: number;
  failures: string[];
}

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: SEED });
}

/** A valid, blank or (for optional parameters) omitted value per parameter, ordered as one case. */
function eachCases(spec: FunctionSpec): Slot[][] {
  const kinds = spec.params.map((p) => p.kind);
  const slots = spec.params.map((param) => {
    const filled = validValue(param.kind) as fc.Arbitrary<Slot>;
    return param.default === undefined
      ? fc.oneof(
          { arbitrary: fc.constant<Slot>(null), weight: 1 },
          { arbitrary: filled, weight: 12 },
        )
      : fc.oneof(fc.constant<Slot>('omitted'), fc.constant<Slot>(null), filled);
  });
  const arbitrary = fc.tuple(ordering, fc.tuple(...slots)).map(([order, values]) => {
    const present = values.map((v) => (v === 'omitted' ? null : v));
    const ordered = applyOrdering(present, kinds, order);
    return values.map((v, i): Slot => (v === 'omitted' ? 'omitted' : ordered[i]!));
  });
  return sample(arbitrary, EACH_CASES);
}

/** Data sets for a set function: rows of aligned cells, some blank, the numbers of every row ordered alike. */
function setCases(spec: FunctionSpec): SheetCell[][][] {
  const kinds = spec.params.map((p) => p.kind);
  const row = (blankRate: number) =>
    fc.tuple(
      ...kinds.map((kind) =>
        fc
          .tuple(fc.integer({ min: 0, max: 99 }), validValue(kind))
          .map(([percent, value]): SheetCell => (percent < blankRate * 100 ? null : value)),
      ),
    );
  const arbitrary = fc
    .tuple(ordering, fc.constantFrom(0, 0.2, 0.5, 1), fc.integer({ min: 1, max: 12 }))
    .chain(([order, blankRate, length]) =>
      fc
        .array(row(blankRate), { minLength: length, maxLength: length })
        .map((rows) => rows.map((cells) => applyOrdering(cells, kinds, order))),
    );
  return sample(arbitrary, SET_CASES);
}

/** Why the native value disagrees with the core result, or null when they agree (or the case is skipped). */
function disagreement(core: KpiResult, native: CellValue | undefined): string | null {
  if (Array.isArray(core)) return 'the core returned a range for scalar inputs';
  if (typeof core === 'number')
    return typeof native === 'number' && closeTo(core, native) ? null : 'numbers differ';
  if (core === '') return native === undefined || isEmptyValue(native) ? null : 'expected empty';
  if (isKpiError(core)) {
    if (core.code !== '#DIV/0!') return null;
    return native !== undefined && isDivisionByZero(native) ? null : 'expected #DIV/0!';
  }
  return native === core ? null : 'texts differ';
}

function compare(
  spec: FunctionSpec,
  sheet: RawCellContent[][],
  calls: { args: unknown[]; at: [number, number] }[],
): Outcome {
  const values = evaluateSheet(sheet);
  const outcome: Outcome = { compared: 0, skipped: 0, failures: [] };
  for (const { args, at } of calls) {
    const core = callFunction(spec.name, args);
    if (isKpiError(core) && core.code === '#VALUE!') {
      // Native formulas need not validate: the core's #VALUE! has no native counterpart.
      outcome.skipped++;
      continue;
    }
    outcome.compared++;
    const native = values[at[0]]?.[at[1]];
    const problem = disagreement(core, native);
    if (problem && outcome.failures.length < 10)
      outcome.failures.push(
        `${problem}: ${spec.name}(${args.map(show).join(', ')}) core ${show(core)}, ` +
          `native ${showCell(native)} from ${String(sheet[at[0]]![at[1]])}`,
      );
  }
  return outcome;
}

function runEach(spec: FunctionSpec): Outcome {
  const formulaColumn = spec.params.length;
  const sheet: RawCellContent[][] = [];
  const calls: { args: unknown[]; at: [number, number] }[] = [];
  eachCases(spec).forEach((slots, row) => {
    const refs: NativeRefs = slots.map((slot, col) =>
      slot === 'omitted' ? undefined : `${columnLetter(col)}${row + 1}`,
    );
    sheet.push([
      ...slots.map((slot) => (slot === 'omitted' ? null : slot)),
      `=${spec.native(refs)}`,
    ]);
    calls.push({
      args: slots.map((slot) => (slot === 'omitted' ? undefined : slot)),
      at: [row, formulaColumn],
    });
  });
  return compare(spec, sheet, calls);
}

function runSet(spec: FunctionSpec): Outcome {
  const formulaColumn = spec.params.length;
  const sheet: RawCellContent[][] = [];
  const calls: { args: unknown[]; at: [number, number] }[] = [];
  for (const rows of setCases(spec)) {
    const first = sheet.length;
    const last = first + rows.length - 1;
    const refs = spec.params.map(
      (_, col) => `${columnLetter(col)}${first + 1}:${columnLetter(col)}${last + 1}`,
    );
    rows.forEach((cells, i) => sheet.push([...cells, i === 0 ? `=${spec.native(refs)}` : null]));
    calls.push({
      args: spec.params.map((_, col) => rows.map((cells) => [cells[col]])),
      at: [first, formulaColumn],
    });
  }
  return compare(spec, sheet, calls);
}

/** The references a template would pass: optional parameters given, or all of them left out. */
function sampleRefs(spec: FunctionSpec, withOptional: boolean): NativeRefs {
  return spec.params.map((param, col) => {
    if (!withOptional && param.default !== undefined) return undefined;
    const letter = columnLetter(col);
    return spec.mode === 'set' ? `${letter}2:${letter}21` : `${letter}2`;
  });
}

/** The function names a formula calls, ignoring text inside string literals. */
function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"[^"]*"/g, '""');
  return [...code.matchAll(/([A-Za-z][A-Za-z0-9.]*)\s*\(/g)].map((m) => m[1]!);
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
  '%s native formula',
  (name, spec) => {
    it('is in invariant form and calls only functions every spreadsheet shares', () => {
      for (const withOptional of [true, false]) {
        const formula = spec.native(sampleRefs(spec, withOptional));
        expect(formula.startsWith('='), formula).toBe(false);
        expect(formula, 'argument separators must be commas').not.toContain(';');
        for (const fn of calledFunctions(formula))
          expect(PORTABLE_FUNCTIONS.has(fn), `${fn} in ${formula}`).toBe(true);
      }
    });

    it('agrees with the core in HyperFormula', () => {
      const outcome = spec.mode === 'each' ? runEach(spec) : runSet(spec);
      expect(outcome.failures).toEqual([]);
      const total = outcome.compared + outcome.skipped;
      expect(
        outcome.skipped,
        `${outcome.skipped} of ${total} cases were #VALUE! in the core and not compared`,
      ).toBeLessThanOrEqual(total / 2);
    });
  },
);

describe('native formulas over cells that hold formulas', () => {
  it('AVG_SALES_CYCLE skips a close date that is a formula returning ""', () => {
    const avg = FUNCTIONS.find((spec) => spec.name === 'AVG_SALES_CYCLE')!;
    // Rows 1 and 3 are complete: (46053 − 46023 + 46050 − 46040) / 2 = 20 days.
    const result = evaluateSheet([
      [46023, 46053, `=${avg.native(['A1:A3', 'B1:B3'])}`],
      [46030, '=""'],
      [46040, 46050],
    ])[0]![2];
    expect(result).toBe(20);
  });
});
