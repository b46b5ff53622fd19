// Cost and return: profit, ROI, acquisition cost and outsourcing fees (spec "Cost and return").
import {
  minus,
  over,
  plus,
  times,
  type NativeDefinition,
  type Operand,
  type Term,
} from '../formulas/native';
import type { FunctionSpec, ParamSpec, Problem } from '../registry/types';
import { ratioFunction } from './ratio';
import { CONVERGYS, SKOK, STANDARD } from './sources';

const category = 'Cost and return';

// Built once so the per-element math allocates nothing.
const FIRST_IS_ZERO: Problem = { problem: 'divisionByZero', param: 0 };
const SECOND_IS_ZERO: Problem = { problem: 'divisionByZero', param: 1 };
const THIRD_IS_ZERO: Problem = { problem: 'divisionByZero', param: 2 };

const revenue = {
  name: 'revenue',
  description: 'Revenue the sales effort brought in during the period.',
  kind: 'money',
} as const;

const salesCost = {
  name: 'cost',
  description: 'Total cost of the sales effort in the period: fees, commissions and management.',
  kind: 'money',
} as const;

const grossMargin = {
  name: 'gross_margin',
  description: 'Gross margin on revenue, e.g. 40% or 0.4; blank counts the whole revenue.',
  kind: 'fraction',
  default: 1,
} as const;

const costSavings = {
  name: 'cost_savings',
  description:
    'Costs avoided thanks to the effort, e.g. in-house sales staff no longer needed; negative if costs grew elsewhere.',
  kind: 'signedMoney',
  default: 0,
} as const;

const cac = {
  name: 'cac',
  description: 'Customer acquisition cost: sales and marketing cost per new customer.',
  kind: 'money',
} as const;

/** revenue × gross_margin + cost_savings − cost, from the checked arguments in that order. */
function nativeProfit([revenue, cost, margin, savings]: Operand[]): Term {
  return minus(plus(times(revenue!.value, margin!.value), savings!.value), cost!.value);
}

const outsourcingParams: ParamSpec[] = [
  {
    name: 'retainer',
    description: 'Fixed fee for the period (0 for a pure pay-for-performance contract).',
    kind: 'money',
  },
  {
    name: 'fee_per_appointment',
    description: 'Fee paid per appointment set.',
    kind: 'money',
    default: 0,
  },
  {
    name: 'appointments',
    description: 'Number of appointments set in the period.',
    kind: 'count',
    default: 0,
  },
  {
    name: 'commission_rate',
    description: 'Commission on revenue, e.g. 10% or 0.1.',
    kind: 'fraction',
    default: 0,
  },
  {
    name: 'revenue',
    description: 'Revenue the commission is paid on.',
    kind: 'money',
    default: 0,
  },
];

