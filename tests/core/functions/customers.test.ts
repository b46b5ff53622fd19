// Tests of the customer functions against hand-computed values from the spec.
import { describe, expect, it } from 'vitest';
import { callFunction } from '../../../core/registry/index';
import { expectError } from '../../support/expect-error';

/** Equal within 1e-9 relative, the spec's tolerance (rule 6). */
function expectNear(result: unknown, expected: number): void {
  expect(typeof result).toBe('number');
  expect(Math.abs((result as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

/** The part-over-whole rate functions share their rules; each is checked with its own names. */
describe.each([
  { name: 'CSAT', part: 'satisfied', whole: 'responses' },
  { name: 'CHURN_RATE', part: 'customers_lost', whole: 'customers_start' },
  { name: 'REPEAT_PURCHASE_RATE', part: 'repeat_customers', whole: 'total_customers' },
  { name: 'RENEWAL_RATE', part: 'renewed', whole: 'up_for_renewal' },
])('$name', ({ name, part, whole }) => {
  it('returns part / whole as a fraction', () => {
    expect(callFunction(name, [45, 60])).toBe(0.75);
    expect(callFunction(name, [0, 8])).toBe(0);
    expect(callFunction(name, [8, 8])).toBe(1);
    expect(callFunction(name, ['3', ' 12 '])).toBe(0.25);
  });

  it('returns "" while an input is blank', () => {
    expect(callFunction(name, [null, 10])).toBe('');
    expect(callFunction(name, [5, ''])).toBe('');
    expect(callFunction(name, [undefined, 0])).toBe('');
  });

  it('rejects non-numeric text and booleans with #VALUE! naming the parameter', () => {
    expectError(callFunction(name, ['a few', 10]), '#VALUE!', name, part);
    expectError(callFunction(name, [5, true]), '#VALUE!', name, whole);
  });

  it('rejects negative counts with #VALUE!', () => {
    expectError(callFunction(name, [-1, 10]), '#VALUE!', part, 'negative');
    expectError(callFunction(name, [1, -10]), '#VALUE!', whole, 'negative');
  });

  it('gives #DIV/0! for a zero whole, before the part-exceeds-whole check', () => {
    expectError(callFunction(name, [0, 0]), '#DIV/0!', whole);
    expectError(callFunction(name, [5, 0]), '#DIV/0!', whole);
  });

  it('gives #VALUE! when the part exceeds the whole', () => {
    expectError(callFunction(name, [11, 10]), '#VALUE!', `${part} (11)`, `${whole} (10)`);
  });

  it('spills one result per cell of same-shape ranges', () => {
    const result = callFunction(name, [
      [
        [1, 2],
        [null, 9],
      ],
      [
        [4, 8],
        [5, 0],
      ],
    ]) as unknown[][];
    expect(result).toHaveLength(2);
    expect(result[0]).toEqual([0.25, 0.25]);
    expect(result[1]![0]).toBe('');
    expectError(result[1]![1], '#DIV/0!', whole);
  });
});

describe('NPS', () => {
  it('is the percentage of promoters minus the percentage of detractors', () => {
    // 2 promoters (9, 10), 1 passive (7), 1 detractor (0): (2 − 1) / 4 × 100 = 25
    expect(callFunction('NPS', [[[9], [10], [7], [0]]])).toBe(25);
    // all promoters: 100; all detractors: −100; only passives (7, 8): 0
    expect(callFunction('NPS', [[[9, 10, 9]]])).toBe(100);
    expect(callFunction('NPS', [[[0, 6, 3]]])).toBe(-100);
    expect(callFunction('NPS', [[[7, 8]]])).toBe(0);
  });

  it('treats 6 as a detractor, 7 and 8 as passives and 9 as a promoter', () => {
    // 1 promoter, 1 detractor among 4: 0
    expect(callFunction('NPS', [[[6], [7], [8], [9]]])).toBe(0);
    // 1 promoter (9) among 3, no detractor: 100 / 3
    expectNear(callFunction('NPS', [[[9], [8], [7]]]), 100 / 3);
  });

  it('takes a two-dimensional range as one data set and skips blanks', () => {
    // 10, 9 promoters; 2 detractor; 8 passive; blanks ignored: (2 − 1) / 4 × 100 = 25
    expect(
      callFunction('NPS', [
        [
          [10, null, 9],
          ['', 2, 8],
        ],
      ]),
    ).toBe(25);
  });

  it('accepts numeric text', () => {
    expect(callFunction('NPS', [[['10'], [' 3 ']]])).toBe(0);
  });

  it('accepts a single score', () => {
    expect(callFunction('NPS', [10])).toBe(100);
    expect(callFunction('NPS', [5])).toBe(-100);
  });

  it('gives #DIV/0! when there are no scores', () => {
    expectError(callFunction('NPS', [[[null], [''], [undefined]]]), '#DIV/0!', 'NPS', 'scores');
    expectError(callFunction('NPS', [null]), '#DIV/0!', 'scores');
  });

  it('rejects scores that are not whole numbers from 0 to 10', () => {
    expectError(callFunction('NPS', [[[9], [11]]]), '#VALUE!', 'NPS', 'scores', '11');
    expectError(callFunction('NPS', [[[9], [-1]]]), '#VALUE!', 'scores');
    expectError(callFunction('NPS', [[[9], [8.5]]]), '#VALUE!', 'scores', '8.5');
  });

  it('rejects text and booleans with #VALUE! naming the parameter', () => {
    expectError(callFunction('NPS', [[[9], ['great']]]), '#VALUE!', 'NPS', 'scores');
    expectError(callFunction('NPS', [[[9], [true]]]), '#VALUE!', 'scores');
  });
});

describe('CLV', () => {
  it('stays exact for tiny discount rates, just below the undiscounted value', () => {
    // 500 × 4 × 0.6 = 1,200 a year for 3 years: 3,600 undiscounted; r → 0 tends to it from below.
    for (const rate of [1e-9, 1e-12, 1e-17]) {
      const value = callFunction('CLV', [500, 4, 3, 0.6, rate]) as number;
      expect(value).toBeLessThanOrEqual(3600);
      expect(value).toBeGreaterThan(3600 - 1e-5);
    }
  });

  it('is purchase value × purchases per year × lifespan without margin or discount', () => {
    expect(callFunction('CLV', [250, 2, 5])).toBe(2500);
    expect(callFunction('CLV', [100, 1.5, 4])).toBe(600);
  });

  it('applies the gross margin', () => {
    // 1,000 × 3 × 40% = 1,200 a year; × 2 years = 2,400
    expectNear(callFunction('CLV', [1000, 3, 2, 0.4]), 2400);
    expectNear(callFunction('CLV', [1000, 3, 2, '40%']), 2400);
  });

  it('discounts future years as an annuity', () => {
    // 1,000 a year for 2 years at 25%: 1,000 × (1 − 1.25^−2) / 0.25 = 1,000 × 0.36 / 0.25 = 1,440
    expectNear(callFunction('CLV', [500, 2, 2, 1, 0.25]), 1440);
    // equivalently 1,000 / 1.25 + 1,000 / 1.25² = 800 + 640
    expectNear(callFunction('CLV', [1000, 1, 2, '', '25%']), 800 + 640);
    // margin and discount together: 2,000 × 50% = 1,000 a year, same as above
    expectNear(callFunction('CLV', [2000, 1, 2, 0.5, 0.25]), 1440);
  });

  it('takes the defaults for blank or omitted optional inputs', () => {
    expect(callFunction('CLV', [250, 2, 5, null, null])).toBe(2500);
    expect(callFunction('CLV', [250, 2, 5, '', undefined])).toBe(2500);
    expect(callFunction('CLV', [250, 2, 5, 1, 0])).toBe(2500);
  });

  it('is 0 for a zero lifespan, with or without discounting', () => {
    expect(callFunction('CLV', [250, 2, 0])).toBe(0);
    expect(callFunction('CLV', [250, 2, 0, 1, 0.1])).toBe(0);
  });

  it('returns "" while a required input is blank', () => {
    expect(callFunction('CLV', [null, 2, 5])).toBe('');
    expect(callFunction('CLV', [250, '', 5])).toBe('');
    expect(callFunction('CLV', [250, 2, undefined, 0.5, 0.1])).toBe('');
  });

  it('rejects text and booleans with #VALUE! naming the parameter', () => {
    expectError(callFunction('CLV', ['lots', 2, 5]), '#VALUE!', 'CLV', 'avg_purchase_value');
    expectError(callFunction('CLV', [250, true, 5]), '#VALUE!', 'purchases_per_year');
    expectError(callFunction('CLV', [250, 2, 'five']), '#VALUE!', 'lifespan_years');
    expectError(callFunction('CLV', [250, 2, 5, 'high']), '#VALUE!', 'gross_margin');
    expectError(callFunction('CLV', [250, 2, 5, 1, false]), '#VALUE!', 'discount_rate');
  });

  it('rejects negative money, counts and years', () => {
    expectError(callFunction('CLV', [-250, 2, 5]), '#VALUE!', 'avg_purchase_value', 'negative');
    expectError(callFunction('CLV', [250, -2, 5]), '#VALUE!', 'purchases_per_year');
    expectError(callFunction('CLV', [250, 2, -5]), '#VALUE!', 'lifespan_years');
  });

  it('rejects fractions outside 0…1 and hints at 40% or 0.4', () => {
    expectError(callFunction('CLV', [250, 2, 5, 40]), '#VALUE!', 'gross_margin', '40%', '0.4');
    expectError(callFunction('CLV', [250, 2, 5, 1, 10]), '#VALUE!', 'discount_rate', '10%', '0.1');
    expectError(callFunction('CLV', [250, 2, 5, -0.2]), '#VALUE!', 'gross_margin');
  });

  it('spills over ranges and broadcasts single values', () => {
    expect(callFunction('CLV', [[[100, 200]], 2, [[1, 3]]])).toEqual([[200, 1200]]);
  });
});

describe('RETENTION_RATE', () => {
  it('is (customers_end − new_customers) / customers_start', () => {
    // 120 − 40 = 80 of 100 kept
    expect(callFunction('RETENTION_RATE', [100, 120, 40])).toBe(0.8);
    expect(callFunction('RETENTION_RATE', [50, 50, 0])).toBe(1);
    expect(callFunction('RETENTION_RATE', [50, 10, 10])).toBe(0);
  });

  it('returns "" while an input is blank', () => {
    expect(callFunction('RETENTION_RATE', [null, 120, 40])).toBe('');
    expect(callFunction('RETENTION_RATE', [100, '', 40])).toBe('');
    expect(callFunction('RETENTION_RATE', [100, 120, undefined])).toBe('');
  });

  it('rejects text, booleans and negatives with #VALUE! naming the parameter', () => {
    expectError(callFunction('RETENTION_RATE', ['many', 120, 40]), '#VALUE!', 'customers_start');
    expectError(callFunction('RETENTION_RATE', [100, true, 40]), '#VALUE!', 'customers_end');
    expectError(callFunction('RETENTION_RATE', [100, 120, -4]), '#VALUE!', 'new_customers');
  });

  it('gives #VALUE! when new customers exceed the end count', () => {
    expectError(
      callFunction('RETENTION_RATE', [100, 30, 40]),
      '#VALUE!',
      'RETENTION_RATE',
      'new_customers',
    );
  });

  it('checks the negative numerator before the zero start', () => {
    expectError(callFunction('RETENTION_RATE', [0, 30, 40]), '#VALUE!', 'new_customers');
  });

  it('gives #DIV/0! for zero customers at the start', () => {
    expectError(callFunction('RETENTION_RATE', [0, 40, 40]), '#DIV/0!', 'customers_start');
    // #DIV/0! comes before the part-exceeds-whole check: 50 kept of 0
    expectError(callFunction('RETENTION_RATE', [0, 50, 0]), '#DIV/0!', 'customers_start');
  });

  it('gives #VALUE! when more customers were kept than there were at the start', () => {
    expectError(
      callFunction('RETENTION_RATE', [100, 150, 20]),
      '#VALUE!',
      'customers_start',
      '130',
      '100',
    );
  });

  it('spills one result per cell of same-shape ranges', () => {
    const result = callFunction('RETENTION_RATE', [
      [[100], [200], [0]],
      [[90], [200], [5]],
      [[10], [50], [5]],
    ]) as unknown[][];
    expect(result[0]).toEqual([0.8]);
    expect(result[1]).toEqual([0.75]);
    expectError(result[2]![0], '#DIV/0!', 'customers_start');
  });
});
