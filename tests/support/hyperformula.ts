// Evaluates native (portable) formulas in HyperFormula, the test stand-in for Excel, Sheets and LibreOffice.
import { DetailedCellError, ErrorType, HyperFormula } from 'hyperformula';
import type { CellValue, RawCellContent } from 'hyperformula';

export type { CellValue, RawCellContent };

/** "A", "B", ..., "Z", "AA": the column letters of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Settings that make HyperFormula calculate as Excel, Sheets and LibreOffice do: expressions
 * inside SUMPRODUCT work on whole ranges (array arithmetic), and comparisons treat numbers that
 * differ only by binary rounding as equal (HyperFormula's default "smart rounding").
 */
export const SPREADSHEET_CONFIG = { licenseKey: 'gpl-v3', useArrayArithmetic: true } as const;

/** The values of a sheet built from `rows` (formulas as "=..." strings). */
export function evaluateSheet(rows: RawCellContent[][]): CellValue[][] {
  const hf = HyperFormula.buildFromArray(rows, SPREADSHEET_CONFIG);
  try {
    return hf.getSheetValues(0);
  } finally {
    hf.destroy();
  }
}

export function isDivisionByZero(value: CellValue): boolean {
  return value instanceof DetailedCellError && value.type === ErrorType.DIV_BY_ZERO;
}

/** An empty cell or the empty text, which spreadsheets show alike. */
export function isEmptyValue(value: CellValue): boolean {
  return value === null || value === '';
}

/** A readable form of a HyperFormula value for failure messages. */
export function showCell(value: CellValue | undefined): string {
  if (value instanceof DetailedCellError) return `${value.value} ${value.message}`.trim();
  return JSON.stringify(value);
}
