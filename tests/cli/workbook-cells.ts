// Reads an .xlsx file's cells back with ExcelJS: formulas, cached results and literal values by address.
import ExcelJS from 'exceljs';

/** A cell's stored value: a number, text, boolean, an error code ("#DIV/0!"), or "" for none. */
export type StoredValue = number | string | boolean | { error: string };

export interface StoredCell {
  address: string;
  /** The formula without "=", for formula cells. */
  formula?: string;
  /** The cached result of a formula cell, or the literal value of any other cell. */
  value: StoredValue;
  /** The cell's data type in the file as ExcelJS reports it (ValueType). */
  type: number;
}

/** Dates come back from ExcelJS as Date objects (UTC); the file holds Excel serial numbers. */
function serialOf(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function stored(value: unknown): StoredValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return serialOf(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (typeof value === 'object' && 'error' in value) return { error: String(value.error) };
  if (typeof value === 'object' && 'richText' in value && Array.isArray(value.richText))
    return value.richText.map((run: { text: string }) => run.text).join('');
  throw new Error(`Unexpected cell value ${JSON.stringify(value)}`);
}

/**
 * Every non-empty cell of the workbook's sheet `sheetName` (by default its first sheet), keyed
 * by address, and the sheet itself.
 */
export async function readCells(
  file: string,
  sheetName?: string,
): Promise<{ cells: Map<string, StoredCell>; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`${file} has no sheet ${sheetName ?? ''}`);
  const cells = new Map<string, StoredCell>();
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value;
      if (value !== null && typeof value === 'object' && 'formula' in value && value.formula) {
        cells.set(cell.address, {
          address: cell.address,
          formula: value.formula,
          value: stored(value.result),
          type: cell.type,
        });
      } else if (value !== null && value !== undefined && cell.type !== ExcelJS.ValueType.Merge) {
        cells.set(cell.address, { address: cell.address, value: stored(value), type: cell.type });
      }
    }),
  );
  return { cells, sheet };
}

/** True when two numbers agree to 1e-9 relative (absolute near zero). */
export function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether two stored values agree: numbers within 1e-9 relative, anything else exactly. */
export function sameValue(a: StoredValue, b: StoredValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return closeEnough(a, b);
  return JSON.stringify(a) === JSON.stringify(b);
}
