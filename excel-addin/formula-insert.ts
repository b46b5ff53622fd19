/// <reference types="office-js" />
// Writes a reference formula into Excel's selection: one Excel.run that reads the target cell, checks it, then writes.
import { cellRef, rangeRef } from '../core/templates/a1';
import { mayWrite, type FormulaOutcome, type FormulaRequest } from '../core/ui/host';

/** A cell's `formulas` entry as text: the formula, or the constant as Excel holds it. */
function contentText(entry: unknown): string {
  if (typeof entry === 'boolean') return entry ? 'TRUE' : 'FALSE';
  return entry === null || entry === undefined ? '' : String(entry);
}

/**
 * Puts `request.formula` (and `request.numberFormat`) into the selected cell, or the top-left
 * cell of a selected block, where `mayWrite` allows. The check and the write happen in one
 * Excel.run, two round trips, so what is written is what was checked. Several separate blocks
 * selected (or a chart), which Excel reports as InvalidSelection, give "noCell".
 */
export async function insertFormulaIntoExcel(request: FormulaRequest): Promise<FormulaOutcome> {
  try {
    return await Excel.run(async (context) => {
      const selection = context.workbook.getSelectedRange();
      selection.load('rowCount, columnCount');
      const cell = selection.getCell(0, 0);
      cell.load('rowIndex, columnIndex, formulas');
      cell.worksheet.load('name');
      await context.sync();
      const row = cell.rowIndex;
      const col = cell.columnIndex;
      const lastRow = row + selection.rowCount - 1;
      const lastCol = col + selection.columnCount - 1;
      const found = {
        sheet: cell.worksheet.name,
        address: cellRef(row, col),
        content: contentText(cell.formulas[0]?.[0]),
        ...(lastRow > row || lastCol > col
          ? { selection: rangeRef(row, col, lastRow, lastCol) }
          : {}),
      };
      if (!mayWrite(found, request.expected)) return { status: 'refused', cell: found };
      cell.formulas = [[request.formula]];
      if (request.numberFormat !== undefined) cell.numberFormat = [[request.numberFormat]];
      await context.sync();
      return { status: 'written', cell: found };
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'InvalidSelection')
      return { status: 'noCell' };
    throw error;
  }
}
