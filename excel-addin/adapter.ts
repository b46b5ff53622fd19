/// <reference types="custom-functions-runtime" />
// Excel adapter: calls a registry function with Excel's arguments, returns what Excel expects.
import { callFunction, isKpiError } from '../core/index';
import type { KpiError } from '../core/index';

/** One element of a result as Excel takes it. */
export type ExcelCell = number | string | CustomFunctions.Error;

function excelError(error: KpiError): CustomFunctions.Error {
  // Excel keeps a custom message only on #VALUE! (and #N/A); #DIV/0! refuses one.
  return error.code === '#DIV/0!'
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero)
    : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
}

function excelCell(value: unknown): ExcelCell {
  if (isKpiError(value)) return excelError(value);
  // A null inside a spilled result would show as 0, so nothing but numbers and text go back.
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/**
 * The function Excel calls for registry function `name`. Every parameter and the result are
 * declared matrices, so a single value arrives as [[x]] and goes back as [[result]]; an error
 * for a single value is thrown, an error inside a spilled result is that element's value.
 */
export function excelFunction(
  name: string,
  paramCount: number,
): (...args: unknown[]) => ExcelCell[][] {
  return (...args) => {
    // Excel appends an Invocation object after the declared parameters.
    const result = callFunction(name, args.slice(0, paramCount));
    if (!Array.isArray(result)) {
      if (isKpiError(result)) throw excelError(result);
      return [[excelCell(result)]];
    }
    return result.map((row) => row.map(excelCell));
  };
}
