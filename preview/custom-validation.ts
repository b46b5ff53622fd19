// A custom validation formula as it applies to one cell of its range: references moved from the top-left cell.
import { cellRef, parseCell, parseRange } from '../core/templates/a1';

/**
 * The rule's formula for the cell at (row, col) of `range`: every relative reference moved by
 * the cell's distance from the range's top-left cell, as Excel and Sheets read it. The plan's
 * custom formulas hold plain references ("B5") and no text but "".
 */
export function formulaForCell(formula: string, range: string, row: number, col: number): string {
  const { row1, col1 } = parseRange(range);
  return formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (ref: string) => {
    const at = parseCell(ref);
    return cellRef(at.row + row - row1, at.col + col - col1);
  });
}
