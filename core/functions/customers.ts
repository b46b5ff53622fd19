// Customers: satisfaction, loyalty and lifetime value (spec "Customers").
import { describeValue } from '../args/coerce';
import {
  compare,
  constant,
  ifThen,
  minus,
  negative,
  over,
  plus,
  power,
  rangeNumbers,
  times,
  type NativeDefinition,
} from '../formulas/native';
import type { EachFunctionSpec, FunctionSpec, Problem, SetFunctionSpec } from '../registry/types';
import { ratioFunction } from './ratio';
import { CONVERGYS, STANDARD } from './sources';

const category = 'Customers';

const customersStart = {
  name: 'customers_start',
  description: 'Number of customers at the start of the period.',
  kind: 'count',
} as const;

const clvGrossMargin = {
  name: 'gross_margin',
  description: 'Gross margin on purchases, e.g. 60%; leave blank to value revenue.',
  kind: 'fraction',
  default: 1,
} as const;

const discountRate = {
  name: 'discount_rate',
  description: 'Yearly discount rate for future years, e.g. 10%; leave blank for none.',
  kind: 'fraction',
  default: 0,
} as const;

const NO_SCORES: Problem = {
  problem: 'divisionByZero',
  param: 0,
  reason: 'has no filled cells',
};

/** Net Promoter Score: share of promoters (9–10) minus share of detractors (0–6), times 100. */
function netPromoterScore(sets: readonly (readonly (number | null)[])[]): number | Problem {
  let promoters = 0;
  let detractors = 0;
  let responses = 0;
  for (const score of sets[0]!) {
    if (score === null) continue;
    responses++;
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return responses === 0 ? NO_SCORES : ((promoters - detractors) / responses) * 100;
}

const nps: SetFunctionSpec = {
  mode: 'set',
  name: 'NPS',
  category,
  description:
    'Net Promoter Score from -100 to 100: percentage of promoters (9-10) minus percentage of detractors (0-6).',
  params: [
    {
      name: 'scores',
      description:
        'Range of survey answers to "How likely are you to recommend us?"; blank cells are skipped.',
      kind: 'npsScore',
    },
  ],
  result: 'nps',
  source: STANDARD,
  examples: [
    {
      args: [[[10], [9], [10], [9], [10], [8], [7], [6], [3], [5]]],
      result: 20,
      note: '5 promoters and 3 detractors among 10 answers: 50% − 30% = 20',
    },
    { args: [[[10], [7.5]]], result: '#VALUE!', note: 'scores must be whole numbers 0 to 10' },
    { args: [[[null], [null]]], result: '#DIV/0!', note: 'no answers yet' },
  ],
  compute: netPromoterScore,
};

/** Lifetime value: yearly gross profit times lifespan, discounted as an annuity when r > 0. */
function customerLifetimeValue(x: readonly number[]): number {
  const annual = x[0]! * x[1]! * x[3]!;
  const lifespan = x[2]!;
  const rate = x[4]!;
  // 1 − (1 + r)^−L written with expm1/log1p, which stay exact for small rates where the
  // plain form cancels to 0.
  return rate === 0
    ? annual * lifespan
    : (annual * -Math.expm1(-lifespan * Math.log1p(rate))) / rate;
}

const clv: EachFunctionSpec = {
  mode: 'each',
  name: 'CLV',
  category,
  description:
    'Customer lifetime value: what one customer is worth over the whole relationship, optionally as margin and discounted.',
  params: [
    {
      name: 'avg_purchase_value',
      description: 'Average value of one purchase (order or invoice).',
      kind: 'money',
    },
    {
      name: 'purchases_per_year',
      description: 'Average number of purchases a customer makes per year.',
      kind: 'count',
    },
    {
      name: 'lifespan_years',
      description: 'Average number of years a customer stays.',
      kind: 'years',
    },
    clvGrossMargin,
    discountRate,
  ],
  result: 'money',
  source: `${STANDARD}, with margin and discounting as its usual extension`,
  examples: [
    {
      args: [500, 4, 3],
      result: 6000,
      note: '500 per purchase × 4 purchases a year × 3 years = 6,000 of revenue',
    },
    {
      args: [500, 4, 3, 0.6, 0.1],
      result: 2984.222389181067,
      note: 'margin 60% gives 1,200 a year; discounted at 10% over 3 years: 1,200 × (1 − 1.1^−3) / 0.1 ≈ 2,984.22',
    },
    {
      args: [500, 4, 3, 60],
      result: '#VALUE!',
      note: 'gross_margin is a fraction: enter 60% or 0.6',
    },
  ],
  compute: customerLifetimeValue,
};

const START_IS_ZERO: Problem = { problem: 'divisionByZero', param: 0 };

/** (customers_end − new_customers) / customers_start; the kept customers must lie in 0…start. */
function retentionRate(x: readonly number[]): number | Problem {
  const start = x[0]!;
  const kept = x[1]! - x[2]!;
  // Built only on the error paths, so the messages can quote the values.
  if (kept < 0) {
    return {
      problem: 'invalid',
      param: 2,
      reason: `(${describeValue(x[2])}) cannot exceed customers_end (${describeValue(x[1])}): new customers are part of customers_end`,
    };
  }
  if (start === 0) return START_IS_ZERO;
  if (kept > start) {
    return {
      problem: 'invalid',
      param: 1,
      reason: `minus new_customers (${describeValue(kept)}) cannot exceed customers_start (${describeValue(start)})`,
    };
  }
  return kept / start;
}

const retention: EachFunctionSpec = {
  mode: 'each',
  name: 'RETENTION_RATE',
  category,
  description:
    'Share of the customers at the start of the period that were still customers at its end.',
  params: [
    customersStart,
    {
      name: 'customers_end',
      description: 'Number of customers at the end of the period, including new ones.',
      kind: 'count',
    },
    {
      name: 'new_customers',
      description: 'Number of customers won during the period.',
      kind: 'count',
    },
  ],
  result: 'rate',
  source: STANDARD,
  examples: [
    {
      args: [200, 210, 30],
      result: 0.9,
      note: '210 at the end minus 30 new = 180 of the 200 kept: 90%',
    },
    {
      args: [200, 20, 30],
      result: '#VALUE!',
      note: 'new_customers cannot exceed customers_end',
    },
    { args: [0, 10, 10], result: '#DIV/0!', note: 'no customers at the start' },
    {
      args: [200, 250, 30],
      result: '#VALUE!',
      note: 'more customers kept (220) than there were at the start (200)',
    },
  ],
  compute: retentionRate,
};

export const customerFunctions: FunctionSpec[] = [
  ratioFunction({
    name: 'CSAT',
    category,
    description: 'Customer satisfaction score: share of survey responses that were satisfied.',
    numerator: {
      name: 'satisfied',
      description: 'Number of satisfied responses (e.g. 4 or 5 on a 5-point scale).',
      kind: 'count',
    },
    denominator: {
      name: 'responses',
      description: 'Total number of survey responses.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [
      { args: [170, 200], result: 0.85, note: '170 of 200 responses satisfied: 85%' },
      { args: [210, 200], result: '#VALUE!', note: 'satisfied cannot exceed responses' },
    ],
  }),
  nps,
  clv,
  retention,
  ratioFunction({
    name: 'CHURN_RATE',
    category,
    description: 'Share of the customers at the start of the period that were lost during it.',
    numerator: {
      name: 'customers_lost',
      description: 'Number of customers lost (cancelled or not renewed) in the period.',
      kind: 'count',
    },
    denominator: customersStart,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [
      { args: [12, 200], result: 0.06, note: '12 of 200 customers left: 6%' },
      { args: [5, 0], result: '#DIV/0!', note: 'no customers at the start' },
    ],
  }),
  ratioFunction({
    name: 'REPEAT_PURCHASE_RATE',
    category,
    description: 'Share of customers that bought more than once.',
    numerator: {
      name: 'repeat_customers',
      description: 'Number of customers with two or more purchases.',
      kind: 'count',
    },
    denominator: {
      name: 'total_customers',
      description: 'Total number of customers.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [45, 150], result: 0.3, note: '45 of 150 customers bought again: 30%' }],
  }),
  ratioFunction({
    name: 'RENEWAL_RATE',
    category,
    description: 'Share of contracts up for renewal that were renewed.',
    numerator: {
      name: 'renewed',
      description: 'Number of contracts renewed.',
      kind: 'count',
    },
    denominator: {
      name: 'up_for_renewal',
      description: 'Number of contracts that came up for renewal.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: true,
    source: `${STANDARD}; example: renewal rate from 30% to 75% in ${CONVERGYS}, contract renewals case study`,
    examples: [
      { args: [30, 100], result: 0.3, note: 'before: 30 of 100 contracts renewed, 30%' },
      { args: [75, 100], result: 0.75, note: 'after: 75 of 100 contracts renewed, 75%' },
    ],
  }),
];

/** The native formulas of this file's functions (core/formulas/natives.ts), apart from their math. */
export const customerNatives: Record<string, NativeDefinition> = {
  // Each filled score counts +1 as a promoter (9–10) and −1 as a detractor (0–6); no score
  // divides by zero, as the function does.
  NPS: {
    set: ([scores]) => {
      const numbers = rangeNumbers(scores!);
      const filled = `(${scores}<>"")`;
      return `SUMPRODUCT(${filled}*((${numbers}>=9)-(${numbers}<=6)))/SUMPRODUCT(--${filled})*100`;
    },
  },
  CLV: {
    each: ([value, perYear, years, margin, rate]) => {
      const annual = times(times(value!.value, perYear!.value), margin!.value);
      const undiscounted = times(annual, years!.value);
      const discount = minus(
        constant(1),
        power(plus(constant(1), rate!.value), negative(years!.value)),
      );
      return {
        result: ifThen(
          compare(rate!.number, '=', constant(0)),
          undiscounted,
          over(times(annual, discount), rate!.value),
        ),
      };
    },
  },
  // The same order as the function: new customers above the end count, then no customers at
  // the start, then more kept than there were.
  RETENTION_RATE: {
    each: ([start, end, added]) => ({
      checks: [
        { when: compare(end!.number, '<', added!.number), error: '#VALUE!' },
        { when: compare(start!.number, '=', constant(0)), error: '#DIV/0!' },
        { when: compare(minus(end!.number, added!.number), '>', start!.number), error: '#VALUE!' },
      ],
      result: over(minus(end!.value, added!.value), start!.value),
    }),
  },
};
