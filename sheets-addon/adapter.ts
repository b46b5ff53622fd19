// Sheets adapter: calls a registry function with Sheets' arguments, returns what Sheets expects.
import { callFunction, isKpiError, type HostConventions, type KpiError } from '../core/index';
import { spreadsheetDateReader } from './dates';

/** A custom function's result as Sheets takes it. */
export type SheetsResult = number | string | (number | string)[][];

/** Sheets cannot spill error values: an error inside a range result is its code text. */
const cellError = (error: KpiError) => error.code;

/**
 * Evaluates registry function `name` on the arguments Sheets passed (ranges as 2-D arrays,
 * blanks as "", dates as Date objects, read in the spreadsheet's time zone). An error for a
 * single value is thrown as "#CODE reason" so the cell shows the reason on hover; inside a
 * spilled result an error becomes its code text as the core builds the rows, so the core's
 * matrix is returned as it is.
 */
export function customFunction(name: string, args: ArrayLike<unknown>): SheetsResult {
  const conventions: HostConventions<string> = { cellError, dateSerial: spreadsheetDateReader() };
  const result = callFunction(name, Array.from(args), conventions);
  if (Array.isArray(result)) return result;
  if (isKpiError(result)) throw new Error(result.toString());
  return result;
}
