// Tests of the "Growth and goals" functions against values worked out by hand from the spec.
import { describe, expect, it } from 'vitest';
import { nativeFormula } from '../../../core/formulas/natives';
import { isKpiError } from '../../../core/errors';
import { FUNCTIONS, callFunction } from '../../../core/registry/index';
import type { KpiResult } from '../../../core/values';
import { expectError } from '../../support/expect-error';

const growth = FUNCTIONS.filter((spec) => spec.category === 'Growth and goals');

describe('GOAL_ATTAINMENT', () => {
  it('divides actual by goal: $2.35M against $1.75M is 47/35 ≈ 134.29%', () => {
    expect(callFunction('GOAL_ATTAINMENT', [2_350_000, 1_750_000])).toBeCloseTo(1.342857142857, 10);
    expect(callFunction('GOAL_ATTAINMENT', [900, 1200])).toBeCloseTo(0.75, 12);
  });

  it('accepts a negative actual', () => {
    expect(callFunction('GOAL_ATTAINMENT', [-300, 1200])).toBeCloseTo(-0.25, 12);
  });

  it('accepts numeric text', () => {
    expect(callFunction('GOAL_ATTAINMENT', [' 1200 ', '1600'])).toBeCloseTo(0.75, 12);
  });

  it('rejects a negative goal with #VALUE! before the zero check', () => {
    expectError(callFunction('GOAL_ATTAINMENT', [100, -1]), '#VALUE!', 'GOAL_ATTAINMENT', 'goal');
  });

  it('gives #DIV/0! for a zero goal', () => {
    expectError(callFunction('GOAL_ATTAINMENT', [100, 0]), '#DIV/0!', 'GOAL_ATTAINMENT', 'goal');
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('GOAL_ATTAINMENT', [null, 100])).toBe('');
    expect(callFunction('GOAL_ATTAINMENT', [100, ''])).toBe('');
    expect(callFunction('GOAL_ATTAINMENT', [undefined, 0])).toBe('');
  });

  it('rejects text and booleans naming the parameter', () => {
    expectError(
      callFunction('GOAL_ATTAINMENT', ['lots', 100]),
      '#VALUE!',
      'GOAL_ATTAINMENT',
      'actual',
    );
    expectError(callFunction('GOAL_ATTAINMENT', [100, true]), '#VALUE!', 'GOAL_ATTAINMENT', 'goal');
  });

  it('computes element by element over ranges of the same shape', () => {
    const result = callFunction('GOAL_ATTAINMENT', [
      [
        [50, null],
        [150, -20],
      ],
      [
        [100, 100],
        [100, 0],
      ],
    ]) as unknown[][];
    expect(result).toHaveLength(2);
    expect(result[0]).toHaveLength(2);
    expect(result[0]![0]).toBeCloseTo(0.5, 12);
    expect(result[0]![1]).toBe('');
    expect(result[1]![0]).toBeCloseTo(1.5, 12);
    expectError(result[1]![1] as KpiResult, '#DIV/0!', 'GOAL_ATTAINMENT', 'goal');
  });

  it('broadcasts a single goal over a range of actuals', () => {
    expect(callFunction('GOAL_ATTAINMENT', [[[40], [80]], 200])).toEqual([[0.2], [0.4]]);
  });

  it('gives #VALUE! for ranges of different shapes', () => {
    expectError(
      callFunction('GOAL_ATTAINMENT', [[[1, 2]], [[1], [2]]]),
      '#VALUE!',
      'GOAL_ATTAINMENT',
      'actual',
      'goal',
    );
  });
});

