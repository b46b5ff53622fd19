// Spec rule 6 for templates: every native formula, evaluated in HyperFormula, agrees with the core, bad input included.
import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { KIND_DOMAINS, type ParamKind } from '../../core/args/kinds';
import { isKpiError } from '../../core/errors';
import { hasNativeFormula, nativeFormula } from '../../core/formulas/natives';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { FunctionSpec, NativeArgs, ParamSpec } from '../../core/registry/types';
import type { KpiResult } from '../../core/values';
import { DEFAULT_MIX, inputCell, validNumber, type InputCell } from '../support/bad-inputs';
import { applyOrdering, ordering, type Ordering } from '../support/generators';
import { columnLetter, evaluateSheet, isEmptyValue, showCell } from '../support/hyperformula';
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
  'VALUE',
]);

/**
 * One generated argument: a cell value behind a reference, a literal written into the formula,
 * or "omitted" for an optional parameter left out.
 */
type Slot = { cell: InputCell } | { literal: number | boolean } | 'omitted';

interface Outcome {
  compared: number;
  /** How many cases gave each kind of result: the cases must cover every one. */
  results: Record<'number' | 'text' | 'empty' | '#VALUE!' | '#DIV/0!', number>;
  failures: string[];
}

function sample<T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] {
  return fc.sample(arbitrary, { numRuns, seed: SEED });
}

/** The valid or bad value, blank, literal or omission of one parameter. */
function slotOf(param: ParamSpec): fc.Arbitrary<Slot> {
  const domain = KIND_DOMAINS[param.kind];
  const cell = inputCell(domain).map((value): Slot => ({ cell: value }));
  const literal = (domain.isFlag ? fc.boolean() : validNumber(domain)).map((value): Slot => ({
    literal: value,
  }));
  const options = [
    { arbitrary: cell, weight: 10 },
    { arbitrary: literal, weight: 1 },
  ];
  if (param.default !== undefined)
    options.push({ arbitrary: fc.constant<Slot>('omitted'), weight: 2 });
  return fc.oneof(...options);
}

/** The valid numbers of a case, ordered so part/whole and similar rules often hold. */
function ordered(slots: Slot[], kinds: readonly ParamKind[], order: Ordering): Slot[] {
  const numbers = slots.map((slot) =>
    typeof slot === 'object' && 'cell' in slot && typeof slot.cell === 'number' ? slot.cell : null,
  );
  const sorted = applyOrdering(numbers, kinds, order);
  return slots.map((slot, i) => (numbers[i] === null ? slot : { cell: sorted[i]! }));
}

function eachCases(spec: FunctionSpec): Slot[][] {
  const kinds = spec.params.map((p) => p.kind);
  const arbitrary = fc
    .tuple(ordering, fc.tuple(...spec.params.map(slotOf)))
    .map(([order, slots]) => ordered(slots, kinds, order));
  return sample(arbitrary, EACH_CASES);
}

/** Data sets for a set function: rows of aligned cells, valid, blank or bad, ordered alike. */
function setCases(spec: FunctionSpec): InputCell[][][] {
  const kinds = spec.params.map((p) => p.kind);
  // Mostly valid, so that a range often holds no bad cell at all.
  const mix = { ...DEFAULT_MIX, valid: 60 };
  const row = fc.tuple(...kinds.map((kind) => inputCell(KIND_DOMAINS[kind], mix)));
  const arbitrary = fc.tuple(ordering, fc.integer({ min: 1, max: 12 })).chain(([order, length]) =>
    fc.array(row, { minLength: length, maxLength: length }).map((rows) =>
      rows.map((cells) => {
        const numbers = cells.map((c) => (typeof c === 'number' ? c : null));
        const sorted = applyOrdering(numbers, kinds, order);
        return cells.map((c, i) => (typeof c === 'number' ? sorted[i]! : c));
      }),
    ),
  );
  return sample(arbitrary, SET_CASES);
}

/** A cell as HyperFormula takes it: text behind an apostrophe, so "120" stays text. */
function sheetCell(value: InputCell): RawCellContent {
  return typeof value === 'string' ? `'${value}` : value;
}

type ResultKind = keyof Outcome['results'];

function kindOf(core: KpiResult): ResultKind {
  if (typeof core === 'number') return 'number';
  if (isKpiError(core)) return core.code === '#DIV/0!' ? '#DIV/0!' : '#VALUE!';
  return core === '' ? 'empty' : 'text';
}

/** Why the native value disagrees with the core result, or null when they agree. */
function disagreement(core: KpiResult, native: CellValue | undefined): string | null {
  if (Array.isArray(core)) return 'the core returned a range for scalar inputs';
  if (typeof core === 'number')
    return typeof native === 'number' && closeTo(core, native) ? null : 'numbers differ';
  if (core === '') return native === undefined || isEmptyValue(native) ? null : 'expected empty';
  if (isKpiError(core))
    return native instanceof DetailedCellError && native.value === core.code
      ? null
      : `expected ${core.code}`;
  return native === core ? null : 'texts differ';
}

