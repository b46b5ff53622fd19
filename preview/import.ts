// Writes a CRM import into the preview workbook: the data sheet as values, then its analysis sheet, all or nothing.
import type { DataSheetPlan, DataValue, ImportRequest } from '../core/import/workbook-types';
import { parseCell } from '../core/templates/a1';
import type { PlanCell } from '../core/templates/plan';
import { applyPlanToPreview } from './apply-plan';
import { previewText } from './messages';
import type { CellContent } from './typed-input';
import type { PreviewSheet, PreviewWorkbook } from './workbook';

/** The blank column between the deals and the record keeps the default width. */
const GAP_COLUMN_WIDTH = 80;

/** A data sheet cell as engine input: text behind an apostrophe, so a name "=1+1" stays text. */
function literal(value: DataValue): CellContent {
  if (typeof value === 'number') return value;
  return value === '' ? null : `'${value}`;
}

/** The preview sheet and engine content of a data sheet plan: header, deals, the record beside them. */
export function dataSheetOf(plan: DataSheetPlan): {
  sheet: PreviewSheet;
  content: CellContent[][];
} {
  const anchor = parseCell(plan.recordAnchor);
  const content: CellContent[][] = [
    plan.header.map(literal),
    ...plan.rows.map((row) => row.map(literal)),
  ];
  const cells: (PlanCell | null)[][] = [plan.header.map((): PlanCell => ({ role: 'header' }))];
  plan.record.forEach((line, i) => {
    const row = anchor.row + i;
    const values = (content[row] ??= []);
    const looks = (cells[row] ??= []);
    line.forEach((cell, j) => {
      if (!cell) return;
      values[anchor.col + j] = literal(cell.value);
      looks[anchor.col + j] = {
        ...(cell.role ? { role: cell.role } : {}),
        ...(cell.format ? { format: cell.format } : {}),
      };
    });
  });
  // The engine reads holes in a row as blanks only when they are there.
  for (let row = 0; row < content.length; row++)
    content[row] = Array.from(content[row] ?? [], (value) => value ?? null);
  const columnWidths = [
    ...plan.columns.map((column) => column.width),
    ...Array<number>(Math.max(0, anchor.col - plan.columns.length)).fill(GAP_COLUMN_WIDTH),
    ...plan.recordColumns.map((column) => column.width),
  ];
  return {
    sheet: {
      name: plan.sheetName,
      lang: plan.lang,
      cells,
      rows: content.length,
      columns: columnWidths.length,
      columnWidths,
      columnFormats: plan.columns.map((column) => column.format),
      frozen: { rows: 1, columns: 0 },
      merges: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      locked: false,
    },
    content,
  };
}

/**
 * Writes `plan` as the workbook's data sheet: a new sheet, or the existing one of that name (any
 * case) given the new rows in place, so formulas that read it keep working. Returns its name.
 */
function writeDataSheet(workbook: PreviewWorkbook, plan: DataSheetPlan): string {
  const existing = workbook.sheetNamed(plan.sheetName);
  const { sheet, content } = dataSheetOf(plan);
  if (!existing) {
    workbook.addSheet(sheet, content);
    return sheet.name;
  }
  workbook.replaceSheet({ ...sheet, name: existing.name }, content);
  return existing.name;
}

/**
 * Writes an import request into `workbook` as one step: the data sheet, then the analysis
 * sheet (named uniquely) when there is one, which is then shown. An existing data sheet is
 * replaced only when the request says so; any failure leaves the workbook as it was and throws
 * a message for the user.
 */
export function importIntoPreview(
  workbook: PreviewWorkbook,
  { dataSheet, analysis, replace }: ImportRequest,
): { dataSheet: string; analysis: string | null } {
  const existing = workbook.sheetNamed(dataSheet.sheetName);
  if (existing && !replace)
    throw new Error(previewText(dataSheet.lang, 'dataSheetExists', existing.name));
  try {
    return workbook.transaction(() => ({
      dataSheet: writeDataSheet(workbook, dataSheet),
      analysis: analysis ? applyPlanToPreview(workbook, analysis) : null,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(previewText(dataSheet.lang, 'importFailed', reason), { cause: error });
  }
}

/**
 * Inserts a template whose plan comes with example deals (the pipeline analysis): the data
 * sheet first when the workbook has none of that name, else the analysis reads the user's own.
 */
export function insertWithExampleData(
  workbook: PreviewWorkbook,
  dataSheet: DataSheetPlan,
  insert: () => string,
): string {
  return workbook.transaction(() => {
    if (!workbook.sheetNamed(dataSheet.sheetName)) writeDataSheet(workbook, dataSheet);
    return insert();
  });
}
