// Cycle and activity: how long deals take and how much effort an outcome costs (spec "Cycle and activity").
import { describeValue } from '../args/coerce';
import { rangeNumbers, type NativeDefinition } from '../formulas/native';
import type { FunctionSpec, Problem, SetFunctionSpec } from '../registry/types';
import { ratioFunction } from './ratio';
import { STANDARD } from './sources';

const category = 'Cycle and activity';

const NO_COMPLETE_PAIR: Problem = {
  problem: 'divisionByZero',
  param: 0,
  reason: 'has no row where both the open and the close date are filled',
};

/** Mean days from open to close over the aligned pairs where both dates are filled. */
function averageCycle(sets: readonly (readonly (number | null)[])[]): number | Problem {
  const opens = sets[0]!;
  const closes = sets[1]!;
  let totalDays = 0;
  let pairs = 0;
  for (let i = 0; i < opens.length; i++) {
    const open = opens[i];
    const close = closes[i];
    if (open === null || open === undefined || close === null || close === undefined) continue;
    if (close < open) {
      // Built only on this error path, so it can name the cell and both dates.
      return {
        problem: 'invalid',
        param: 1,
        reason: `(${describeValue(close)}) in cell ${i + 1} of the range is before its open date (${describeValue(open)})`,
      };
    }
    totalDays += close - open;
    pairs++;
  }
  return pairs === 0 ? NO_COMPLETE_PAIR : totalDays / pairs;
}

const averageSalesCycle: SetFunctionSpec = {
  mode: 'set',
  name: 'AVG_SALES_CYCLE',
  category,
  description: 'Average number of days from opening a deal to closing it, over a list of deals.',
  params: [
    {
      name: 'open_dates',
      description: 'Range of dates on which each deal was opened (first contact or lead date).',
      kind: 'date',
    },
    {
      name: 'close_dates',
      description:
        'Range of dates on which each deal was closed, the same size as open_dates; rows with either date blank are skipped.',
      kind: 'date',
    },
  ],
  result: 'days',
  source: STANDARD,
  examples: [
    {
      args: [
        [[46023], [46030], [46045]],
        [[46053], [46090], [46050]],
      ],
      result: 31.666666666666668,
      note: 'three deals taking 30, 60 and 5 days: 95 / 3 ≈ 31.7 days on average',
    },
    {
      args: [
        [[46023], [46030], [null]],
        [[46053], [null], [46050]],
      ],
      result: 30,
      note: 'only the first deal has both dates, so only it counts: 30 days',
    },
    {
      args: [[[46023]], [[46000]]],
      result: '#VALUE!',
      note: 'a deal cannot close before it opened',
    },
    {
      args: [
        [[46023], [null]],
        [[null], [46050]],
      ],
      result: '#DIV/0!',
      note: 'no deal has both dates yet',
    },
  ],
  compute: averageCycle,
};

export const cycleFunctions: FunctionSpec[] = [
  ratioFunction({
    name: 'SALES_CYCLE_LENGTH',
    category,
    description: 'Average number of days it takes to close a deal.',
    numerator: {
      name: 'total_days',
      description: 'Total number of days taken to close all deals in the period, added up.',
      kind: 'days',
    },
    denominator: {
      name: 'deals_closed',
      description: 'Number of deals closed in the period.',
      kind: 'count',
    },
    result: 'days',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [540, 12], result: 45, note: '12 deals took 540 days in all: 45 days per deal' },
      { args: [540, 0], result: '#DIV/0!', note: 'no deals closed yet' },
    ],
  }),
  averageSalesCycle,
  ratioFunction({
    name: 'ACTIVITIES_PER_OUTCOME',
    category,
    description: 'Number of sales activities needed per outcome (e.g. calls per meeting booked).',
    numerator: {
      name: 'activities',
      description: 'Number of activities done: calls made, emails sent, follow-ups conducted.',
      kind: 'count',
    },
    denominator: {
      name: 'outcomes',
      description: 'Number of outcomes they produced: meetings scheduled, deals, replies.',
      kind: 'count',
    },
    result: 'number',
    partOfWhole: false,
    source: STANDARD,
    examples: [
      { args: [600, 24], result: 25, note: '600 calls booked 24 meetings: 25 calls per meeting' },
      { args: [600, 0], result: '#DIV/0!', note: 'no meetings booked yet' },
    ],
  }),
];

/** The native formulas of this file's functions (core/formulas/natives.ts), apart from their math. */
export const cycleNatives: Record<string, NativeDefinition> = {
  // Only the rows where both dates are filled count; a close before its open is refused, and
  // no complete row divides by zero, as the function does.
  AVG_SALES_CYCLE: {
    set: ([open, close]) => {
      const complete = `(${open}<>"")*(${close}<>"")`;
      const closedBefore = `${complete}*(${rangeNumbers(close!)}<${rangeNumbers(open!)})`;
      return (
        `IF(SUMPRODUCT(${closedBefore})>0,#VALUE!,` +
        `SUMPRODUCT(${complete}*(${close}-${open}))/SUMPRODUCT(${complete}))`
      );
    },
  },
};
