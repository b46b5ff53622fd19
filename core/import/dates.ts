// Date text (ISO, US month-first, European day-first) → Excel serial day, the day-month order decided per column.

export type DayOrder = 'dmy' | 'mdy';

/** Excel's serial number of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

// The time of day and any zone are read past and dropped: the day is the calendar day as written,
// so a deal created "2026-03-14T23:30:00Z" stays on the 14th in every time zone.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** The serial of a calendar day, or null when no such day exists (31 February) or is before 1900. */
export function daySerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The two numbers of a "a/b/yyyy" date, or null for other text. */
function slashed(text: string): [number, number, number] | null {
  const match = SLASHED.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/**
 * The day order of a column's slashed dates: the reading that fits more of them; 'ambiguous'
 * when both fit every one (only the user knows); null when the column has no slashed dates.
 */
export function detectDayOrder(values: readonly string[]): DayOrder | 'ambiguous' | null {
  let slashedCount = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  for (const value of values) {
    if (!value.includes('/')) continue; // ISO and dotted dates have one order only
    const parts = slashed(value);
    if (!parts) continue;
    const [a, b, year] = parts;
    const dmy = daySerial(year, b, a) !== null;
    const mdy = daySerial(year, a, b) !== null;
    if (!dmy && !mdy) continue; // a bad date, reported on its own row
    slashedCount++;
    if (dmy) dayFirst++;
    if (mdy) monthFirst++;
  }
  if (slashedCount === 0) return null;
  if (dayFirst === slashedCount && monthFirst === slashedCount) return 'ambiguous';
  return monthFirst > dayFirst ? 'mdy' : 'dmy';
}

/** A whole number from fixed digit positions, NaN when one of them is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether an ISO date's rest is " 10:22" or "T10:22:01" exactly: most exports' times, checked without a regular expression. */
function isClockTime(text: string): boolean {
  const separator = text.charCodeAt(10);
  if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58) return false;
  if (Number.isNaN(digitsAt(text, 11, 13) + digitsAt(text, 14, 16))) return false;
  if (text.length === 16) return true;
  return text.length === 19 && text.charCodeAt(16) === 58 && !Number.isNaN(digitsAt(text, 17, 19));
}

/**
 * "2026-03-14…", the form CRMs export most, read without a regular expression (100,000 rows in
 * well under a second); undefined when the text is not in that exact form.
 */
function isoWithTwoDigits(text: string): number | null | undefined {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (Number.isNaN(year + month + day)) return undefined;
  if (text.length > 10 && !isClockTime(text) && !TIME_ONLY.test(text.slice(10))) return null;
  return daySerial(year, month, day);
}

/** The serial day `raw` stands for, slashed dates read in `order`; null when it is no date. */
export function parseDate(raw: string, order: DayOrder): number | null {
  const text = raw.trim();
  const fast = isoWithTwoDigits(text);
  if (fast !== undefined) return fast;
  const iso = ISO.exec(text);
  if (iso) return daySerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(text);
  if (dotted) return daySerial(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const parts = slashed(text);
  if (!parts) return null;
  const [a, b, year] = parts;
  return order === 'dmy' ? daySerial(year, b, a) : daySerial(year, a, b);
}
