// Date text → Excel serial day: ISO, US and European forms, day order per column, no time-zone drift.
import { describe, expect, it } from 'vitest';
import { detectDayOrder, parseDate } from '../../../core/import/index';

// Excel serials worked out by hand: 2026-01-01 is 46023 (45658 for 2025-01-01 plus 365 days).
const MARCH_14 = 46023 + 31 + 28 + 13;

describe('parseDate', () => {
  it.each([
    '2026-03-14',
    '2026-3-14',
    '2026-03-14 10:22:01',
    '2026-03-14 10:22',
    '2026-03-14T10:22:01Z',
    '2026-03-14T23:59:59.999+02:00',
    '14.3.2026',
    '14.03.2026 10:22',
  ])('reads %j as 14 March 2026', (text) => {
    expect(parseDate(text, 'dmy')).toBe(MARCH_14);
  });

  it('reads slashed dates in the order given', () => {
    expect(parseDate('03/14/2026', 'mdy')).toBe(MARCH_14);
    expect(parseDate('14/03/2026', 'dmy')).toBe(MARCH_14);
    expect(parseDate('3/14/2026 10:22 PM', 'mdy')).toBe(MARCH_14);
    expect(parseDate('14/03/2026', 'mdy')).toBeNull();
  });

  it('keeps the calendar day across daylight saving (tests run in Europe/Helsinki)', () => {
    // 29 March 2026 is the night clocks go forward in Finland: still exactly one day per date.
    expect(parseDate('2026-03-30T00:30:00Z', 'dmy')! - parseDate('2026-03-29 23:30', 'dmy')!).toBe(
      1,
    );
    expect(parseDate('2026-03-14T23:30:00Z', 'dmy')).toBe(MARCH_14);
  });

  it('refuses days that do not exist and text that is no date', () => {
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '29.2.2026',
      '31/04/2026',
      'soon',
      '2026-03-14 noon',
      '14.3.26',
    ])
      expect(parseDate(text, 'dmy'), text).toBeNull();
    expect(parseDate('29.2.2028', 'dmy')).toBe(46023 + 365 + 365 + 31 + 28);
  });
});

describe('detectDayOrder', () => {
  it('finds month-first and day-first columns from the values that only fit one', () => {
    expect(detectDayOrder(['03/04/2026', '03/14/2026'])).toBe('mdy');
    expect(detectDayOrder(['03/04/2026', '14/03/2026'])).toBe('dmy');
  });

  it('calls a column ambiguous when both orders read every value', () => {
    expect(detectDayOrder(['03/04/2026', '05/06/2026', '12/12/2026'])).toBe('ambiguous');
  });

  it('ignores bad dates and has nothing to say about columns without slashed dates', () => {
    expect(detectDayOrder(['2026-03-14', '14.3.2026'])).toBeNull();
    expect(detectDayOrder(['3/14/2026', '45/45/2026', ''])).toBe('mdy');
  });
});
