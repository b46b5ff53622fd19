// Tests of the "People, vendors and status" functions against values worked out by hand from the spec.
import { describe, expect, it } from 'vitest';
import { nativeFormula } from '../../../core/formulas/natives';
import { FUNCTIONS, callFunction } from '../../../core/registry/index';
import { expectError } from '../../support/expect-error';

const people = FUNCTIONS.filter((spec) => spec.category === 'People, vendors and status');

const ON = 'On track';
const RISK = 'At risk';
const OFF = 'Off track';

describe('TURNOVER_RATE', () => {
  it('is departures / average headcount', () => {
    expect(callFunction('TURNOVER_RATE', [3, 20])).toBeCloseTo(0.15, 12);
    expect(callFunction('TURNOVER_RATE', [0, 25])).toBe(0);
  });

  it('may exceed 100%', () => {
    expect(callFunction('TURNOVER_RATE', [15, 10])).toBeCloseTo(1.5, 12);
  });

  it('gives #DIV/0! for zero headcount', () => {
    expectError(callFunction('TURNOVER_RATE', [1, 0]), '#DIV/0!', 'TURNOVER_RATE', 'avg_headcount');
  });

  it('rejects negatives, text and booleans', () => {
    expectError(callFunction('TURNOVER_RATE', [-1, 10]), '#VALUE!', 'TURNOVER_RATE', 'departures');
    expectError(
      callFunction('TURNOVER_RATE', [1, -10]),
      '#VALUE!',
      'TURNOVER_RATE',
      'avg_headcount',
    );
    expectError(
      callFunction('TURNOVER_RATE', ['few', 10]),
      '#VALUE!',
      'TURNOVER_RATE',
      'departures',
    );
    expectError(
      callFunction('TURNOVER_RATE', [1, true]),
      '#VALUE!',
      'TURNOVER_RATE',
      'avg_headcount',
    );
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('TURNOVER_RATE', [null, 10])).toBe('');
    expect(callFunction('TURNOVER_RATE', [1, ''])).toBe('');
  });

  it('computes per quarter over a row', () => {
    expect(callFunction('TURNOVER_RATE', [[[1, 2, 0]], [[10, 8, 12]]])).toEqual([[0.1, 0.25, 0]]);
  });
});

