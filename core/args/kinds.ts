// Parameter kinds and their domains (spec rule 5): the one table of bounds that the argument
// checks, their messages, the help texts and the templates' data validation all read.

/** What a parameter holds; decides its domain check and the validation a template puts on it. */
export type ParamKind =
  | 'count' // how many of something: ≥ 0
  | 'money' // an amount of money: ≥ 0
  | 'signedMoney' // money that may be negative (savings, actuals)
  | 'days' // a duration in days: ≥ 0
  | 'years' // a duration in years: ≥ 0
  | 'months' // a duration in months: ≥ 0
  | 'fraction' // a share 0…1 (margin, discount, commission, individual weight, win rate, tolerance)
  | 'ratio' // a non-negative ratio that may exceed 1 (attainment)
  | 'weight' // relative importance on any scale (1–5, percentages…): ≥ 0, only the ratios matter
  | 'number' // a non-negative number (scores, values)
  | 'signedNumber' // any finite number
  | 'date' // a date: serial number ≥ 0 or a Date
  | 'npsScore' // a whole number 0…10
  | 'flag'; // TRUE/FALSE (numbers: 0 is FALSE)

/** The values a kind accepts, and so the validation a host can put on an input cell of it. */
export interface KindDomain {
  min?: number;
  max?: number;
  integer?: boolean;
  isDate?: boolean;
  isFlag?: boolean;
  /** Entered as a percentage: bounds are shown as percentages and 40 gets the "40% or 0.4" hint. */
  percent?: boolean;
}

export const KIND_DOMAINS: Record<ParamKind, KindDomain> = {
  count: { min: 0 },
  money: { min: 0 },
  signedMoney: {},
  days: { min: 0 },
  years: { min: 0 },
  months: { min: 0 },
  fraction: { min: 0, max: 1, percent: true },
  ratio: { min: 0 },
  weight: { min: 0 },
  number: { min: 0 },
  signedNumber: {},
  date: { min: 0, isDate: true },
  npsScore: { min: 0, max: 10, integer: true },
  flag: { isFlag: true },
};

/** `value` / 100 without binary noise: 33.3 / 100 is 0.33299999999999996. */
function hundredth(value: number): number {
  return Number((value / 100).toPrecision(12));
}

/** `value` × 100 without binary noise: 0.07 × 100 is 7.000000000000001. */
function hundredfold(value: number): number {
  return Number((value * 100).toPrecision(12));
}

/**
 * A kind's bounds as a person enters them (a fraction's in percent: 0 and 100), for the
 * {min} and {max} of the help texts; a missing bound is left out.
 */
export function displayBounds(kind: ParamKind): { min?: number; max?: number } {
  const { min, max, percent } = KIND_DOMAINS[kind];
  const shown = (bound: number) => (percent ? hundredfold(bound) : bound);
  return {
    ...(min === undefined ? {} : { min: shown(min) }),
    ...(max === undefined ? {} : { max: shown(max) }),
  };
}

/** A value of this kind as a person enters it: "70%" for a fraction, TRUE/FALSE for a flag. */
export function formatForKind(kind: ParamKind, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return KIND_DOMAINS[kind].percent ? `${hundredfold(value)}%` : String(value);
}

/**
 * A kind's range in words for the functions' help ("From 0% to 100%."), or null for a kind
 * without an upper bound, whose help says what it may hold in its own words.
 */
export function rangeSentence(kind: ParamKind): string | null {
  const domain = KIND_DOMAINS[kind];
  if (domain.max === undefined) return null;
  const { min, max } = displayBounds(kind);
  const unit = domain.percent ? '%' : '';
  const from = min === undefined ? `Up to ${max}${unit}` : `From ${min}${unit} to ${max}${unit}`;
  return domain.integer ? `Whole numbers ${from.toLowerCase()}.` : `${from}.`;
}

/**
 * Why `value` is outside the domain of `kind`, as the end of a sentence ("cannot be negative"),
 * or null when it is inside. The wording is built from the kind's bounds, so a number and the
 * text standing for it ("120%" and 1.2) always get the same answer.
 */
export function domainProblem(kind: ParamKind, value: number): string | null {
  const { min, max, integer, percent } = KIND_DOMAINS[kind];
  const below = min !== undefined && value < min;
  const above = max !== undefined && value > max;
  if (!below && !above && (!integer || Number.isInteger(value))) return null;
  if (integer) return `must be a whole number ${rangeWords(min, max)}`.trimEnd();
  if (max === undefined) return min === 0 ? 'cannot be negative' : `must be ${min} or more`;
  if (min === undefined) return `must be at most ${max}`;
  const what = `must be ${percent ? 'a fraction' : 'a number'} between ${min} and ${max}`;
  if (below) return `${what}, not ${min === 0 ? 'negative' : `below ${min}`}`;
  // 40 meant as 40%: suggest both ways of entering it, when that share is inside the domain.
  const share = hundredth(value);
  return percent && share >= min && share <= max
    ? `${what}; for ${value}% enter ${value}% or ${share}`
    : what;
}

/** "from 0 to 10", "of 0 or more", "of at most 5", or "" for no bounds. */
function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `of ${min} or more`;
  return max === undefined ? '' : `of at most ${max}`;
}