export const costFunctions: FunctionSpec[] = [
  {
    mode: 'each',
    name: 'SALES_ROI',
    category,
    description:
      'Return on the sales investment: (revenue × gross margin + cost savings − cost) / cost.',
    params: [revenue, salesCost, grossMargin, costSavings],
    result: 'rate',
    source: STANDARD,
    examples: [
      {
        args: [50000, 10000, 0.4],
        result: 1,
        note: '50,000 revenue at 40% margin is 20,000 gross profit on 10,000 cost: ROI 100%',
      },
      {
        args: [50000, 10000, 0.4, 5000],
        result: 1.5,
        note: 'the same plus 5,000 of saved in-house cost: ROI 150%',
      },
      {
        args: [20000, 10000, 0.3],
        result: -0.4,
        note: '6,000 gross profit does not cover 10,000 cost: ROI −40%',
      },
      { args: [50000, 0], result: '#DIV/0!', note: 'no cost recorded yet' },
      { args: [50000, 10000, 40], result: '#VALUE!', note: 'a 40% margin is 40% or 0.4, not 40' },
    ],
    compute: (x) => (x[1] === 0 ? SECOND_IS_ZERO : (x[0]! * x[2]! + x[3]! - x[1]!) / x[1]!),
  },
  {
    mode: 'each',
    name: 'SALES_PROFIT',
    category,
    description:
      'Net profit of the sales effort: revenue × gross margin + cost savings − cost (may be negative).',
    params: [revenue, salesCost, grossMargin, costSavings],
    result: 'money',
    source: STANDARD,
    examples: [
      {
        args: [50000, 10000, 0.4],
        result: 10000,
        note: '20,000 gross profit (40% of 50,000) minus 10,000 cost',
      },
      {
        args: [50000, 10000, 0.4, 5000],
        result: 15000,
        note: 'the same plus 5,000 of saved in-house cost',
      },
      { args: [20000, 10000, 0.3], result: -4000, note: 'a loss: 6,000 gross profit, 10,000 cost' },
    ],
    compute: (x) => x[0]! * x[2]! + x[3]! - x[1]!,
  },
  {
    mode: 'each',
    name: 'BREAKEVEN_REVENUE',
    category,
    description: 'Revenue needed for gross profit to cover a cost: cost / gross margin.',
    params: [
      {
        name: 'cost',
        description: 'The cost to recover, e.g. the outsourcing fees for the period.',
        kind: 'money',
      },
      grossMargin,
    ],
    result: 'money',
    source: STANDARD,
    examples: [
      { args: [12000, 0.4], result: 30000, note: '12,000 of fees at 40% margin need 30,000 sales' },
      { args: [12000], result: 12000, note: 'without a margin the whole revenue counts' },
      { args: [12000, 0], result: '#DIV/0!', note: 'no margin: cost can never be recovered' },
    ],
    compute: (x) => (x[1] === 0 ? SECOND_IS_ZERO : x[0]! / x[1]!),
  },
  ratioFunction({
    name: 'CAC',
    category,
    description: 'Customer acquisition cost: sales and marketing cost per new customer won.',
    numerator: {
      name: 'sales_and_marketing_cost',
      description: 'Total sales and marketing cost of the period, including outsourcing fees.',
      kind: 'money',
    },
    denominator: {
      name: 'new_customers',
      description: 'Number of new customers won in the same period.',
      kind: 'count',
    },
    result: 'money',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [60000, 40], result: 1500, note: '60,000 spent to win 40 customers: 1,500 each' },
      { args: [60000, 0], result: '#DIV/0!', note: 'no customers won yet' },
    ],
  }),
  ratioFunction({
    name: 'LTV_CAC_RATIO',
    category,
    description: 'Customer lifetime value per unit of acquisition cost (3 or more is healthy).',
    numerator: {
      name: 'clv',
      description: 'Customer lifetime value (gross profit per customer over its lifespan).',
      kind: 'money',
    },
    denominator: cac,
    result: 'number',
    partOfWhole: false,
    source: `${STANDARD}; 3:1 rule of thumb: ${SKOK}`,
    examples: [{ args: [4500, 1500], result: 3, note: '4,500 lifetime value on 1,500 CAC: 3:1' }],
  }),
  {
    mode: 'each',
    name: 'CAC_PAYBACK_MONTHS',
    category,
    description: 'Months of gross profit from a customer needed to recover its acquisition cost.',
    params: [
      cac,
      {
        name: 'monthly_revenue_per_customer',
        description: 'Average monthly revenue from one customer.',
        kind: 'money',
      },
      grossMargin,
    ],
    result: 'months',
    source: STANDARD,
    examples: [
      {
        args: [1500, 250, 0.6],
        result: 10,
        note: '250 a month at 60% margin is 150 gross profit: 1,500 CAC paid back in 10 months',
      },
      { args: [1500, 0], result: '#DIV/0!', note: 'no monthly revenue: never paid back' },
    ],
    compute: (x) => {
      const monthlyProfit = x[1]! * x[2]!;
      if (monthlyProfit === 0) return x[1] === 0 ? SECOND_IS_ZERO : THIRD_IS_ZERO;
      return x[0]! / monthlyProfit;
    },
  },
  ratioFunction({
    name: 'COST_OF_SALES',
    category,
    description: 'Sales cost as a share of the revenue it brought in.',
    numerator: {
      name: 'sales_cost',
      description: 'Total cost of selling in the period (staff, fees, commissions, tools).',
      kind: 'money',
    },
    denominator: {
      name: 'revenue',
      description: 'Revenue of the same period.',
      kind: 'money',
    },
    result: 'rate',
    partOfWhole: false,
    source: `${STANDARD}; in the low single digits in ${CONVERGYS}, contract renewals case study`,
    examples: [
      { args: [30000, 1000000], result: 0.03, note: '30,000 selling cost on 1,000,000 sales: 3%' },
      { args: [30000, 0], result: '#DIV/0!', note: 'no revenue yet' },
    ],
  }),
  ratioFunction({
    name: 'COST_PER_LEAD',
    category,
    description: 'Cost of generating one lead.',
    numerator: {
      name: 'cost',
      description: 'Lead generation cost of the period (fees, campaigns, tools).',
      kind: 'money',
    },
    denominator: {
      name: 'leads',
      description: 'Number of leads generated in the same period.',
      kind: 'count',
    },
    result: 'money',
    partOfWhole: false,
    source: STANDARD,
    examples: [{ args: [5000, 200], result: 25, note: '5,000 for 200 leads: 25 per lead' }],
  }),
  ratioFunction({
    name: 'COST_PER_APPOINTMENT',
    category,
    description: 'Cost of setting one sales appointment (meeting).',
    numerator: {
      name: 'cost',
      description: 'Appointment setting cost of the period (fees, calling time, tools).',
      kind: 'money',
    },
    denominator: {
      name: 'appointments',
      description: 'Number of appointments set in the same period.',
      kind: 'count',
    },
    result: 'money',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [6000, 40], result: 150, note: '6,000 for 40 appointments: 150 each' },
      { args: [6000, 0], result: '#DIV/0!', note: 'no appointments set yet' },
    ],
  }),
  {
    mode: 'each',
    name: 'COST_REDUCTION',
    category,
    description: 'Share by which a cost fell (negative when it rose).',
    params: [
      { name: 'cost_before', description: 'The cost before the change.', kind: 'money' },
      { name: 'cost_after', description: 'The cost after the change.', kind: 'money' },
    ],
    result: 'rate',
    source: `${STANDARD}; example: cost of sales cut by 90% in ${CONVERGYS}`,
    examples: [
      {
        args: [200000, 20000],
        result: 0.9,
        note: 'cost of sales cut from 200,000 to 20,000: a 90% reduction',
      },
      { args: [10000, 12000], result: -0.2, note: 'cost rose from 10,000 to 12,000: −20%' },
      { args: [0, 500], result: '#DIV/0!', note: 'no cost before to compare with' },
    ],
    compute: (x) => (x[0] === 0 ? FIRST_IS_ZERO : (x[0]! - x[1]!) / x[0]!),
  },
  {
    mode: 'each',
    name: 'OUTSOURCING_COST',
    category,
    description:
      'Cost of an outsourced sales contract: retainer + fee per appointment × appointments + commission on revenue.',
    params: outsourcingParams,
    result: 'money',
    source: STANDARD,
    examples: [
      { args: [5000], result: 5000, note: 'retainer contract: 5,000 a month' },
      { args: [0, 150, 40], result: 6000, note: 'pay per appointment: 40 appointments at 150' },
      { args: [0, 0, 0, 0.1, 250000], result: 25000, note: '10% commission on 250,000' },
      {
        args: [2000, 100, 30, 0.05, 100000],
        result: 10000,
        note: 'hybrid: 2,000 retainer + 30 × 100 + 5% of 100,000',
      },
      {
        args: [2000, 100, 30, 10, 100000],
        result: '#VALUE!',
        note: 'a 10% commission is 10% or 0.1, not 10',
      },
    ],
    compute: (x) => x[0]! + x[1]! * x[2]! + x[3]! * x[4]!,
  },
];

/** The native formulas of this file's functions (core/formulas/natives.ts), apart from their math. */
export const costNatives: Record<string, NativeDefinition> = {
  SALES_ROI: { each: (x) => ({ result: over(nativeProfit(x), x[1]!.value) }) },
  SALES_PROFIT: { each: (x) => ({ result: nativeProfit(x) }) },
  BREAKEVEN_REVENUE: { each: ([cost, margin]) => ({ result: over(cost!.value, margin!.value) }) },
  CAC_PAYBACK_MONTHS: {
    each: ([cacValue, monthly, margin]) => ({
      result: over(cacValue!.value, times(monthly!.value, margin!.value)),
    }),
  },
  COST_REDUCTION: {
    each: ([before, after]) => ({
      result: over(minus(before!.value, after!.value), before!.value),
    }),
  },
  // An omitted fee or commission is 0, so its whole term drops out of the formula.
  OUTSOURCING_COST: {
    each: ([retainer, fee, appointments, rate, commissionBase]) => ({
      result: plus(
        plus(retainer!.value, times(fee!.value, appointments!.value)),
        times(rate!.value, commissionBase!.value),
      ),
    }),
  },
};