describe('INCENTIVE_PAY', () => {
  it('weights individual attainment 70% by default', () => {
    // 10,000 × (0.7 × 1.2 + 0.3 × 0.9) = 10,000 × (0.84 + 0.27) = 11,100.
    expect(callFunction('INCENTIVE_PAY', [10_000, 1.2, 0.9])).toBeCloseTo(11_100, 9);
  });

  it('takes the default weight when individual_weight is blank', () => {
    expect(callFunction('INCENTIVE_PAY', [10_000, 1.2, 0.9, null])).toBeCloseTo(11_100, 9);
    expect(callFunction('INCENTIVE_PAY', [10_000, 1.2, 0.9, ''])).toBeCloseTo(11_100, 9);
  });

  it('uses a given weight, including the extremes 0 and 1', () => {
    // 8,000 × (0.5 × 1 + 0.5 × 0.5) = 6,000.
    expect(callFunction('INCENTIVE_PAY', [8_000, 1, 0.5, 0.5])).toBeCloseTo(6_000, 9);
    expect(callFunction('INCENTIVE_PAY', [8_000, 1, 0.5, '50%'])).toBeCloseTo(6_000, 9);
    expect(callFunction('INCENTIVE_PAY', [8_000, 1, 0.5, 1])).toBeCloseTo(8_000, 9);
    expect(callFunction('INCENTIVE_PAY', [8_000, 1, 0.5, 0])).toBeCloseTo(4_000, 9);
  });

  it('accepts attainments above 100% and zero', () => {
    // 5,000 × (0.7 × 0 + 0.3 × 2) = 3,000.
    expect(callFunction('INCENTIVE_PAY', [5_000, 0, 2])).toBeCloseTo(3_000, 9);
  });

  it('rejects a weight above 1 with a hint to enter it as a percentage', () => {
    expectError(
      callFunction('INCENTIVE_PAY', [10_000, 1.2, 0.9, 70]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'individual_weight',
      '70%',
      '0.7',
    );
  });

  it('rejects negative attainments, pay and weight', () => {
    expectError(
      callFunction('INCENTIVE_PAY', [10_000, -0.1, 0.9]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'individual_attainment',
    );
    expectError(
      callFunction('INCENTIVE_PAY', [10_000, 1, -0.9]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'team_attainment',
    );
    expectError(
      callFunction('INCENTIVE_PAY', [-1, 1, 1]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'target_pay',
    );
    expectError(
      callFunction('INCENTIVE_PAY', [1, 1, 1, -0.5]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'individual_weight',
    );
  });

  it('rejects text and booleans', () => {
    expectError(
      callFunction('INCENTIVE_PAY', ['lots', 1, 1]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'target_pay',
    );
    expectError(
      callFunction('INCENTIVE_PAY', [1, 1, 1, true]),
      '#VALUE!',
      'INCENTIVE_PAY',
      'individual_weight',
    );
  });

  it('gives "" while a required input is blank', () => {
    expect(callFunction('INCENTIVE_PAY', [10_000, null, 0.9])).toBe('');
    expect(callFunction('INCENTIVE_PAY', [10_000, 1.2, '', 0.5])).toBe('');
  });

  it('computes one pay per rep over a column', () => {
    const result = callFunction('INCENTIVE_PAY', [1_000, [[1], [0.5]], 1, 0.5]) as unknown[][];
    // 1,000 × (0.5 × 1 + 0.5) = 1,000; 1,000 × (0.5 × 0.5 + 0.5) = 750.
    expect(result).toHaveLength(2);
    expect(result[0]![0]).toBeCloseTo(1_000, 9);
    expect(result[1]![0]).toBeCloseTo(750, 9);
  });
});

describe('VENDOR_SCORE', () => {
  it('is Σ score × weight / Σ weight', () => {
    // (4 × 0.5 + 3 × 0.3 + 5 × 0.2) / 1 = 2 + 0.9 + 1 = 3.9.
    expect(
      callFunction('VENDOR_SCORE', [
        [[4], [3], [5]],
        [[0.5], [0.3], [0.2]],
      ]),
    ).toBeCloseTo(3.9, 12);
    // Weights need not sum to 1: (2 × 0.1 + 4 × 0.3) / 0.4 = 1.4 / 0.4 = 3.5.
    expect(callFunction('VENDOR_SCORE', [[[2, 4]], [[0.1, 0.3]]])).toBeCloseTo(3.5, 12);
  });

  it('skips pairs where either the score or the weight is blank', () => {
    // Only rows 1 and 4 are complete: (1 × 0.1 + 4 × 0.6) / 0.7 = 2.5 / 0.7.
    const result = callFunction('VENDOR_SCORE', [
      [[1], [2], [null], [4]],
      [[0.1], [''], [0.3], [0.6]],
    ]);
    expect(result).toBeCloseTo(2.5 / 0.7, 12);
  });

  it('works on a 2-D range and returns one value', () => {
    // (5 × 0.2 + 1 × 0.2 + 3 × 0.4 + 3 × 0.2) / 1 = 1 + 0.2 + 1.2 + 0.6 = 3.
    const result = callFunction('VENDOR_SCORE', [
      [
        [5, 1],
        [3, 3],
      ],
      [
        [0.2, 0.2],
        [0.4, 0.2],
      ],
    ]);
    expect(result).toBeCloseTo(3, 12);
  });

  it('gives #DIV/0! when the weights sum to zero or no pair is complete', () => {
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [3]],
        [[0], [0]],
      ]),
      '#DIV/0!',
      'VENDOR_SCORE',
      'weights',
    );
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [null]],
        [[null], [0.5]],
      ]),
      '#DIV/0!',
      'VENDOR_SCORE',
      'weights',
    );
  });

  it('rejects negative scores and weights', () => {
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [-3]],
        [[0.5], [0.5]],
      ]),
      '#VALUE!',
      'VENDOR_SCORE',
      'scores',
      '-3',
    );
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [3]],
        [[0.5], [-0.5]],
      ]),
      '#VALUE!',
      'VENDOR_SCORE',
      'weights',
    );
  });

  it('takes weights on any scale, since the total weight divides them out', () => {
    // 1–5 importance: (4 × 1 + 5 × 5) / (1 + 5) = 29 / 6 ≈ 4.8333.
    expect(
      callFunction('VENDOR_SCORE', [
        [[4], [5]],
        [[1], [5]],
      ]),
    ).toBeCloseTo(29 / 6, 12);
    // The 50/30/20 split of the first test as whole percentages, as 5:3:2 and as typed percent
    // text: (4 × 50 + 3 × 30 + 5 × 20) / 100 = 390 / 100 = 3.9 every time.
    for (const weights of [
      [[50], [30], [20]],
      [[5], [3], [2]],
      [['50%'], ['30%'], ['20%']],
    ])
      expect(callFunction('VENDOR_SCORE', [[[4], [3], [5]], weights])).toBeCloseTo(3.9, 12);
  });

  it('rejects a negative weight, with no hint to enter it as a percentage', () => {
    const error = expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [3]],
        [[5], [-2]],
      ]),
      '#VALUE!',
    );
    expect(error.message).toBe('VENDOR_SCORE: weights (-2) cannot be negative');
  });

  it('rejects text and booleans in the data sets', () => {
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], ['good']],
        [[0.5], [0.5]],
      ]),
      '#VALUE!',
      'VENDOR_SCORE',
      'scores',
    );
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [3]],
        [[0.5], [true]],
      ]),
      '#VALUE!',
      'VENDOR_SCORE',
      'weights',
    );
  });

  it('gives #VALUE! when the ranges differ in size', () => {
    expectError(
      callFunction('VENDOR_SCORE', [
        [[4], [3], [5]],
        [[0.5], [0.5]],
      ]),
      '#VALUE!',
      'VENDOR_SCORE',
      'scores',
      'weights',
    );
  });
});

