// Random input sets for a template plan's input cells, and the check that an engine's values match the core's.
import fc from 'fast-check';
import type { KindDomain } from '../../core/args/kinds';
import { isKpiError } from '../../core/errors';
import { outcomeLabel } from '../../core/import/data-sheet';
import {
  DATA_COLUMNS,
  type DataColumn,
  type DataSheetPlan,
} from '../../core/import/workbook-types';
import { cellRef, parseRange } from '../../core/templates/a1';
import { evaluatePlan, type ComputedValue } from '../../core/templates/evaluate';
import { buildPlan } from '../../core/templates/index';
import { TEMPLATE_SHAPES, type TemplateId } from '../../core/templates/options';
import type { CellValue, SheetPlan, ValidationPlan } from '../../core/templates/plan';
import { DEFAULT_MIX, inputCell, type InputCell, type Mix } from './bad-inputs';

/**
 * The template's portable plan without example data (every input starts blank), two periods
 * and two rows long where it has them: every formula pattern, first and total rows included,
 * at a size that keeps many recalculations quick.
 */
export function smallPortablePlan(id: TemplateId): SheetPlan {
  const shape = TEMPLATE_SHAPES[id];
  const options = {
    mode: 'portable' as const,
    example: false,
    ...(shape.periods !== undefined ? { periods: 2 } : {}),
    ...(shape.rows !== undefined ? { rows: 2 } : {}),
  };
  const built = buildPlan(id, options, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(`${id}: ${JSON.stringify(built.errors)}`);
  return built.plan;
}

/**
 * The data sheet `smallPortablePlan`'s formulas read, or none: the pipeline's example deals with
 * their sources, owners and currencies taken in turn from the names the random inputs type
 * (FREE_TEXT), so the name and currency cells the sets fill in find deals to count.
 */
export function smallPortableData(id: TemplateId): DataSheetPlan | undefined {
  const shape = TEMPLATE_SHAPES[id];
  const options = {
    mode: 'portable' as const,
    example: true,
    ...(shape.periods !== undefined ? { periods: 2 } : {}),
    ...(shape.rows !== undefined ? { rows: 2 } : {}),
  };
  const built = buildPlan(id, options, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(`${id}: ${JSON.stringify(built.errors)}`);
  const data = built.dataSheet;
  if (!data) return undefined;
  const names = FREE_TEXT.filter((text) => text !== '');
  const at = (key: DataColumn) => DATA_COLUMNS.indexOf(key);
  const rows = data.rows.map((row, i) => {
    const copy = [...row];
    copy[at('source')] = names[i % names.length]!;
    copy[at('owner')] = names[(i * 5 + 1) % names.length]!;
    copy[at('currency')] = names[(i * 3 + 2) % names.length]!;
    return copy;
  });
  // A large credit note for every name among the won deals: the revenue of any currency,
  // source or owner typed in is negative, which the average deal size refuses (#VALUE!) as its
  // function does.
  const won = rows.filter((row) => row[at('outcome')] === outcomeLabel(data.lang, 'won'));
  names.forEach((name, i) => {
    const row = won[i];
    if (!row) return;
    row[at('amount')] = -10_000_000;
    for (const column of ['currency', 'source', 'owner'] as const) row[at(column)] = name;
  });
  return { ...data, rows };
}

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

/**
 * Every input cell of the plan with the values a differential test gives it. `booleans` false
 * leaves out TRUE/FALSE and the text "TRUE", for LibreOffice, which has no TRUE/FALSE values:
 * it stores them as the numbers 1 and 0 and reads the text "TRUE" as 1 (README, "Formula modes").
 */
export function inputSlots(plan: SheetPlan, options: { booleans: boolean }): InputSlot[] {
  const rules = new Map<string, ValidationPlan['rule']>();
  for (const validation of plan.validations) {
    const { row1, col1, row2, col2 } = parseRange(validation.range);
    for (let r = row1; r <= row2; r++)
      for (let c = col1; c <= col2; c++) rules.set(`${r},${c}`, validation.rule);
  }
  const mix = options.booleans ? DEFAULT_MIX : { ...DEFAULT_MIX, boolean: 0 };
  const slots: InputSlot[] = [];
  plan.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (cell?.input) slots.push({ row, col, values: valuesFor(rules.get(`${row},${col}`), mix) });
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

/** The inputs of a set as "C6=120 E6=\"abc\" …", for failure messages. */
export function describeInputs(slots: readonly InputSlot[], values: readonly InputCell[]): string {
  return slots
    .map((slot, i) => `${cellRef(slot.row, slot.col)}=${JSON.stringify(values[i])}`)
    .join(' ');
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

/** How many compared formula cells the core computed as each kind of value. */
export type Tally = Record<'number' | 'text' | 'empty' | '#VALUE!' | '#DIV/0!', number>;

export function emptyTally(): Tally {
  return { number: 0, text: 0, empty: 0, '#VALUE!': 0, '#DIV/0!': 0 };
}

function kindOf(value: ComputedValue): keyof Tally {
  if (isKpiError(value)) return value.code === '#DIV/0!' ? '#DIV/0!' : '#VALUE!';
  if (value === null || value === '') return 'empty';
  return typeof value === 'number' ? 'number' : 'text';
}

/**
 * The formula cells where the engine's values differ from the core's evaluation of the same
 * plan, described with the inputs, at most `limit` of them; `tally` counts what the core gave.
 */
export function mismatches(
  plan: SheetPlan,
  engine: (row: number, col: number) => EngineValue,
  describeSet: () => string,
  tally: Tally,
  limit = 3,
  data?: DataSheetPlan,
): string[] {
  const core = evaluatePlan(plan, data);
  const found: string[] = [];
  plan.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (cell?.formula === undefined) return;
      const expected = core[row]![col]!;
      tally[kindOf(expected)]++;
      const actual = engine(row, col);
      if (found.length < limit && !sameValue(expected, actual))
        found.push(
          `${cellRef(row, col)} ${cell.formula}: core ${show(expected)}, ` +
            `engine ${show(actual)} with ${describeSet()}`,
        );
    }),
  );
  return found;
}
