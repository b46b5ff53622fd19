// One pass over a file for the sidebar: per column counts, day order and decimal mark, worked by hand.
import { describe, expect, it } from 'vitest';
import {
  MAX_DISTINCT,
  profileFile,
  profiledDayOrder,
  profiledDecimalMark,
  type FileProfile,
} from '../../../core/import/profile';

function profile(text: string): FileProfile {
  const result = profileFile(text, 2);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('profileFile', () => {
  const file = profile(
    [
      'Stage;Amount;Opened;Closed',
      'Won;1 234,50;01/02/2026;13/02/2026',
      ' Won ;99,95;03/04/2026;2026-03-01',
      'Lost;1.000;05/06/2026;',
      'Yhteensä;;;',
    ].join('\n'),
  );

  it('counts trimmed values over every row, keeps two rows and reports the totals row', () => {
    expect([...(file.columns[0]?.values ?? [])]).toEqual([
      ['Won', 2],
      ['Lost', 1],
    ]);
    expect(file.rowCount).toBe(3);
    expect(file.rows.map((row) => row.row)).toEqual([2, 3]);
    expect(file.problems.map((problem) => problem.reason)).toEqual(['totals-row']);
  });

  it('reads the day order as the whole column would: both orders fit Opened, only day first fits Closed', () => {
    // 01/02, 03/04, 05/06 are days in either order; 13/02 has no month 13.
    expect(profiledDayOrder(file.columns[2]!)).toBe('ambiguous');
    expect(file.columns[2]?.example).toBe('01/02/2026');
    expect(profiledDayOrder(file.columns[3]!)).toBe('dmy');
    expect(profiledDayOrder(file.columns[0]!)).toBeNull();
  });

  it('reads the decimal mark from the values that prove one', () => {
    // "1 234,50" and "99,95" prove a comma; "1.000" proves neither (three digits after the mark).
    expect(file.columns[1]).toMatchObject({ commas: 2, dots: 0 });
    expect(profiledDecimalMark([file.columns[1]!])).toBe(',');
  });

  it(`stops counting new values after ${MAX_DISTINCT} per column, still counting the known ones`, () => {
    const lines = ['Name,Stage'];
    for (let i = 0; i < MAX_DISTINCT + 500; i++) lines.push(`Deal ${i},${i % 2 ? 'Won' : 'Lost'}`);
    const big = profile(lines.join('\n'));
    expect(big.columns[0]?.values.size).toBe(MAX_DISTINCT);
    expect(big.columns[0]?.capped).toBe(true);
    expect(big.columns[1]?.values.get('Won')).toBe((MAX_DISTINCT + 500) / 2);
    expect(big.columns[1]?.capped).toBe(false);
  });
});
