// A template plan without example data, filled with a test's own inputs found by label, recomputed and checked cell by cell.
import { expect } from 'vitest';
import { isKpiError } from '../../core/errors';
import { t, type MessageKey } from '../../core/i18n/index';
import { buildPlan, cellRef, evaluatePlan } from '../../core/templates/index';
import type {
  CellValue,
  FormulaMode,
  Lang,
  SheetPlan,
  TemplateId,
  TemplateOptionsInput,
} from '../../core/templates/index';
import { evaluateWithHyperFormula } from './hyperformula-plan';
import { closeTo, show } from './results';

/** Who computes the sheet: HyperFormula over the rendered formulas, or the core's `evaluatePlan`. */
export interface Variant {
  name: string;
  engine: 'HyperFormula' | 'evaluatePlan';
  mode: FormulaMode;
  lang: Lang;
}

/**
 * Both formula modes in HyperFormula and the plan evaluator (which reads `calc`, so one mode is
 * enough), each in both languages.
 */
export const VARIANTS: readonly Variant[] = (['en', 'fi'] as const).flatMap((lang) => [
  { name: `HyperFormula portable ${lang}`, engine: 'HyperFormula', mode: 'portable', lang },
  { name: `HyperFormula functions ${lang}`, engine: 'HyperFormula', mode: 'functions', lang },
  { name: `evaluatePlan ${lang}`, engine: 'evaluatePlan', mode: 'functions', lang },
]);

/** An expected cell: a number (compared within 1e-9 relative), a text, or "" for a blank result. */
export type Expected = number | string;

/** A computed value in one form for both engines: errors become their code. */
type Computed = number | string | boolean | null | { error: string };

export class TemplateSheet {
  readonly plan: SheetPlan;
  private values: Computed[][] | null = null;
  private readonly checked = new Set<string>();

  constructor(
    readonly id: TemplateId,
    readonly variant: Variant,
    options: TemplateOptionsInput = {},
  ) {
    const built = buildPlan(
      id,
      { ...options, lang: variant.lang, mode: variant.mode, example: false },
      { startMonth: '2026-01' },
      { functionPrefix: '' },
    );
    if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
    this.plan = built.plan;
  }

  /** A message in the sheet's language: how the sheet labels its rows and columns. */
  text(key: MessageKey, params: Record<string, string | number> = {}): string {
    return t(this.variant.lang, key, params);
  }

  /** Every row whose first cells read `texts`, in order from column A. */
  rows(...texts: string[]): number[] {
    const found: number[] = [];
    this.plan.cells.forEach((line, row) => {
      if (texts.every((text, col) => line[col]?.value === text)) found.push(row);
    });
    return found;
  }

  /** The one row whose first cells read `texts`. */
  row(...texts: string[]): number {
    const found = this.rows(...texts);
    if (found.length !== 1)
      throw new Error(`${found.length} rows read ${JSON.stringify(texts)} in ${this.id}`);
    return found[0]!;
  }

  /** The one column of row `row` that reads `text` (a header, or an input's label). */
  column(row: number, text: string): number {
    const found = this.plan.cells[row]!.flatMap((cell, col) => (cell?.value === text ? [col] : []));
    if (found.length !== 1)
      throw new Error(`${found.length} cells of row ${row + 1} read "${text}" in ${this.id}`);
    return found[0]!;
  }

  /** The columns of row `row` headed by each message, by name. */
  columns<K extends string>(row: number, headers: Record<K, MessageKey>): Record<K, number> {
    const found = {} as Record<K, number>;
    for (const name of Object.keys(headers) as K[])
      found[name] = this.column(row, this.text(headers[name]));
    return found;
  }

  /** Types `value` into an input cell; refuses any other cell, so a test never overwrites a formula. */
  set(row: number, col: number, value: CellValue): void {
    const cell = this.plan.cells[row]?.[col];
    if (!cell?.input) throw new Error(`${cellRef(row, col)} of ${this.id} is not an input cell`);
    cell.value = value;
    this.values = null;
  }

  /** Recomputes every cell from the inputs typed so far. */
  compute(): void {
    if (this.variant.engine === 'HyperFormula') {
      this.values = evaluateWithHyperFormula(this.plan);
      return;
    }
    this.values = evaluatePlan(this.plan).map((line) =>
      line.map((value) => (isKpiError(value) ? { error: value.code } : value)),
    );
  }

  /** Checks one computed cell against its hand-worked value, and marks it as checked. */
  check(row: number, col: number, expected: Expected): void {
    if (!this.values) throw new Error('compute() the sheet before checking it');
    const at = cellRef(row, col);
    // A formula cell, or a cell a KPI-functions formula's result spills into.
    if (!this.plan.cells[row]?.[col]?.calc) throw new Error(`${at} is not a formula cell`);
    this.checked.add(at);
    const actual = this.values[row]![col]!;
    const same =
      typeof expected === 'number'
        ? typeof actual === 'number' && closeTo(actual, expected)
        : expected === '' // a blank result: the empty text, or an empty cell in an engine
          ? actual === '' || actual === null
          : actual === expected;
    const seen = typeof actual === 'object' && actual !== null ? actual.error : show(actual);
    expect.soft(same, `${this.id} ${at}: expected ${show(expected)}, got ${seen}`).toBe(true);
  }

  /** The formula cells no check has looked at yet. */
  unchecked(): string[] {
    const missing: string[] = [];
    this.plan.cells.forEach((line, row) =>
      line.forEach((cell, col) => {
        if (cell?.calc && !this.checked.has(cellRef(row, col))) missing.push(cellRef(row, col));
      }),
    );
    return missing;
  }
}