function compare(
  spec: FunctionSpec,
  sheet: RawCellContent[][],
  calls: { args: unknown[]; at: [number, number] }[],
): Outcome {
  const values = evaluateSheet(sheet);
  const outcome: Outcome = {
    compared: 0,
    results: { number: 0, text: 0, empty: 0, '#VALUE!': 0, '#DIV/0!': 0 },
    failures: [],
  };
  for (const { args, at } of calls) {
    const core = callFunction(spec.name, args);
    outcome.compared++;
    outcome.results[kindOf(core)]++;
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
    const args: NativeArgs = slots.map((slot, col) => {
      if (slot === 'omitted') return undefined;
      return 'literal' in slot ? slot.literal : `${columnLetter(col)}${row + 1}`;
    });
    sheet.push([
      ...slots.map((slot) =>
        typeof slot === 'object' && 'cell' in slot ? sheetCell(slot.cell) : null,
      ),
      `=${nativeFormula(spec.name, args)}`,
    ]);
    calls.push({
      args: slots.map((slot) => {
        if (slot === 'omitted') return undefined;
        return 'literal' in slot ? slot.literal : slot.cell;
      }),
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
    rows.forEach((cells, i) =>
      sheet.push([...cells.map(sheetCell), i === 0 ? `=${nativeFormula(spec.name, refs)}` : null]),
    );
    calls.push({
      args: spec.params.map((_, col) => rows.map((cells) => [cells[col]])),
      at: [first, formulaColumn],
    });
  }
  return compare(spec, sheet, calls);
}

/** The references a template would pass: optional parameters given, or all of them left out. */
function sampleRefs(spec: FunctionSpec, withOptional: boolean): NativeArgs {
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

it('every registry function has a native formula, and only those', () => {
  expect(FUNCTIONS.filter((spec) => !hasNativeFormula(spec.name)).map((spec) => spec.name)).toEqual(
    [],
  );
  expect(hasNativeFormula('NO_SUCH')).toBe(false);
  expect(() => nativeFormula('NO_SUCH', [])).toThrow(/NO_SUCH/);
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
  '%s native formula',
  (name, spec) => {
    it('is in invariant form and calls only functions every spreadsheet shares', () => {
      for (const withOptional of [true, false]) {
        const formula = nativeFormula(spec.name, sampleRefs(spec, withOptional));
        expect(formula.startsWith('='), formula).toBe(false);
        expect(formula, 'argument separators must be commas').not.toContain(';');
        for (const fn of calledFunctions(formula))
          expect(PORTABLE_FUNCTIONS.has(fn), `${fn} in ${formula}`).toBe(true);
      }
    });

    it('agrees with the core in HyperFormula on valid and bad input', () => {
      const outcome = spec.mode === 'each' ? runEach(spec) : runSet(spec);
      expect(outcome.failures).toEqual([]);
      // The cases reach results, #VALUE! (bad input) and, for "each" functions, empty cells.
      const { results } = outcome;
      const reached = JSON.stringify(results);
      expect(results.number + results.text, reached).toBeGreaterThan(outcome.compared / 10);
      expect(results['#VALUE!'], reached).toBeGreaterThan(0);
      if (spec.mode === 'each') expect(results.empty, reached).toBeGreaterThan(0);
    });
  },
);

describe('native formulas over partly filled ranges', () => {
  it('AVG_SALES_CYCLE counts only the rows where both dates are filled', () => {
    // Rows 1 and 3 are complete: (46053 − 46023 + 46050 − 46040) / 2 = 20 days.
    const result = evaluateSheet([
      [46023, 46053, `=${nativeFormula('AVG_SALES_CYCLE', ['A1:A3', 'B1:B3'])}`],
      [46030, null],
      [46040, 46050],
    ])[0]![2];
    expect(result).toBe(20);
  });
});

describe('literal arguments are folded when the formula is generated', () => {
  it.each(
    FUNCTIONS.filter((spec) => spec.mode === 'each').map((spec) => [spec.name, spec] as const),
  )(
    '%s with its optional arguments given as literals writes no constant condition',
    (_name, spec) => {
      const args = spec.params.map((param, col) =>
        param.default === undefined ? `${columnLetter(col)}2` : param.default,
      );
      const formula = nativeFormula(spec.name, args);
      expect(formula).not.toMatch(/TRUE\(\)|FALSE\(\)/);
      // No comparison of a literal (with a number or ""), no widened boundary (*0.999999999999).
      expect(formula).not.toMatch(/(^|[^A-Z0-9$.])-?[\d.]+(=|<>|<=|>=|<|>)(-?[\d.]+($|[^\d.])|"")/);
      expect(formula).not.toMatch(/0\.9{6}|1\.0{6}/);
    },
  );

  it('KPI_STATUS with lower is better writes only the lower-is-better comparisons', () => {
    expect(nativeFormula('KPI_STATUS', ['H10', 'I10', false, 0.1])).toBe(
      'IF((H10="")+(I10="")>0,"",' +
        'IF(OR(ISLOGICAL(H10),ISERROR(VALUE(H10)),ISLOGICAL(I10),VALUE(I10)<0),#VALUE!,' +
        'IF(VALUE(H10)<=VALUE(I10),"On track",' +
        'IF(VALUE(H10)<=VALUE(I10)*1.1,"At risk","Off track"))))',
    );
  });

  it('INCENTIVE_PAY with its default weight splits 70/30', () => {
    expect(nativeFormula('INCENTIVE_PAY', ['A1', 'B1', 'C1'])).toContain('A1*(0.7*B1+0.3*C1)');
  });

  it('a literal zero whole still gives #DIV/0!, after the blank and number checks', () => {
    expect(nativeFormula('LEAD_CONVERSION', ['A1', 0])).toBe(
      'IF(A1="","",IF(OR(ISLOGICAL(A1),VALUE(A1)<0),#VALUE!,#DIV/0!))',
    );
  });
});
