// Parameter kinds: what values each kind of input may take (spec rule 5), shared by the
// argument checks, the help texts and the templates' data validation.

/** What a parameter holds; decides its domain check and the validation a template puts on it. */
export type ParamKind =
  | 'count' // how many of something: ≥ 0
  | 'money' // an amount of money: ≥ 0
  | 'signedMoney' // money that may be negative (savings, actuals)
  | 'days' // a duration in days: ≥ 0
  | 'years' // a duration in years: ≥ 0
  | 'months' // a duration in months: ≥ 0
  | 'fraction' // a share 0…1 (margin, discount, commission, weight, win rate, tolerance)
  | 'ratio' // a non-negative ratio that may exceed 1 (attainment)
  | 'number' // a non-negative number (scores, values)
  | 'signedNumber' // any finite number
  | 'date' // a date: serial number ≥ 0 or a Date
  | 'npsScore' // a whole number 0…10
  | 'flag'; // TRUE/FALSE (numbers: 0 is FALSE)

/** The validation a host can put on an input cell of this kind. */
export interface KindDomain {
  min?: number;
  max?: number;
  integer?: boolean;
  isDate?: boolean;
  isFlag?: boolean;
}

export const KIND_DOMAINS: Record<ParamKind, KindDomain> = {
  count: { min: 0 },
  money: { min: 0 },
  signedMoney: {},
  days: { min: 0 },
  years: { min: 0 },
  months: { min: 0 },
  fraction: { min: 0, max: 1 },
  ratio: { min: 0 },
  number: { min: 0 },
  signedNumber: {},
  date: { min: 0, isDate: true },
  npsScore: { min: 0, max: 10, integer: true },
  flag: { isFlag: true },
};

/**
 * Why `value` is outside the domain of `kind`, as the end of a sentence
 * ("cannot be negative"), or null when it is inside.
 */
export function domainProblem(kind: ParamKind, value: number): string | null {
  switch (kind) {
    case 'signedMoney':
    case 'signedNumber':
    case 'flag':
      return null;
    case 'fraction':
      if (value < 0) return 'must be a fraction between 0 and 1, not negative';
      if (value > 1) {
        // toPrecision drops binary noise: 33.3 / 100 is 0.33299999999999996.
        const share = Number((value / 100).toPrecision(12));
        const hint = value <= 100 ? `; for ${value}% enter ${value}% or ${share}` : '';
        return `must be a fraction between 0 and 1${hint}`;
      }
      return null;
    case 'npsScore':
      return value >= 0 && value <= 10 && Number.isInteger(value)
        ? null
        : 'must be a whole number from 0 to 10';
    default:
      return value < 0 ? 'cannot be negative' : null;
  }
}
