// People, vendors and status: turnover, incentive pay, vendor scores and KPI status (spec section).
import {
  compare,
  constant,
  ifThen,
  minus,
  plus,
  rangeNumbers,
  text,
  times,
  type NativeDefinition,
  type Operand,
  type Term,
} from '../formulas/native';
import type { FunctionSpec, Problem } from '../registry/types';
import { ratioFunction } from './ratio';
import { STATUS_TEXTS } from './status-texts';
import { CONVERGYS, STANDARD } from './sources';

const category = 'People, vendors and status';

const WEIGHTS_SUM_TO_ZERO: Problem = {
  problem: 'divisionByZero',
  param: 1,
  reason: 'of the filled pairs add up to 0',
};

/** KPI_STATUS results: stable identifiers that templates and conditional formats match on. */
const { onTrack: ON_TRACK, atRisk: AT_RISK, offTrack: OFF_TRACK } = STATUS_TEXTS;

const DEFAULT_INDIVIDUAL_WEIGHT = 0.7;
const DEFAULT_HIGHER_IS_BETTER = true;
const DEFAULT_TOLERANCE = 0.1;

/*
 * Spreadsheets compare numbers that differ only in their last binary digits as equal (Excel and
 * Sheets to about 15 significant digits, LibreOffice to 2^-48, HyperFormula to 1e-13), so an
 * actual of 4.5% meets a boundary of 5% × (1 − 10%), which binary arithmetic makes
 * 0.045000000000000005. KPI_STATUS compares the same way, so its native formula can use plain
 * comparisons and still agree.
 */
const COMPARE_PRECISION = 1e-14;

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= COMPARE_PRECISION * Math.max(Math.abs(a), Math.abs(b));
}

const atLeast = (a: number, b: number) => a >= b || nearlyEqual(a, b);
const atMost = (a: number, b: number) => a <= b || nearlyEqual(a, b);

/** KPI_STATUS in formula terms: met, within tolerance of the target, or neither. */
function nativeStatus([actual, target, higherIsBetter, tolerance]: Operand[]): Term {
  const status = (better: '>=' | '<=', boundary: Term) =>
    ifThen(
      compare(actual!.number, better, target!.number),
      text(ON_TRACK),
      ifThen(compare(actual!.number, better, boundary), text(AT_RISK), text(OFF_TRACK)),
    );
  const below = times(target!.number, minus(constant(1), tolerance!.value));
  const above = times(target!.number, plus(constant(1), tolerance!.value));
  return ifThen(higherIsBetter!.value, status('>=', below), status('<=', above));
}