describe('GROWTH_RATE', () => {
  it('is (current − prior) / prior: 110 after 100 is 10%', () => {
    expect(callFunction('GROWTH_RATE', [110, 100])).toBeCloseTo(0.1, 12);
    expect(callFunction('GROWTH_RATE', [60, 80])).toBeCloseTo(-0.25, 12);
    expect(callFunction('GROWTH_RATE', [100, 100])).toBe(0);
  });

  it('accepts a negative current value', () => {
    expect(callFunction('GROWTH_RATE', [-50, 100])).toBeCloseTo(-1.5, 12);
  });

  it('rejects a negative prior with #VALUE!', () => {
    expectError(callFunction('GROWTH_RATE', [100, -10]), '#VALUE!', 'GROWTH_RATE', 'prior', '-10');
  });

  it('gives #DIV/0! for a zero prior', () => {
    expectError(callFunction('GROWTH_RATE', [100, 0]), '#DIV/0!', 'GROWTH_RATE', 'prior');
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('GROWTH_RATE', ['', 100])).toBe('');
    expect(callFunction('GROWTH_RATE', [100, null])).toBe('');
  });

  it('rejects text and booleans', () => {
    expectError(callFunction('GROWTH_RATE', ['n/a', 100]), '#VALUE!', 'GROWTH_RATE', 'current');
    expectError(callFunction('GROWTH_RATE', [100, false]), '#VALUE!', 'GROWTH_RATE', 'prior');
  });

  it('computes month over month along a row', () => {
    const result = callFunction('GROWTH_RATE', [[[120, 90, 100]], [[100, 120, 0]]]) as unknown[][];
    expect(result).toHaveLength(1);
    expect(result[0]![0]).toBeCloseTo(0.2, 12);
    expect(result[0]![1]).toBeCloseTo(-0.25, 12);
    expectError(result[0]![2] as KpiResult, '#DIV/0!', 'GROWTH_RATE', 'prior');
  });
});

describe('CAGR', () => {
  it('turns 40% growth over eight years into about 4.2956% a year', () => {
    // 1.4^(1/8) by repeated square roots: √1.4 = 1.183216, √ = 1.087757, √ = 1.042956.
    expect(callFunction('CAGR', [100, 140, 8])).toBeCloseTo(0.042956, 6);
    // The seed's $600M end after +40%: begin = 600/1.4.
    expect(callFunction('CAGR', [600 / 1.4, 600, 8])).toBeCloseTo(0.042956, 6);
  });

  it('computes simple cases exactly', () => {
    expect(callFunction('CAGR', [100, 121, 2])).toBeCloseTo(0.1, 12);
    expect(callFunction('CAGR', [100, 50, 1])).toBeCloseTo(-0.5, 12);
    expect(callFunction('CAGR', [100, 100, 5])).toBe(0);
    expect(callFunction('CAGR', [100, 0, 3])).toBeCloseTo(-1, 12);
    expect(callFunction('CAGR', [100, 400, 0.5])).toBeCloseTo(15, 10);
  });

  it('rejects any negative input with #VALUE!', () => {
    expectError(callFunction('CAGR', [-100, 140, 8]), '#VALUE!', 'CAGR', 'begin_value');
    expectError(callFunction('CAGR', [100, -140, 8]), '#VALUE!', 'CAGR', 'end_value');
    expectError(callFunction('CAGR', [100, 140, -8]), '#VALUE!', 'CAGR', 'years');
  });

  it('checks negatives before zero denominators', () => {
    expectError(callFunction('CAGR', [0, -140, 8]), '#VALUE!', 'CAGR', 'end_value');
  });

  it('gives #DIV/0! for a zero begin_value or zero years', () => {
    expectError(callFunction('CAGR', [0, 140, 8]), '#DIV/0!', 'CAGR', 'begin_value');
    expectError(callFunction('CAGR', [100, 140, 0]), '#DIV/0!', 'CAGR', 'years');
    expect(isKpiError(callFunction('CAGR', [0, 0, 0]))).toBe(true);
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('CAGR', [100, 140, null])).toBe('');
    expect(callFunction('CAGR', ['', 140, 8])).toBe('');
  });

  it('rejects text and booleans', () => {
    expectError(callFunction('CAGR', [100, 'more', 8]), '#VALUE!', 'CAGR', 'end_value');
    expectError(callFunction('CAGR', [true, 140, 8]), '#VALUE!', 'CAGR', 'begin_value');
  });

  it('computes over a column of end values', () => {
    const result = callFunction('CAGR', [100, [[121], [144], [null]], 2]) as unknown[][];
    expect(result).toHaveLength(3);
    expect(result[0]![0]).toBeCloseTo(0.1, 12);
    expect(result[1]![0]).toBeCloseTo(0.2, 12);
    expect(result[2]![0]).toBe('');
  });
});