describe('KPI_STATUS', () => {
  it('is On track when the target is met, higher being better by default', () => {
    expect(callFunction('KPI_STATUS', [200, 200])).toBe(ON);
    expect(callFunction('KPI_STATUS', [250, 200])).toBe(ON);
  });

  it('is At risk exactly at target × (1 − tolerance) and Off track just below', () => {
    // 200 × (1 − 0.25) = 150.
    expect(callFunction('KPI_STATUS', [150, 200, true, 0.25])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [199, 200, true, 0.25])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [149.99, 200, true, 0.25])).toBe(OFF);
  });

  it('keeps values typed exactly at a boundary on it, although the boundary product is inexact', () => {
    // 5% × 0.9 is 0.045000000000000005 and 12 × 1.15 is 13.799999999999999 in binary.
    expect(callFunction('KPI_STATUS', [0.045, 0.05])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [callFunction('LEAD_CONVERSION', [45, 1000]), 0.05])).toBe(
      RISK,
    );
    expect(callFunction('KPI_STATUS', [13.8, 12, false, 0.15])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [0.3, 0.1 + 0.2])).toBe(ON);
    expect(callFunction('KPI_STATUS', [0.0449, 0.05])).toBe(OFF);
  });

  it('uses a 10% tolerance by default, also when tolerance is blank', () => {
    // 200 × 0.9 = 180.
    expect(callFunction('KPI_STATUS', [180, 200])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [179, 200])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [180, 200, true, null])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [179, 200, true, ''])).toBe(OFF);
  });

  it('mirrors the bands when lower is better', () => {
    // 200 × (1 + 0.25) = 250.
    expect(callFunction('KPI_STATUS', [200, 200, false, 0.25])).toBe(ON);
    expect(callFunction('KPI_STATUS', [120, 200, false, 0.25])).toBe(ON);
    expect(callFunction('KPI_STATUS', [250, 200, false, 0.25])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [250.01, 200, false, 0.25])).toBe(OFF);
    // A 45-day cycle against 30 days (limit 33 at 10%) is off track.
    expect(callFunction('KPI_STATUS', [45, 30, false])).toBe(OFF);
  });

  it('reads 0 and 1 as FALSE and TRUE, and a blank flag as TRUE', () => {
    expect(callFunction('KPI_STATUS', [120, 200, 0, 0.25])).toBe(ON);
    expect(callFunction('KPI_STATUS', [120, 200, 1, 0.25])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [120, 200, null, 0.25])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [120, 200, '', 0.25])).toBe(OFF);
  });

  it('has no At risk band at tolerance 0', () => {
    expect(callFunction('KPI_STATUS', [200, 200, true, 0])).toBe(ON);
    expect(callFunction('KPI_STATUS', [199.99, 200, true, 0])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [200.01, 200, false, 0])).toBe(OFF);
  });

  it('stretches At risk down to 0 (or up to twice the target) at tolerance 1', () => {
    expect(callFunction('KPI_STATUS', [0, 200, true, 1])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [-1, 200, true, 1])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [400, 200, false, 1])).toBe(RISK);
    expect(callFunction('KPI_STATUS', [401, 200, false, 1])).toBe(OFF);
  });

  it('accepts a negative actual and a zero target', () => {
    expect(callFunction('KPI_STATUS', [-5, 0])).toBe(OFF);
    expect(callFunction('KPI_STATUS', [0, 0])).toBe(ON);
    expect(callFunction('KPI_STATUS', [-5, 0, false])).toBe(ON);
  });

  it('rejects a negative target', () => {
    expectError(callFunction('KPI_STATUS', [5, -1]), '#VALUE!', 'KPI_STATUS', 'target');
  });

  it('rejects a tolerance outside 0…1, with the percentage hint above 1', () => {
    expectError(
      callFunction('KPI_STATUS', [5, 10, true, 10]),
      '#VALUE!',
      'KPI_STATUS',
      'tolerance',
      '10%',
      '0.1',
    );
    expectError(
      callFunction('KPI_STATUS', [5, 10, true, -0.1]),
      '#VALUE!',
      'KPI_STATUS',
      'tolerance',
    );
  });

  it('accepts booleans only for higher_is_better', () => {
    expectError(callFunction('KPI_STATUS', [true, 10]), '#VALUE!', 'KPI_STATUS', 'actual');
    expectError(
      callFunction('KPI_STATUS', [5, 10, true, false]),
      '#VALUE!',
      'KPI_STATUS',
      'tolerance',
    );
    expectError(
      callFunction('KPI_STATUS', [5, 10, 'yes']),
      '#VALUE!',
      'KPI_STATUS',
      'higher_is_better',
    );
    expectError(callFunction('KPI_STATUS', ['good', 10]), '#VALUE!', 'KPI_STATUS', 'actual');
  });

  it('gives "" while actual or target is blank', () => {
    expect(callFunction('KPI_STATUS', [null, 10])).toBe('');
    expect(callFunction('KPI_STATUS', [5, ''])).toBe('');
  });

  it('gives one status per row of a scorecard, with a flag per row', () => {
    const result = callFunction('KPI_STATUS', [
      [[0.3], [0.2], [40]],
      [[0.25], [0.25], [30]],
      [[true], [true], [false]],
    ]);
    expect(result).toEqual([[ON], [OFF], [OFF]]);
  });
});

