// Turns one host cell value into a number following the spec's rule 4 (numeric text, percent, dates).
import { ECHO_LIMIT, shorten } from '../errors';

/** Excel's serial number of 1970-01-01 (day 0 of Unix time). */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

// A plain number, optionally signed (also with the typographic minus) and followed by a percent
// sign, which Finnish and other locales write after a space ("25 %").
const NUMERIC_TEXT = /^[+\-\u2212]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:\s*%)?$/;

/** Blank cell: empty, missing or empty text. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * True for a Date from any realm (Apps Script hands over Dates made in its own context,
 * so `instanceof Date` is not enough).
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The spreadsheet serial number of a Date, read in the runtime's own time zone (the script's
 * time zone in Apps Script). The calendar day is taken from the local fields and counted in
 * UTC, so the number of whole days between two dates never drifts across daylight saving.
 */
export function dateToSerial(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) return Number.NaN;
  const localAsUtc = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return localAsUtc / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** A number from plain numeric text (" 1200 ", "25%" → 0.25), or NaN. */
export function parseNumericText(text: string): number {
  const trimmed = text.trim();
  if (!NUMERIC_TEXT.test(trimmed)) return Number.NaN;
  const number = trimmed.replace('\u2212', '-');
  return number.endsWith('%') ? Number(number.slice(0, -1).trimEnd()) / 100 : Number(number);
}

/**
 * The number a non-blank cell stands for, or NaN when it is not a number: other text,
 * booleans (unless `acceptBoolean`), objects and nested arrays. A Date is read by `dateSerial`,
 * the host's reading where it knows the spreadsheet's time zone.
 */
export function toNumber(
  value: unknown,
  acceptBoolean = false,
  dateSerial: (date: Date) => number = dateToSerial,
): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumericText(value);
  if (typeof value === 'boolean') return acceptBoolean ? (value ? 1 : 0) : Number.NaN;
  if (isDate(value)) return dateSerial(value);
  return Number.NaN;
}

/**
 * Text in quotes as JSON writes it, at most ECHO_LIMIT characters inside the quotes (escapes
 * included) and "…" when cut, reading only as much of a long text as it shows.
 */
function quote(text: string): string {
  let shown = '';
  for (const char of text) {
    const escaped = JSON.stringify(char).slice(1, -1);
    if (shown.length + escaped.length > ECHO_LIMIT) return `"${shown}…"`;
    shown += escaped;
  }
  return `"${shown}"`;
}

/** How a rejected value is quoted in a message: text in quotes, the rest as written, all short. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return shorten(Object.is(value, -0) ? '0' : String(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  if (Array.isArray(value)) return 'a nested range';
  if (value === null) return 'blank';
  return typeof value;
}