describe('MARKET_SHARE', () => {
  it('is company / market sales', () => {
    expect(callFunction('MARKET_SHARE', [2_500_000, 20_000_000])).toBeCloseTo(0.125, 12);
    expect(callFunction('MARKET_SHARE', [50, 50])).toBe(1);
  });

  it('rejects company sales above the market’s with #VALUE! naming both', () => {
    expectError(
      callFunction('MARKET_SHARE', [30, 20]),
      '#VALUE!',
      'MARKET_SHARE',
      'company_sales (30)',
      'market_sales (20)',
    );
  });

  it('gives #DIV/0! for an empty market, before the part-exceeds-whole check', () => {
    expectError(callFunction('MARKET_SHARE', [5, 0]), '#DIV/0!', 'MARKET_SHARE', 'market_sales');
  });

  it('rejects negative sales, text and booleans', () => {
    expectError(callFunction('MARKET_SHARE', [-5, 20]), '#VALUE!', 'MARKET_SHARE', 'company_sales');
    expectError(
      callFunction('MARKET_SHARE', [5, 'big']),
      '#VALUE!',
      'MARKET_SHARE',
      'market_sales',
    );
    expectError(
      callFunction('MARKET_SHARE', [true, 20]),
      '#VALUE!',
      'MARKET_SHARE',
      'company_sales',
    );
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('MARKET_SHARE', [null, 20])).toBe('');
  });
});

describe('PIPELINE_COVERAGE', () => {
  it('is pipeline / quota and may exceed 1', () => {
    expect(callFunction('PIPELINE_COVERAGE', [3_000_000, 1_000_000])).toBe(3);
    expect(callFunction('PIPELINE_COVERAGE', [250_000, 1_000_000])).toBeCloseTo(0.25, 12);
  });

  it('gives #DIV/0! for a zero quota', () => {
    expectError(
      callFunction('PIPELINE_COVERAGE', [100, 0]),
      '#DIV/0!',
      'PIPELINE_COVERAGE',
      'quota',
    );
  });

  it('rejects negatives, text and booleans', () => {
    expectError(
      callFunction('PIPELINE_COVERAGE', [-1, 100]),
      '#VALUE!',
      'PIPELINE_COVERAGE',
      'pipeline_value',
    );
    expectError(
      callFunction('PIPELINE_COVERAGE', [100, 'x']),
      '#VALUE!',
      'PIPELINE_COVERAGE',
      'quota',
    );
    expectError(
      callFunction('PIPELINE_COVERAGE', [100, true]),
      '#VALUE!',
      'PIPELINE_COVERAGE',
      'quota',
    );
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('PIPELINE_COVERAGE', [100, ''])).toBe('');
  });
});

describe('AVG_DEAL_SIZE', () => {
  it('is revenue / deals', () => {
    expect(callFunction('AVG_DEAL_SIZE', [480_000, 12])).toBe(40_000);
    expect(callFunction('AVG_DEAL_SIZE', ['75000', 4])).toBe(18_750);
  });

  it('gives #DIV/0! when no deals closed', () => {
    expectError(callFunction('AVG_DEAL_SIZE', [1000, 0]), '#DIV/0!', 'AVG_DEAL_SIZE', 'deals');
  });

  it('rejects negatives, text and booleans', () => {
    expectError(callFunction('AVG_DEAL_SIZE', [-1000, 2]), '#VALUE!', 'AVG_DEAL_SIZE', 'revenue');
    expectError(callFunction('AVG_DEAL_SIZE', [1000, -2]), '#VALUE!', 'AVG_DEAL_SIZE', 'deals');
    expectError(callFunction('AVG_DEAL_SIZE', [1000, 'two']), '#VALUE!', 'AVG_DEAL_SIZE', 'deals');
    expectError(callFunction('AVG_DEAL_SIZE', [false, 2]), '#VALUE!', 'AVG_DEAL_SIZE', 'revenue');
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('AVG_DEAL_SIZE', [undefined, 2])).toBe('');
  });
});

