// Argument cases for the host adapters, in the core's form, and their translation to each host's conventions.
import vm from 'node:vm';
import type { FunctionSpec } from '../../core/registry/types';
import { spreadsheetDate } from './apps-script-dates';

/** One call of a function, with arguments as the core takes them. */
export interface HostCase {
  label: string;
  args: unknown[];
  /** What the spec says the result is, where the case states it (a worked example). */
  expected?: number | string;
  /** The row of a range case whose required inputs are all blank: its result must be "". */
  blankRow?: number;
}

const isRange = (value: unknown): value is unknown[][] => Array.isArray(value);

/**
 * The cases for one function: each worked example; for "each" functions a column range built
 * from the all-scalar examples plus a blank row and a text row; and, where the function has
 * optional parameters, a call that omits them.
 */
export function hostCases(spec: FunctionSpec): HostCase[] {
  const cases: HostCase[] = spec.examples.map((example, i) => ({
    label: `example ${i + 1}: ${JSON.stringify(example.args)}`,
    args: example.args,
    expected: example.result,
  }));
  const scalarRows = spec.examples
    .map((example) => example.args)
    .filter((args) => !args.some(isRange))
    .map((args) => spec.params.map((_, i) => args[i] ?? null));
  if (spec.mode === 'each' && scalarRows.length > 0) {
    const blank = spec.params.map(() => null);
    const text = spec.params.map((_, i) => (i === 0 ? 'twelve' : scalarRows[0]![i]));
    const rows = [...scalarRows, blank, text];
    cases.push({
      label: `a column of ${rows.length} rows`,
      args: spec.params.map((_, i) => rows.map((row) => [row[i]])),
      blankRow: scalarRows.length,
    });
  }
  const required = spec.params.filter((p) => p.default === undefined).length;
  const full = spec.examples.find((example) => example.args.length === spec.params.length);
  if (required < spec.params.length && full) {
    cases.push({ label: 'optional arguments omitted', args: full.args.slice(0, required) });
  }
  return cases;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Excel's serial number of a date, from its local calendar fields (1899-12-30 is day 0). */
function excelSerial(date: Date): number {
  const utc = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function excelCell(value: unknown): unknown {
  if (isBlank(value)) return null;
  return isDate(value) ? excelSerial(value) : value;
}

/**
 * The arguments as Excel passes them to a function whose parameters are all declared
 * matrices: every argument a 2-D array, blanks and omitted optionals null, dates as serial
 * numbers, and the Invocation object last.
 */
export function excelArgs(spec: FunctionSpec, args: readonly unknown[]): unknown[] {
  const out = spec.params.map((_, i) => {
    if (i >= args.length) return null;
    const arg = args[i];
    return isRange(arg) ? arg.map((row) => row.map(excelCell)) : [[excelCell(arg)]];
  });
  return [...out, { functionName: spec.name }];
}

/**
 * The arguments as Sheets passes them: a single cell as a value, a range as a 2-D array,
 * blanks as "", whole-day values of date parameters as Date objects of the script's realm at
 * midnight in the spreadsheet's time zone `zone`, and omitted optionals left out.
 */
export function sheetsArgs(
  spec: FunctionSpec,
  args: readonly unknown[],
  context: vm.Context,
  zone: string,
): unknown[] {
  const ScriptDate = vm.runInContext('Date', context) as DateConstructor;
  return args.map((arg, i) => {
    const isDateParam = spec.params[i]?.kind === 'date';
    const cell = (value: unknown): unknown => {
      if (isBlank(value)) return '';
      if (isDateParam && typeof value === 'number' && Number.isInteger(value))
        return spreadsheetDate(zone, value, ScriptDate);
      if (isDate(value)) return spreadsheetDate(zone, excelSerial(value), ScriptDate);
      return value;
    };
    return isRange(arg) ? arg.map((row) => row.map(cell)) : cell(arg);
  });
}
