// Sheets adapter: calls a registry function with Sheets' arguments, returns what Sheets expects.
import { callFunction, isKpiError } from '../core/index';

/** A custom function's result as Sheets takes it. */
export type SheetsResult = number | string | (number | string)[][];

/**
 * Evaluates registry function `name` on the arguments Sheets passed (ranges as 2-D arrays,
 * blanks as "", dates as Date objects). An error for a single value is thrown as
 * "#CODE reason" so the cell shows the reason on hover; inside a spilled result an error
 * becomes its code text, because Sheets cannot spill error values.
 */
export function customFunction(name: string, args: ArrayLike<unknown>): SheetsResult {
  const result = callFunction(name, Array.from(args));
  if (!Array.isArray(result)) {
    if (isKpiError(result)) throw new Error(result.toString());
    return result;
  }
  return result.map((row) => row.map((cell) => (isKpiError(cell) ? cell.code : cell)));
}
