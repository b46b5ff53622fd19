// Period labels for time-based templates: month start dates as serial numbers, quarter names.

/** Excel serial number of a calendar date (1900 date system; no time zone involved). */
export function dateSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function parseMonth(startMonth: string): { year: number; month: number } {
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  return { year, month };
}

/** Year and month (1–12) of the `offset`-th month from "YYYY-MM". */
export function monthAt(startMonth: string, offset: number): { year: number; month: number } {
  const { year, month } = parseMonth(startMonth);
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Serial of the first day of the `offset`-th month from "YYYY-MM". */
export function monthSerial(startMonth: string, offset: number, day = 1): number {
  const { year, month } = monthAt(startMonth, offset);
  return dateSerial(year, month, day);
}

/** Year and quarter (1–4) of the `offset`-th quarter from the quarter holding "YYYY-MM". */
export function quarterAt(startMonth: string, offset: number): { year: number; quarter: number } {
  const { year, month } = parseMonth(startMonth);
  const index = year * 4 + Math.floor((month - 1) / 3) + offset;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}
