// Random input sets for a template plan's input cells, and the check that an engine's values match the core's.
import fc from 'fast-check';
import type { KindDomain } from '../../core/args/kinds';
import { isKpiError } from '../../core/errors';
import { getFunction } from '../../core/registry/index';
import { cellRef, parseRange } from '../../core/templates/a1';
import { evaluatePlan, type ComputedValue } from '../../core/templates/evaluate';
import type { CellValue, SheetPlan, ValidationPlan } from '../../core/templates/plan';
import { DEFAULT_MIX, inputCell, type InputCell, type Mix } from './bad-inputs';

/** One input cell of a plan: where it is, and what values it is given. */
export interface InputSlot {
  row: number;
  col: number;
  values: fc.Arbitrary<InputCell>;
}

/** A value an engine computed for a cell; errors as their code. */
export type EngineValue = number | string | boolean | null | { error: string };

const FREE_TEXT = ['Acme Oy', 'North', '=1+1', '+358', 'Q1 plan', '120', ''];

/** The values of a validated input: its domain's valid and bad values; for a list, its items in any case. */
function valuesFor(rule: ValidationPlan['rule'] | undefined, mix: Mix): fc.Arbitrary<InputCell> {
  if (rule === undefined)
    return fc.oneof(fc.constantFrom(...FREE_TEXT.filter((t) => t !== '')), fc.constant(null));
  switch (rule.type) {
    case 'list': {
      const items = rule.items.flatMap((item) => [item, item.toLowerCase()]);
      return fc.oneof(
        { arbitrary: fc.constantFrom(...items), weight: 8 },
        { arbitrary: fc.constant(null), weight: 2 },
        { arbitrary: fc.constantFrom('maybe', 'x', 1), weight: 1 },
      );
    }
    case 'date':
      return inputCell({ min: 0, isDate: true }, mix);
    case 'number': {
      const domain: KindDomain = { min: rule.min, max: rule.max, integer: rule.whole };
      if (rule.max === 1) domain.percent = true;
      return inputCell(domain, mix);
    }
    default:
      // A cross-cell rule guards a count or an amount of money: 0 or more.
      return inputCell({ min: 0 }, mix);
  }
}

/** The cells of the ranges that "set" functions read (NPS scores, vendor scores and weights). */
function setRangeCells(plan: SheetPlan): Set<string> {
  const cells = new Set<string>();
  for (const line of plan.cells)
    for (const cell of line) {
      const calc = cell?.calc;
      if (calc?.kind !== 'call' || getFunction(calc.fn)?.mode !== 'set') continue;
      for (const arg of calc.args) {
        if (typeof arg !== 'string') continue;
        const { row1, col1, row2, col2 } = parseRange(arg);
        for (let r = row1; r <= row2; r++)
          for (let c = col1; c <= col2; c++) cells.add(`${r},${c}`);
      }
    }
  return cells;
}

/**
 * Every input cell of the plan with the values a differential test gives it. `booleansInSets`
 * false leaves TRUE/FALSE out of the ranges "set" functions read, for LibreOffice, which stores
 * them as the numbers 1 and 0 there (docs/formulas.md).
 */
export function inputSlots(plan: SheetPlan, options: { booleansInSets: boolean }): InputSlot[] {
  const rules = new Map<string, ValidationPlan['rule']>();
  for (const validation of plan.validations) {
    const { row1, col1, row2, col2 } = parseRange(validation.range);
    for (let r = row1; r <= row2; r++)
      for (let c = col1; c <= col2; c++) rules.set(`${r},${c}`, validation.rule);
  }
  const inSets = options.booleansInSets ? new Set<string>() : setRangeCells(plan);
  const slots: InputSlot[] = [];
  plan.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (!cell?.input) return;
      const key = `${row},${col}`;
      const mix = inSets.has(key) ? { ...DEFAULT_MIX, boolean: 0 } : DEFAULT_MIX;
      slots.push({ row, col, values: valuesFor(rules.get(key), mix) });
    }),
  );
  return slots;
}

/** `count` input sets for the slots, the same for the same seed. */
export function inputSets(slots: readonly InputSlot[], count: number, seed: number): InputCell[][] {
  return fc.sample(fc.tuple(...slots.map((slot) => slot.values)), { numRuns: count, seed });
}

/** The plan with its input cells holding `values` (null leaves a cell blank). */
export function withInputs(
  plan: SheetPlan,
  slots: readonly InputSlot[],
  values: readonly InputCell[],
): SheetPlan {
  const cells = plan.cells.map((line) => [...line]);
  slots.forEach((slot, i) => {
    const cell = cells[slot.row]![slot.col]!;
    const value = values[i];
    cells[slot.row]![slot.col] = {
      ...cell,
      value: value === null ? undefined : (value as CellValue),
    };
  });
  return { ...plan, cells };
}

function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether an engine's value is the core's: numbers within 1e-9 relative, errors by code, "" as empty. */
export function sameValue(core: ComputedValue, engine: EngineValue): boolean {
  if (isKpiError(core))
    return typeof engine === 'object' && engine !== null && engine.error === core.code;
  if (core === null || core === '') return engine === null || engine === '';
  if (typeof core === 'number') return typeof engine === 'number' && closeEnough(core, engine);
  return core === engine;
}

function show(value: ComputedValue | EngineValue): string {
  if (isKpiError(value)) return value.code;
  return JSON.stringify(value);
}

/**
 * The formula cells where the engine's values differ from the core's evaluation of the same
 * plan, described with the inputs, at most `limit` of them.
 */
export function mismatches(
  plan: SheetPlan,
  engine: (row: number, col: number) => EngineValue,
  describeInputs: () => string,
  limit = 5,
): string[] {
  const core = evaluatePlan(plan);
  const found: string[] = [];
  plan.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (cell?.formula === undefined || found.length >= limit) return;
      const expected = core[row]![col]!;
      const actual = engine(row, col);
      if (!sameValue(expected, actual))
        found.push(
          `${cellRef(row, col)} ${cell.formula}: core ${show(expected)}, ` +
            `engine ${show(actual)} with ${describeInputs()}`,
        );
    }),
  );
  return found;
}