describe('SALES_VELOCITY', () => {
  it('is opportunities × win_rate × avg_deal_size / cycle_days', () => {
    // 50 × 0.2 × 40,000 = 400,000; / 80 days = 5,000 a day.
    expect(callFunction('SALES_VELOCITY', [50, 0.2, 40_000, 80])).toBeCloseTo(5_000, 9);
    // 30 × 0.25 × 12,000 = 90,000; / 45 days = 2,000 a day.
    expect(callFunction('SALES_VELOCITY', [30, '25%', 12_000, 45])).toBeCloseTo(2_000, 9);
  });

  it('rejects a win rate above 1 with a hint to enter it as a percentage', () => {
    const result = callFunction('SALES_VELOCITY', [50, 40, 40_000, 80]);
    expectError(result, '#VALUE!', 'SALES_VELOCITY', 'win_rate', '40%', '0.4');
  });

  it('rejects a negative win rate and other negatives', () => {
    expectError(
      callFunction('SALES_VELOCITY', [50, -0.2, 1, 1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'win_rate',
    );
    expectError(
      callFunction('SALES_VELOCITY', [-50, 0.2, 1, 1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'opportunities',
    );
    expectError(
      callFunction('SALES_VELOCITY', [50, 0.2, -1, 1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'avg_deal_size',
    );
    expectError(
      callFunction('SALES_VELOCITY', [50, 0.2, 1, -1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'cycle_days',
    );
  });

  it('gives #DIV/0! for a zero-day cycle', () => {
    expectError(
      callFunction('SALES_VELOCITY', [50, 0.2, 1, 0]),
      '#DIV/0!',
      'SALES_VELOCITY',
      'cycle_days',
    );
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('SALES_VELOCITY', [50, null, 40_000, 80])).toBe('');
  });

  it('rejects text and booleans', () => {
    expectError(
      callFunction('SALES_VELOCITY', [50, 'high', 1, 1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'win_rate',
    );
    expectError(
      callFunction('SALES_VELOCITY', [50, 0.2, true, 1]),
      '#VALUE!',
      'SALES_VELOCITY',
      'avg_deal_size',
    );
  });
});

describe('ACV', () => {
  it('is total contract value per contract year', () => {
    expect(callFunction('ACV', [150_000, 3])).toBe(50_000);
    expect(callFunction('ACV', [90_000, 1.5])).toBe(60_000);
  });

  it('gives #DIV/0! for a zero-year contract', () => {
    expectError(callFunction('ACV', [150_000, 0]), '#DIV/0!', 'ACV', 'contract_years');
  });

  it('rejects negatives, text and booleans', () => {
    expectError(callFunction('ACV', [-1, 3]), '#VALUE!', 'ACV', 'total_contract_value');
    expectError(callFunction('ACV', [150_000, -3]), '#VALUE!', 'ACV', 'contract_years');
    expectError(callFunction('ACV', [150_000, 'three']), '#VALUE!', 'ACV', 'contract_years');
    expectError(callFunction('ACV', [true, 3]), '#VALUE!', 'ACV', 'total_contract_value');
  });

  it('gives "" while an input is blank', () => {
    expect(callFunction('ACV', ['', 3])).toBe('');
  });

  it('computes over a 2×2 range', () => {
    expect(
      callFunction('ACV', [
        [
          [100, 200],
          [300, 400],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    ).toEqual([
      [100, 100],
      [100, 100],
    ]);
  });
});

describe('native formulas', () => {
  it.each(growth.map((spec) => [spec.name, spec] as const))(
    '%s gives "" while a required reference is blank',
    (_name, spec) => {
      const refs = spec.params.map((_, i) => `${String.fromCharCode(65 + i)}1`);
      const formula = nativeFormula(spec.name, refs);
      const blank =
        refs.length === 1 ? `${refs[0]}=""` : `${refs.map((r) => `(${r}="")`).join('+')}>0`;
      expect(formula.startsWith(`IF(${blank},"",`)).toBe(true);
      expect(formula.startsWith('=')).toBe(false);
    },
  );

  it('writes CAGR so that a zero begin_value or zero years divides by zero', () => {
    expect(nativeFormula('CAGR', ['A1', 'B1', 'C1'])).toBe(
      'IF((A1="")+(B1="")+(C1="")>0,"",' +
        'IF(OR(ISLOGICAL(A1),VALUE(A1)<0,ISLOGICAL(B1),VALUE(B1)<0,ISLOGICAL(C1),VALUE(C1)<0),' +
        '#VALUE!,(B1/A1)^(1/C1)-1))',
    );
  });
});
