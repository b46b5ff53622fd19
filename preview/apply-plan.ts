// Writes a template plan into the preview workbook as a new sheet, the way the Excel and Sheets adapters do.
import { uniqueSheetName } from '../core/templates/sheet-name';
import type { PlanCell, SheetPlan } from '../core/templates/plan';
import type { CellContent } from './typed-input';
import type { PreviewWorkbook } from './workbook';

/** A plan cell as engine input: formulas as rendered, literal text behind an apostrophe so "=…" stays text. */
function engineContent(cell: PlanCell | null): CellContent {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.formula;
  if (cell.value === undefined) return null;
  return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
}

/**
 * Adds `plan` to `workbook` as a new sheet named uniquely ("Name (2)" when "Name" exists),
 * with its values, formulas, formats, styles, row heights, merges, frozen panes, validations,
 * conditional formats, charts and protection, and shows it. Functions-mode plans must be built with the
 * function prefix "" (the preview registers the KPI functions under their bare names, as Sheets
 * does). Returns the sheet's name.
 */
export function applyPlanToPreview(workbook: PreviewWorkbook, plan: SheetPlan): string {
  const name = uniqueSheetName(plan.sheetName, workbook.sheetNames());
  workbook.addSheet(
    {
      name,
      lang: plan.options.lang,
      cells: plan.cells,
      rows: plan.cells.length,
      columns: plan.columnWidths.length,
      columnWidths: plan.columnWidths,
      rowHeights: plan.rowHeights,
      frozen: plan.frozen,
      merges: plan.merges,
      validations: plan.validations,
      conditionalFormats: plan.conditionalFormats,
      charts: plan.charts,
      locked: plan.protection.enabled,
    },
    plan.cells.map((row) => row.map(engineContent)),
  );
  return name;
}
