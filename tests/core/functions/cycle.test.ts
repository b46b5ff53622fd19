// Tests of the cycle and activity functions against hand-computed values from the spec.
import { describe, expect, it } from 'vitest';
import { callFunction } from '../../../core/registry/index';
import { expectError } from '../../support/expect-error';

describe('SALES_CYCLE_LENGTH', () => {
  it('divides total days by deals closed', () => {
    expect(callFunction('SALES_CYCLE_LENGTH', [900, 20])).toBe(45);
    expect(callFunction('SALES_CYCLE_LENGTH', [100, 8])).toBe(12.5);
    expect(callFunction('SALES_CYCLE_LENGTH', ['300', ' 4 '])).toBe(75);
  });

  it('returns "" while an input is blank', () => {
    expect(callFunction('SALES_CYCLE_LENGTH', [null, 5])).toBe('');
    expect(callFunction('SALES_CYCLE_LENGTH', [300, ''])).toBe('');
    expect(callFunction('SALES_CYCLE_LENGTH', [undefined, undefined])).toBe('');
  });

  it('rejects text, booleans and negatives with #VALUE! naming the parameter', () => {
    expectError(callFunction('SALES_CYCLE_LENGTH', ['ninety', 4]), '#VALUE!', 'total_days');
    expectError(callFunction('SALES_CYCLE_LENGTH', [300, true]), '#VALUE!', 'deals_closed');
    expectError(callFunction('SALES_CYCLE_LENGTH', [-30, 4]), '#VALUE!', 'total_days', 'negative');
    expectError(callFunction('SALES_CYCLE_LENGTH', [30, -4]), '#VALUE!', 'deals_closed');
  });

  it('gives #DIV/0! when no deals closed, also for zero days', () => {
    expectError(callFunction('SALES_CYCLE_LENGTH', [300, 0]), '#DIV/0!', 'deals_closed');
    expectError(callFunction('SALES_CYCLE_LENGTH', [0, 0]), '#DIV/0!', 'deals_closed');
  });

  it('lets total days exceed deals (no part-of-whole rule)', () => {
    expect(callFunction('SALES_CYCLE_LENGTH', [10, 1])).toBe(10);
    expect(callFunction('SALES_CYCLE_LENGTH', [1, 4])).toBe(0.25);
  });

  it('spills one result per cell of same-shape ranges', () => {
    const result = callFunction('SALES_CYCLE_LENGTH', [
      [
        [300, 90],
        [null, 50],
      ],
      [
        [4, 3],
        [2, 0],
      ],
    ]);
    expect(Array.isArray(result)).toBe(true);
    const rows = result as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([75, 30]);
    expect(rows[1]![0]).toBe('');
    expectError(rows[1]![1], '#DIV/0!', 'deals_closed');
  });

  it('broadcasts a single value against a range', () => {
    expect(callFunction('SALES_CYCLE_LENGTH', [[[100], [200]], 4])).toEqual([[25], [50]]);
  });

  it('rejects ranges of different shapes', () => {
    expectError(callFunction('SALES_CYCLE_LENGTH', [[[1, 2]], [[1], [2]]]), '#VALUE!');
  });
});

