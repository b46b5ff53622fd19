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
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);

/** The serial of a calendar day, or null when no such day exists (31 February). */
export function daySerial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return time / MS_PER_DAY + UNIX_EPOCH_SERIAL;
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

/** The serial day `raw` stands for, slashed dates read in `order`; null when it is no date. */
export function parseDate(raw: string, order: DayOrder): number | null {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) return daySerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(text);
  if (dotted) return daySerial(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const parts = slashed(text);
  if (!parts) return null;
  const [a, b, year] = parts;
  return order === 'dmy' ? daySerial(year, b, a) : daySerial(year, a, b);
}
