// Evaluates a template plan in HyperFormula (dev-only, GPL), with the KPI functions registered from the registry.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { DataSheetPlan } from '../../core/import/workbook-types';
import type { SheetPlan } from '../../core/templates/plan';
import { registerKpiFunctions } from '../../preview/kpi-functions-plugin';
import { SPREADSHEET_CONFIG } from './hyperformula';

/** HyperFormula's default `maxRows`: larger sheets are refused unless the config raises it. */
const HF_DEFAULT_MAX_ROWS = 40_000;

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

/** The data sheet as a host writes it: the header, then the deals, text behind an apostrophe. */
function dataContent(data: DataSheetPlan): (string | number | null)[][] {
  return [data.header, ...data.rows].map((row) =>
    row.map((value) => (typeof value === 'string' ? (value === '' ? null : `'${value}`) : value)),
  );
}

/** The data sheets the plan's formulas read (the pipeline's "Deals"), by name. */
function dataSheetsRead(plan: SheetPlan): Set<string> {
  const names = new Set<string>();
  for (const row of plan.cells)
    for (const cell of row)
      if (cell?.calc?.kind === 'dataCount' || cell?.calc?.kind === 'dataSum')
        names.add(cell.calc.sheet);
  return names;
}

/**
 * Every cell of the plan computed by HyperFormula, beside the data sheet `data` its formulas
 * read (an empty sheet of that name when none is given, as `evaluatePlan` reads none).
 * Functions-mode plans must be built with the function prefix "" (KPI functions are registered
 * under their bare names).
 */
export function evaluateWithHyperFormula(plan: SheetPlan, data?: DataSheetPlan): EngineValue[][] {
  registerKpiFunctions();
  const sheets: Record<string, (string | number | boolean | null)[][]> = {
    Plan: engineContent(plan),
  };
  for (const name of dataSheetsRead(plan)) sheets[name] = [[null]];
  if (data) sheets[data.sheetName] = dataContent(data);
  // HyperFormula refuses sheets over 40,000 rows by default; a 100,000-deal data sheet needs more.
  const rows = Math.max(...Object.values(sheets).map((cells) => cells.length));
  const engine = HyperFormula.buildFromSheets(sheets, {
    ...SPREADSHEET_CONFIG,
    ...(rows > HF_DEFAULT_MAX_ROWS ? { maxRows: rows } : {}),
  });
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
