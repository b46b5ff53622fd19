// The function reference's data: a function's example formula in a host's spelling, and search matching.
import { functionHelp } from '../i18n/function-help';
import {
  DECIMAL_FORMAT,
  NPS_FORMAT,
  PERCENT_FORMAT,
  daysFormat,
  moneyFormat,
  monthsFormat,
} from '../i18n/number-format';
import type { FunctionSpec, ResultKind } from '../registry/types';
import { textLiteral } from '../templates/formulas';
import type { Lang } from '../templates/options';
import type { CellInput } from '../values';

function scalar(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return textLiteral(value);
  if (value instanceof Date)
    return `DATE(${value.getFullYear()},${value.getMonth() + 1},${value.getDate()})`;
  return String(value);
}

/** An argument as a user types it: a range example becomes an array constant, rows split by ";". */
function argument(value: CellInput | CellInput[][]): string {
  if (!Array.isArray(value)) return scalar(value);
  return `{${value.map((row) => row.map(scalar).join(',')).join(';')}}`;
}

/**
 * The registry's first example of `spec` as a formula, with the host's function prefix:
 * `=KPI.LEAD_CONVERSION(120, 400)` in Excel, `=LEAD_CONVERSION(120, 400)` in Sheets.
 */
export function exampleFormula(spec: FunctionSpec, prefix: string): string {
  const args = spec.examples[0]?.args ?? [];
  return `=${prefix}${spec.name}(${args.map(argument).join(', ')})`;
}

/** Each result kind's number format, as the templates format such results; undefined: none of its own. */
const RESULT_FORMATS: Record<ResultKind, ((lang: Lang, currency: string) => string) | undefined> = {
  rate: () => PERCENT_FORMAT,
  money: moneyFormat,
  moneyPerDay: moneyFormat,
  days: daysFormat,
  months: monthsFormat,
  nps: () => NPS_FORMAT,
  number: () => DECIMAL_FORMAT,
  status: undefined,
};

/**
 * The number format a cell holding `spec`'s result gets, the one the templates give it, with
 * units in `lang` and money in `currency`: a rate shows as a percentage, not as the fraction the
 * function returns. Undefined for status texts, which keep the cell's own format.
 */
export function resultNumberFormat(
  spec: FunctionSpec,
  lang: Lang,
  currency: string,
): string | undefined {
  return RESULT_FORMATS[spec.result]?.(lang, currency);
}

/** A parameter's default as a formula shows it. */
export function defaultText(value: number | boolean): string {
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

/**
 * Whether `spec` matches the search `query`: every word of the query occurs in the name
 * (underscores read as spaces) or the description, in `lang` or in English, ignoring case.
 */
export function matchesQuery(spec: FunctionSpec, query: string, lang: Lang = 'en'): boolean {
  const described = `${functionHelp(spec, lang).description} ${spec.description}`;
  const haystack = `${spec.name} ${spec.name.replace(/_/g, ' ')} ${described}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
