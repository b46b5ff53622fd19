// Growth and goals: attainment, growth, pipeline and deal economics (spec "Growth and goals").
import { constant, minus, over, power, times, type NativeDefinition } from '../formulas/native';
import type { FunctionSpec, Problem } from '../registry/types';
import { ratioFunction } from './ratio';
import { CONVERGYS, STANDARD } from './sources';

const category = 'Growth and goals';

const PRIOR_IS_ZERO: Problem = { problem: 'divisionByZero', param: 1 };
const BEGIN_IS_ZERO: Problem = { problem: 'divisionByZero', param: 0 };
const YEARS_ARE_ZERO: Problem = { problem: 'divisionByZero', param: 2 };
const CYCLE_IS_ZERO: Problem = { problem: 'divisionByZero', param: 3 };

export const growthFunctions: FunctionSpec[] = [
  ratioFunction({
    name: 'GOAL_ATTAINMENT',
    category,
    description: 'Share of the goal achieved: actual result divided by the goal.',
    numerator: {
      name: 'actual',
      description: 'Result achieved in the period (sales, deals or any measure); may be negative.',
      kind: 'signedNumber',
    },
    denominator: {
      name: 'goal',
      description: 'Goal for the same measure and period; cannot be negative.',
      kind: 'number',
    },
    result: 'rate',
    partOfWhole: false,
    source: `${STANDARD}; example: $2.35M against a $1.75M goal (134%) in ${CONVERGYS}, pharmaceutical company case`,
    examples: [
      {
        args: [2_350_000, 1_750_000],
        result: 1.342857142857143,
        note: '$2.35M sales against a $1.75M goal: about 134%',
      },
      { args: [-50_000, 200_000], result: -0.25, note: 'a loss of $50k against a $200k goal' },
      { args: [100, 0], result: '#DIV/0!', note: 'no goal set' },
      { args: [100, -5], result: '#VALUE!', note: 'a goal cannot be negative' },
    ],
  }),
  {
    mode: 'each',
    name: 'GROWTH_RATE',
    category,
    description: 'Change from the prior period as a share of the prior period.',
    params: [
      {
        name: 'current',
        description: 'Value in the current period (e.g. this year’s sales); may be negative.',
        kind: 'signedNumber',
      },
      {
        name: 'prior',
        description: 'Value in the prior period it is compared with; cannot be negative.',
        kind: 'number',
      },
    ],
    result: 'rate',
    source: `${STANDARD}; example: sales up 10% year over year in ${CONVERGYS}`,
    examples: [
      { args: [110, 100], result: 0.1, note: 'sales up from 100 to 110: 10% year over year' },
      { args: [75, 100], result: -0.25, note: 'sales down from 100 to 75: −25%' },
      { args: [50, 0], result: '#DIV/0!', note: 'nothing in the prior period' },
    ],
    compute: (x) => (x[1] === 0 ? PRIOR_IS_ZERO : (x[0]! - x[1]!) / x[1]!),
  },
  {
    mode: 'each',
    name: 'CAGR',
    category,
    description: 'Compound annual growth rate between a beginning and an ending value.',
    params: [
      {
        name: 'begin_value',
        description: 'Value at the start (e.g. annual revenue in the first year).',
        kind: 'number',
      },
      {
        name: 'end_value',
        description: 'Value at the end of the period.',
        kind: 'number',
      },
      {
        name: 'years',
        description: 'Number of years between the two values; fractions of a year are allowed.',
        kind: 'years',
      },
    ],
    result: 'rate',
    source: `${STANDARD}; example: sales up 40% over eight years in ${CONVERGYS}`,
    examples: [
      {
        args: [100, 140, 8],
        result: 0.042956042188393,
        note: 'sales grew 40% over eight years: about 4.3% a year',
      },
      { args: [0, 140, 8], result: '#DIV/0!', note: 'growth from nothing has no rate' },
      { args: [100, 140, 0], result: '#DIV/0!', note: 'no time has passed' },
      { args: [100, -140, 8], result: '#VALUE!', note: 'values cannot be negative' },
    ],
    compute: (x) =>
      x[0] === 0
        ? BEGIN_IS_ZERO
        : x[2] === 0
          ? YEARS_ARE_ZERO
          : Math.pow(x[1]! / x[0]!, 1 / x[2]!) - 1,
  },
  ratioFunction({
    name: 'MARKET_SHARE',
    category,
    description: 'Share of the total market’s sales made by the company.',
    numerator: {
      name: 'company_sales',
      description: 'The company’s sales in the market and period.',
      kind: 'money',
    },
    denominator: {
      name: 'market_sales',
      description: 'Total sales of all companies in the same market and period.',
      kind: 'money',
    },
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [
      { args: [2_500_000, 20_000_000], result: 0.125, note: '$2.5M of a $20M market: 12.5%' },
      { args: [30, 20], result: '#VALUE!', note: 'company_sales cannot exceed market_sales' },
    ],
  }),
  ratioFunction({
    name: 'PIPELINE_COVERAGE',
    category,
    description: 'How many times the open pipeline covers the sales quota.',
    numerator: {
      name: 'pipeline_value',
      description: 'Total value of the open opportunities in the pipeline.',
      kind: 'money',
    },
    denominator: {
      name: 'quota',
      description: 'Sales quota (target) for the same period.',
      kind: 'money',
    },
    result: 'number',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      {
        args: [3_000_000, 1_000_000],
        result: 3,
        note: '$3M pipeline for a $1M quota: 3× coverage',
      },
    ],
  }),
  ratioFunction({
    name: 'AVG_DEAL_SIZE',
    category,
    description: 'Average revenue per closed deal.',
    numerator: {
      name: 'revenue',
      description: 'Revenue from the closed deals.',
      kind: 'money',
    },
    denominator: {
      name: 'deals',
      description: 'Number of deals closed.',
      kind: 'count',
    },
    result: 'money',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [480_000, 12], result: 40_000, note: '$480k from 12 deals: $40k a deal' },
      { args: [480_000, 0], result: '#DIV/0!', note: 'no deals closed' },
    ],
  }),
  {
    mode: 'each',
    name: 'SALES_VELOCITY',
    category,
    description: 'Revenue the pipeline is expected to produce per day.',
    params: [
      {
        name: 'opportunities',
        description: 'Number of open qualified opportunities.',
        kind: 'count',
      },
      {
        name: 'win_rate',
        description: 'Share of opportunities that are won, e.g. 20%.',
        kind: 'fraction',
      },
      {
        name: 'avg_deal_size',
        description: 'Average revenue of a won deal.',
        kind: 'money',
      },
      {
        name: 'cycle_days',
        description: 'Average length of the sales cycle in days.',
        kind: 'days',
      },
    ],
    result: 'moneyPerDay',
    source: STANDARD,
    examples: [
      {
        args: [50, 0.2, 40_000, 80],
        result: 5_000,
        note: '50 opportunities, 20% won at $40k, 80-day cycle: $5,000 a day',
      },
      { args: [50, 20, 40_000, 80], result: '#VALUE!', note: 'enter the win rate as 20% or 0.2' },
      { args: [50, 0.2, 40_000, 0], result: '#DIV/0!', note: 'a cycle cannot take zero days' },
    ],
    compute: (x) => (x[3] === 0 ? CYCLE_IS_ZERO : (x[0]! * x[1]! * x[2]!) / x[3]!),
  },
  ratioFunction({
    name: 'ACV',
    category,
    description: 'Annual contract value: the contract’s total value per year of its term.',
    numerator: {
      name: 'total_contract_value',
      description: 'Total value of the contract over its whole term.',
      kind: 'money',
    },
    denominator: {
      name: 'contract_years',
      description: 'Length of the contract in years; fractions of a year are allowed.',
      kind: 'years',
    },
    result: 'money',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [150_000, 3], result: 50_000, note: 'a $150k three-year contract: $50k a year' },
      { args: [150_000, 0], result: '#DIV/0!', note: 'a contract needs a term' },
    ],
  }),
];

/** The native formulas of this file's functions (core/formulas/natives.ts), apart from their math. */
export const growthNatives: Record<string, NativeDefinition> = {
  GROWTH_RATE: {
    each: ([current, prior]) => ({
      result: over(minus(current!.value, prior!.value), prior!.value),
    }),
  },
  // A zero begin_value or zero years divides by zero by itself.
  CAGR: {
    each: ([begin, end, years]) => ({
      result: minus(
        power(over(end!.value, begin!.value), over(constant(1), years!.value)),
        constant(1),
      ),
    }),
  },
  SALES_VELOCITY: {
    each: ([opportunities, winRate, dealSize, cycleDays]) => ({
      result: over(
        times(times(opportunities!.value, winRate!.value), dealSize!.value),
        cycleDays!.value,
      ),
    }),
  },
};