describe('native formulas', () => {
  const kpiStatus = people.find((spec) => spec.name === 'KPI_STATUS')!;

  it('writes KPI_STATUS with its defaults folded in when the optional references are omitted', () => {
    const formula = nativeFormula(kpiStatus.name, ['A1', 'B1']);
    expect(formula.startsWith('IF((A1="")+(B1="")>0,"",')).toBe(true);
    expect(formula).toContain('"On track"');
    expect(formula).toContain('"At risk"');
    expect(formula).toContain('"Off track"');
    // Higher is better by default, with a 10% tolerance: the boundary is 90% of the target.
    expect(formula).toContain('VALUE(A1)>=VALUE(B1)*0.9');
    expect(formula).not.toContain('<=');
  });

  it('reads a blank optional cell as its default in KPI_STATUS and INCENTIVE_PAY', () => {
    expect(nativeFormula(kpiStatus.name, ['A1', 'B1', 'C1', 'D1'])).toContain('IF(D1="",0.1,D1)');
    const incentive = people.find((spec) => spec.name === 'INCENTIVE_PAY')!;
    expect(nativeFormula(incentive.name, ['A1', 'B1', 'C1', 'D1'])).toContain('IF(D1="",0.7,D1)');
    expect(nativeFormula(incentive.name, ['A1', 'B1', 'C1'])).not.toContain('D1');
  });

  it('writes VENDOR_SCORE over whole ranges', () => {
    const formula = nativeFormula('VENDOR_SCORE', ['B2:B7', 'C2:C7']);
    expect(formula).toContain('SUMPRODUCT(B2:B7*1,C2:C7*1)');
  });
});
