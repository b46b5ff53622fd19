// Evaluates a template plan in HyperFormula (dev-only, GPL), with the KPI functions registered from the registry.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { SheetPlan } from '../../core/templates/plan';
import { registerKpiFunctions } from '../../preview/kpi-functions-plugin';
import { SPREADSHEET_CONFIG } from './hyperformula';

/** A cell value as HyperFormula computes it; errors become their code ("#DIV/0!"). */
export type EngineValue = number | string | boolean | null | { error: string };

/** The plan's grid as HyperFormula input: formulas as written, text behind an apostrophe so it stays text. */
function engineContent(plan: SheetPlan): (string | number | boolean | null)[][] {
  return plan.cells.map((row) =>
    row.map((cell) => {
      if (!cell) return null;
      if (cell.formula !== undefined) return cell.formula;
      if (cell.value === undefined) return null;
      return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
    }),
  );
}

/**
 * Every cell of the plan computed by HyperFormula. Functions-mode plans must be built with the
 * function prefix "" (KPI functions are registered under their bare names).
 */
export function evaluateWithHyperFormula(plan: SheetPlan): EngineValue[][] {
  registerKpiFunctions();
  const engine = HyperFormula.buildFromSheets({ Plan: engineContent(plan) }, SPREADSHEET_CONFIG);
  try {
    const sheet = engine.getSheetId('Plan')!;
    const values = engine.getSheetValues(sheet);
    return plan.cells.map((row, r) =>
      row.map((_, c) => {
        const value = values[r]?.[c];
        if (value instanceof DetailedCellError) return { error: value.value };
        return value === undefined ? null : (value as EngineValue);
      }),
    );
  } finally {
    engine.destroy();
  }
}