export const peopleFunctions: FunctionSpec[] = [
  ratioFunction({
    name: 'TURNOVER_RATE',
    category,
    description: 'Share of the average headcount that left in the period; may exceed 100%.',
    numerator: {
      name: 'departures',
      description: 'Number of people (e.g. sales reps) who left in the period.',
      kind: 'count',
    },
    denominator: {
      name: 'avg_headcount',
      description: 'Average number of people employed during the period.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: false,
    source: `${STANDARD}; example: zero rep turnover in ${CONVERGYS}`,
    examples: [
      { args: [3, 20], result: 0.15, note: '3 of an average 20 reps left: 15%' },
      { args: [0, 25], result: 0, note: 'zero rep turnover' },
      { args: [2, 0], result: '#DIV/0!', note: 'no headcount' },
    ],
  }),
  {
    mode: 'each',
    name: 'INCENTIVE_PAY',
    category,
    description: 'Incentive pay from individual and team attainment, weighted to the individual.',
    params: [
      {
        name: 'target_pay',
        description: 'Incentive paid at 100% attainment.',
        kind: 'money',
      },
      {
        name: 'individual_attainment',
        description: 'The person’s attainment of their own goal, e.g. 120%.',
        kind: 'ratio',
      },
      {
        name: 'team_attainment',
        description: 'The team’s attainment of its goal, e.g. 90%.',
        kind: 'ratio',
      },
      {
        name: 'individual_weight',
        description: 'Weight of individual attainment; the team gets the rest.',
        kind: 'fraction',
        default: DEFAULT_INDIVIDUAL_WEIGHT,
      },
    ],
    result: 'money',
    source: `${CONVERGYS}: pay on team and individual results, weighted toward the individual`,
    examples: [
      {
        args: [10_000, 1.2, 0.9],
        result: 11_100,
        note: '$10k target, 120% individual and 90% team at 70/30: $11,100',
      },
      {
        args: [10_000, 1.2, 0.9, 0.5],
        result: 10_500,
        note: 'the same split 50/50: $10,500',
      },
      { args: [10_000, 1.2, 0.9, 70], result: '#VALUE!', note: 'enter the weight as 70% or 0.7' },
    ],
    compute: (x) => x[0]! * (x[3]! * x[1]! + (1 - x[3]!) * x[2]!),
  },
  {
    mode: 'set',
    name: 'VENDOR_SCORE',
    category,
    description:
      'Weighted average score of a vendor over the evaluation questions, with weights on any scale.',
    params: [
      {
        name: 'scores',
        description: 'The vendor’s score on each question (e.g. 1 to 5); blanks are skipped.',
        kind: 'number',
      },
      {
        name: 'weights',
        description:
          'Importance of each question on any scale (1–5, percentages, 0.5…): only the ratios between weights matter. Same shape as scores; blanks are skipped.',
        kind: 'weight',
      },
    ],
    result: 'number',
    source: STANDARD,
    examples: [
      {
        args: [
          [[4], [5]],
          [[1], [5]],
        ],
        result: 29 / 6,
        note: 'weights on a 1–5 scale: (4 × 1 + 5 × 5) / (1 + 5) = 29 / 6 ≈ 4.83',
      },
      {
        args: [
          [[4], [3], [5]],
          [[0.5], [0.3], [0.2]],
        ],
        result: 3.9,
        note: 'scores 4, 3, 5 weighted 50%, 30%, 20%: 3.9',
      },
      {
        args: [
          [[4], [null], [5]],
          [[0.5], [0.3], [0.2]],
        ],
        result: 4.285714285714286,
        note: 'an unanswered question is left out: (2 + 1) / 0.7',
      },
      {
        args: [
          [[4], [3]],
          [[0], [0]],
        ],
        result: '#DIV/0!',
        note: 'all weights are zero',
      },
    ],
    compute: (sets) => {
      const scores = sets[0]!;
      const weights = sets[1]!;
      let weighted = 0;
      let totalWeight = 0;
      for (let i = 0; i < scores.length; i++) {
        const score = scores[i];
        const weight = weights[i];
        if (score == null || weight == null) continue;
        weighted += score * weight;
        totalWeight += weight;
      }
      return totalWeight === 0 ? WEIGHTS_SUM_TO_ZERO : weighted / totalWeight;
    },
  },
  {
    mode: 'each',
    name: 'KPI_STATUS',
    category,
    description:
      'Traffic-light status of a KPI against its target: On track, At risk or Off track.',
    params: [
      {
        name: 'actual',
        description: 'The KPI’s current value; may be negative.',
        kind: 'signedNumber',
      },
      {
        name: 'target',
        description: 'The KPI’s target value; cannot be negative.',
        kind: 'number',
      },
      {
        name: 'higher_is_better',
        description:
          'TRUE when a higher value is better (sales), FALSE when lower is (cost, days).',
        kind: 'flag',
        default: DEFAULT_HIGHER_IS_BETTER,
      },
      {
        name: 'tolerance',
        description: 'How far short of the target still counts as At risk.',
        kind: 'fraction',
        default: DEFAULT_TOLERANCE,
      },
    ],
    result: 'status',
    source: STANDARD,
    examples: [
      { args: [2_350_000, 1_750_000], result: ON_TRACK, note: 'sales above the goal' },
      { args: [0.24, 0.25], result: AT_RISK, note: '24% against a 25% target, within 10%' },
      { args: [0.2, 0.25], result: OFF_TRACK, note: '20% against a 25% target' },
      {
        args: [32, 30, false],
        result: AT_RISK,
        note: 'a 32-day cycle against 30 days, lower is better',
      },
    ],
    compute: (x) => {
      const actual = x[0]!;
      const target = x[1]!;
      const tolerance = x[3]!;
      if (x[2] !== 0) {
        if (atLeast(actual, target)) return ON_TRACK;
        return atLeast(actual, target * (1 - tolerance)) ? AT_RISK : OFF_TRACK;
      }
      if (atMost(actual, target)) return ON_TRACK;
      return atMost(actual, target * (1 + tolerance)) ? AT_RISK : OFF_TRACK;
    },
  },
];

/** The native formulas of this file's functions (core/formulas/natives.ts), apart from their math. */
export const peopleNatives: Record<string, NativeDefinition> = {
  INCENTIVE_PAY: {
    each: ([pay, individual, team, weight]) => ({
      result: times(
        pay!.value,
        plus(
          times(weight!.value, individual!.value),
          times(minus(constant(1), weight!.value), team!.value),
        ),
      ),
    }),
  },
  // A blank score or weight is 0 in the arithmetic, so only complete pairs add up; their
  // weights summing to 0 divides by zero, as the function does.
  VENDOR_SCORE: {
    set: ([scores, weights]) =>
      `SUMPRODUCT(${rangeNumbers(scores!)},${rangeNumbers(weights!)})/` +
      `SUMPRODUCT((${scores}<>"")*${rangeNumbers(weights!)})`,
  },
  KPI_STATUS: { each: (x) => ({ result: nativeStatus(x) }) },
};
