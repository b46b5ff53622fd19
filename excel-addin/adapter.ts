/// <reference types="custom-functions-runtime" />
// Excel adapter: calls a registry function with Excel's arguments, returns what Excel expects.
import { callFunction, isKpiError } from '../core/index';
import type { HostConventions, KpiError } from '../core/index';

/** One element of a result as Excel takes it. */
export type ExcelCell = number | string | CustomFunctions.Error;

function excelError(error: KpiError): CustomFunctions.Error {
  // Excel keeps a custom message only on #VALUE! (and #N/A); #DIV/0! refuses one.
  return error.code === '#DIV/0!'
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero)
    : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
}

/** Errors inside a spilled result become Excel's error values as the core builds the rows. */
const EXCEL_CONVENTIONS: HostConventions<CustomFunctions.Error> = { cellError: excelError };

/**
 * The function Excel calls for registry function `name`. Every parameter and the result are
 * declared matrices, so a single value arrives as [[x]] and goes back as [[result]]; an error
 * for a single value is thrown, an error inside a spilled result is that element's value.
 * The core returns only numbers, text and errors (a null inside a spilled result would show
 * as 0), so its matrix goes back to Excel as it is.
 */
export function excelFunction(
  name: string,
  paramCount: number,
): (...args: unknown[]) => ExcelCell[][] {
  return (...args) => {
    // Excel appends an Invocation object after the declared parameters.
    const result = callFunction(name, args.slice(0, paramCount), EXCEL_CONVENTIONS);
    if (Array.isArray(result)) return result;
    if (isKpiError(result)) throw excelError(result);
    return [[result]];
  };
}
