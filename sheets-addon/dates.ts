/// <reference types="google-apps-script" />
// Reads a date cell as the spreadsheet means it: its serial number in the spreadsheet's time zone, not the script's.

const MS_PER_DAY = 86_400_000;
/** The serial number of 1970-01-01 (day 0 of Unix time). */
const UNIX_EPOCH_SERIAL = 25569;
/** Utilities.formatDate's pattern for a wall-clock reading that Date.parse reads back as UTC. */
const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss";

/** How far the wall clock of `zone` is ahead of UTC at instant `time`, in milliseconds. */
function offsetAt(zone: string, time: number): number {
  const wall = Date.parse(`${Utilities.formatDate(new Date(time), zone, WALL_CLOCK)}Z`);
  // The pattern has whole seconds, so the offset is measured from the instant's whole second.
  return wall - (time - (((time % 1000) + 1000) % 1000));
}

/** The zone's offset on one UTC day, as first measured there. */
interface DayOffset {
  time: number;
  offset: number;
  /** Whether the offset holds all that day (no change of clocks in it); unknown until needed. */
  wholeDay?: boolean;
}

/**
 * A reader of date cells for one custom-function call. Sheets passes a date cell as the instant
 * at which the spreadsheet's clock showed it, so its calendar day must be read in the
 * spreadsheet's time zone: the script's (appsscript.json) is one zone for every user of a
 * published add-on. The zone is asked for at the first date met, once per call; the zone's
 * offset is measured once per UTC day the dates fall on (twice more on a day holding several
 * instants, to be sure its clocks did not change that day).
 */
export function spreadsheetDateReader(): (date: Date) => number {
  let zone: string | undefined;
  const days = new Map<number, DayOffset>();
  const serial = (time: number, offset: number) => (time + offset) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return (date) => {
    const time = date.getTime();
    if (Number.isNaN(time)) return Number.NaN;
    zone ??= SpreadsheetApp.getActive().getSpreadsheetTimeZone();
    const day = Math.floor(time / MS_PER_DAY);
    const known = days.get(day);
    if (known === undefined) {
      const offset = offsetAt(zone, time);
      days.set(day, { time, offset });
      return serial(time, offset);
    }
    if (known.time !== time) {
      // Clocks change at most once a day, so equal offsets at both ends mean no change between.
      known.wholeDay ??=
        offsetAt(zone, day * MS_PER_DAY) === known.offset &&
        offsetAt(zone, (day + 1) * MS_PER_DAY - 1) === known.offset;
      if (!known.wholeDay) return serial(time, offsetAt(zone, time));
    }
    return serial(time, known.offset);
  };
}
