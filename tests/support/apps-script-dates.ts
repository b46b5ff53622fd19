// Dates as Google Sheets hands them to custom functions, and fakes of the two services that read a spreadsheet's time zone.

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of spreadsheet serial numbers, as milliseconds of Unix time. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter giving the wall-clock fields of an instant in `zone` (throws for an unknown zone). */
function fieldsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock of `zone` at instant `time`, as the milliseconds of that clock reading in UTC. */
function wallClock(zone: string, time: number): number {
  const parts: Record<string, number> = {};
  for (const part of fieldsFormatter(zone).formatToParts(time))
    parts[part.type] = Number(part.value);
  const { year, month, day, hour, minute, second } = parts as Record<string, number>;
  return Date.UTC(year!, month! - 1, day!, hour, minute, second) + (((time % 1000) + 1000) % 1000);
}

/** How far the wall clock of `zone` is ahead of UTC at instant `time`, in milliseconds. */
export function zoneOffsetMs(zone: string, time: number): number {
  return wallClock(zone, time) - time;
}

/**
 * The instant Sheets passes for serial number `serial` in a spreadsheet set to `zone`: that
 * wall-clock time in that zone, made with `DateOf` (the script realm's Date constructor).
 */
export function spreadsheetDate(
  zone: string,
  serial: number,
  DateOf: DateConstructor = Date,
): Date {
  const wall = SERIAL_EPOCH_MS + Math.round(serial * MS_PER_DAY);
  // The offset at the wall-clock reading taken as UTC is at most one transition off; one more
  // step settles it.
  let time = wall - zoneOffsetMs(zone, wall);
  time = wall - zoneOffsetMs(zone, time);
  return new DateOf(time);
}

/** Java-style patterns the fake formatDate understands: the ones the add-on uses. */
const PATTERN_FIELDS: Record<string, (wall: Date) => string> = {
  "yyyy-MM-dd'T'HH:mm:ss": (wall) => wall.toISOString().slice(0, 19),
};

/**
 * Fakes of `SpreadsheetApp.getActive().getSpreadsheetTimeZone()` and `Utilities.formatDate`
 * for a spreadsheet set to `zone`; `calls` counts the service calls made.
 */
export function appsScriptDateServices(zone: string): {
  SpreadsheetApp: { getActive: () => { getSpreadsheetTimeZone: () => string } };
  Utilities: { formatDate: (date: Date, timeZone: string, pattern: string) => string };
  calls: { timeZone: number; formatDate: number };
} {
  const calls = { timeZone: 0, formatDate: 0 };
  return {
    SpreadsheetApp: {
      getActive: () => ({
        getSpreadsheetTimeZone: () => {
          calls.timeZone++;
          return zone;
        },
      }),
    },
    Utilities: {
      formatDate: (date, timeZone, pattern) => {
        calls.formatDate++;
        const format = PATTERN_FIELDS[pattern];
        if (!format) throw new Error(`fake Utilities.formatDate: pattern ${pattern} not supported`);
        return format(new Date(wallClock(timeZone, date.getTime())));
      },
    },
    calls,
  };
}