describe('AVG_SALES_CYCLE', () => {
  it('averages close minus open over complete pairs', () => {
    // 10, 20 and 45 days: 75 / 3 = 25
    expect(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [45010], [45100]],
        [[45010], [45030], [45145]],
      ]),
    ).toBe(25);
  });

  it('skips rows where either date is blank', () => {
    // only rows 1 (10 days) and 4 (30 days) are complete: 20
    expect(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [null], [45020], [45050]],
        [[45010], [45030], [''], [45080]],
      ]),
    ).toBe(20);
  });

  it('counts a same-day close as 0 days', () => {
    expect(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [45000]],
        [[45000], [45004]],
      ]),
    ).toBe(2);
  });

  it('accepts two-dimensional ranges of the same shape, pairing cell by cell', () => {
    expect(
      callFunction('AVG_SALES_CYCLE', [
        [
          [100, 200],
          [300, 400],
        ],
        [
          [101, 202],
          [303, 404],
        ],
      ]),
    ).toBe(2.5);
  });

  it('counts calendar days between Date objects across the 2026 spring-forward in Helsinki', () => {
    // Europe/Helsinki moves clocks forward on 2026-03-29; the 28th to the 30th is still 2 days.
    expect(
      callFunction('AVG_SALES_CYCLE', [[[new Date(2026, 2, 28)]], [[new Date(2026, 2, 30)]]]),
    ).toBe(2);
    // 1 and 3 days around the change: 2 on average
    expect(
      callFunction('AVG_SALES_CYCLE', [
        [[new Date(2026, 2, 28)], [new Date(2026, 2, 27)]],
        [[new Date(2026, 2, 29)], [new Date(2026, 2, 30)]],
      ]),
    ).toBe(2);
  });

  it('accepts Dates and serial numbers mixed (2026-01-01 is serial 46023)', () => {
    expect(callFunction('AVG_SALES_CYCLE', [[[46023]], [[new Date(2026, 0, 31)]]])).toBe(30);
  });

  it('gives #VALUE! for a close before its open', () => {
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [45010]],
        [[45005], [45009]],
      ]),
      '#VALUE!',
      'AVG_SALES_CYCLE',
      'close_dates',
    );
  });

  it('gives #VALUE! before #DIV/0! when the only pair has its close before its open', () => {
    expectError(callFunction('AVG_SALES_CYCLE', [[[45010]], [[45000]]]), '#VALUE!', 'close_dates');
  });

  it('gives #DIV/0! when no row has both dates', () => {
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [null]],
        [[null], [45010]],
      ]),
      '#DIV/0!',
      'AVG_SALES_CYCLE',
    );
    expectError(callFunction('AVG_SALES_CYCLE', [[[null]], [[null]]]), '#DIV/0!');
  });

  it('rejects text, booleans and negative dates with #VALUE! naming the parameter', () => {
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [['someday'], [45000]],
        [[45010], [45010]],
      ]),
      '#VALUE!',
      'open_dates',
    );
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [45000]],
        [[false], [45010]],
      ]),
      '#VALUE!',
      'close_dates',
    );
    expectError(callFunction('AVG_SALES_CYCLE', [[[-1]], [[45010]]]), '#VALUE!', 'open_dates');
  });

  it('rejects ranges of different sizes', () => {
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [[45000], [45001]],
        [[45010], [45011], [45012]],
      ]),
      '#VALUE!',
      'open_dates',
      'close_dates',
    );
  });
});

describe('ACTIVITIES_PER_OUTCOME', () => {
  it('divides activities by outcomes', () => {
    expect(callFunction('ACTIVITIES_PER_OUTCOME', [150, 10])).toBe(15);
    expect(callFunction('ACTIVITIES_PER_OUTCOME', [7, 2])).toBe(3.5);
    expect(callFunction('ACTIVITIES_PER_OUTCOME', [0, 5])).toBe(0);
  });

  it('returns "" while an input is blank', () => {
    expect(callFunction('ACTIVITIES_PER_OUTCOME', [150, null])).toBe('');
    expect(callFunction('ACTIVITIES_PER_OUTCOME', ['', 10])).toBe('');
  });

  it('rejects text, booleans and negatives with #VALUE! naming the parameter', () => {
    expectError(callFunction('ACTIVITIES_PER_OUTCOME', ['many', 10]), '#VALUE!', 'activities');
    expectError(callFunction('ACTIVITIES_PER_OUTCOME', [150, false]), '#VALUE!', 'outcomes');
    expectError(callFunction('ACTIVITIES_PER_OUTCOME', [150, -3]), '#VALUE!', 'outcomes');
  });

  it('gives #DIV/0! with no outcomes', () => {
    expectError(callFunction('ACTIVITIES_PER_OUTCOME', [150, 0]), '#DIV/0!', 'outcomes');
  });

  it('spills over a row of teams', () => {
    expect(callFunction('ACTIVITIES_PER_OUTCOME', [[[100, 60, 90]], [[4, 6, 9]]])).toEqual([
      [25, 10, 10],
    ]);
  });
});
