// Finds, in a template plan, an input the test can retype and a result that must change with it.
import { isKpiError } from '../../core/errors';
import type { DataSheetPlan } from '../../core/import/index';
import {
  cellRef,
  evaluatePlan,
  parseRange,
  type SheetPlan,
  type ValidationPlan,
} from '../../core/templates/index';

/** A new value for one input cell, how to type it, the plan with it, and a formula cell it changes. */
export interface InputChange {
  ref: string;
  typed: string;
  value: number | string;
  dependent: string;
  plan: SheetPlan;
}

/** The cell's own value rule; a cross-cell check (part ≤ whole) on top of it says nothing of its kind. */
function validationAt(plan: SheetPlan, row: number, col: number): ValidationPlan | undefined {
  return plan.validations.find(({ range, rule }) => {
    if (rule.type === 'custom') return false;
    const r = parseRange(range);
    return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
  });
}

/** A different value the cell's rule accepts: one less (or more) for whole numbers, half otherwise. */
function otherValue(old: number, validation: ValidationPlan | undefined): number | undefined {
  const rule = validation?.rule ?? { type: 'number', whole: false };
  if (rule.type !== 'number') return undefined;
  if (!rule.whole) return old === 0 ? 1 : Number((old / 2).toPrecision(6));
  const min = rule.min ?? -Infinity;
  return old - 1 >= min ? old - 1 : old + 1;
}

/** Another currency code for a free-text currency input (the pipeline's): deals in it are summed. */
function otherText(old: string, validation: ValidationPlan | undefined): string | undefined {
  if (validation !== undefined || !/^[A-Z]{3}$/.test(old)) return undefined;
  return old === 'GBP' ? 'USD' : 'GBP';
}

/**
 * The first numeric input (row by row), else currency code input, whose new value changes some
 * formula cell's result and causes no error, as computed by the core's `evaluatePlan` (over
 * `data`, the data sheet a pipeline analysis reads); undefined when the plan has none.
 */
export function inputChange(plan: SheetPlan, data?: DataSheetPlan): InputChange | undefined {
  const before = evaluatePlan(plan, data);
  for (const [row, line] of plan.cells.entries()) {
    for (const [col, cell] of line.entries()) {
      if (!cell?.input || /[yd]/.test(cell.format ?? '')) continue;
      const validation = validationAt(plan, row, col);
      const value =
        typeof cell.value === 'number'
          ? otherValue(cell.value, validation)
          : typeof cell.value === 'string'
            ? otherText(cell.value, validation)
            : undefined;
      if (value === undefined) continue;
      const changed: SheetPlan = {
        ...plan,
        cells: plan.cells.map((r, ri) =>
          r.map((c, ci) => (ri === row && ci === col ? { ...c!, value } : c)),
        ),
      };
      const after = evaluatePlan(changed, data);
      // Only a change that keeps the example data consistent (no error anywhere), as a user would type.
      if (after.some((r) => r.some(isKpiError))) continue;
      for (const [r, cells] of plan.cells.entries())
        for (const [c, other] of cells.entries())
          if (other?.calc && typeof after[r]![c] === 'number' && after[r]![c] !== before[r]![c]) {
            const typed =
              typeof value === 'number' && cell.format?.includes('%')
                ? `${Number((value * 100).toPrecision(12))}%`
                : String(value);
            return {
              ref: cellRef(row, col),
              typed,
              value,
              dependent: cellRef(r, c),
              plan: changed,
            };
          }
    }
  }
  return undefined;
}
