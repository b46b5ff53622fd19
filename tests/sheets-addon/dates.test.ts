// The Sheets adapter's reading of date cells: serial numbers on the spreadsheet's clock, whatever the script's zone.
import { afterEach, describe, expect, it } from 'vitest';
import { spreadsheetDateReader } from '../../sheets-addon/dates';
import { appsScriptDateServices, spreadsheetDate } from '../support/apps-script-dates';
import { closeTo } from '../support/results';

const host = globalThis as Record<string, unknown>;

/** A spreadsheet set to `zone`: its two services as globals, and the count of their calls. */
function spreadsheetIn(zone: string): ReturnType<typeof appsScriptDateServices>['calls'] {
  const services = appsScriptDateServices(zone);
  host.SpreadsheetApp = services.SpreadsheetApp;
  host.Utilities = services.Utilities;
  return services.calls;
}

afterEach(() => {
  delete host.SpreadsheetApp;
  delete host.Utilities;
});

/** A calendar day's serial number, counted here from 1899-12-30 (day 0). */
const serialOf = (isoDay: string) => (Date.parse(isoDay) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('spreadsheetDateReader', () => {
  it.each([
    ['America/Los_Angeles', '2026-03-08', 2],
    ['America/Los_Angeles', '2026-11-01', null],
    ['Pacific/Auckland', '2026-04-05', null],
    ['Pacific/Auckland', '2026-09-27', 2],
    ['Pacific/Chatham', '2026-09-27', 3],
  ])(
    'reads every hour of %s on %s, a day its clocks change, as its clock shows it',
    (zone, isoDay, skippedHour) => {
      spreadsheetIn(zone);
      const read = spreadsheetDateReader();
      const day = serialOf(isoDay);
      // Whole hours on the clock; the one the clocks skip (02:00 → 03:00; 02:45 → 03:45 on the
      // Chatham Islands) never shows.
      const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => h !== skippedHour);
      for (const hour of hours) {
        const serial = day + hour / 24;
        const shown = read(spreadsheetDate(zone, serial));
        expect(closeTo(shown, serial), `${hour}:00 read as ${shown}, not ${serial}`).toBe(true);
      }
    },
  );

  it('asks for the zone once, and measures its offset once per day of whole-day dates', () => {
    const calls = spreadsheetIn('Pacific/Auckland');
    const read = spreadsheetDateReader();
    const days = Array.from({ length: 365 }, (_, i) => serialOf('2026-01-01') + i);
    for (const day of [...days, ...days])
      expect(read(spreadsheetDate('Pacific/Auckland', day))).toBe(day);
    expect(calls).toEqual({ timeZone: 1, formatDate: days.length });
  });

  it('reads an invalid Date as NaN without asking for the zone', () => {
    const calls = spreadsheetIn('Pacific/Auckland');
    expect(spreadsheetDateReader()(new Date(Number.NaN))).toBeNaN();
    expect(calls.timeZone).toBe(0);
  });
});
