// Cell values for differential tests: valid ones of a domain, and every kind of bad input a user can type or paste.
import fc from 'fast-check';
import type { KindDomain } from '../../core/args/kinds';

/** A value a spreadsheet cell can hold as typed or pasted: a number, text, TRUE/FALSE, or blank (null). */
export type InputCell = number | string | boolean | null;

/**
 * Text that is not a number in any spreadsheet or in the functions. Text that spreadsheets read
 * as numbers in their own locale ("$1,200", "1/2/2026", "−5" with a typographic minus) is left
 * out: the functions refuse it, the spreadsheets' arithmetic reads it (README, "Formula modes").
 */
const NOT_NUMBERS = ['abc', 'n/a', 'x1', '12 apples', '-', ' '];

/** Text that reads as TRUE: not a number in the functions, Excel, Sheets or HyperFormula. */
const BOOLEAN_TEXT = ['TRUE', 'false'];

/** Text a user means as a number: plain, padded, with a percent sign or an exponent. */
function asText(value: number, percent: boolean): fc.Arbitrary<string> {
  const forms = [String(value), ` ${value} `];
  if (percent) forms.push(`${Number((value * 100).toPrecision(12))}%`);
  if (Number.isInteger(value) && value !== 0) forms.push(`${value / 10}e1`);
  return fc.constantFrom(...forms);
}

/** Valid numbers of a domain: zeros, whole numbers, quarters, and for bounded domains steps across them. */
export function validNumber(domain: KindDomain): fc.Arbitrary<number> {
  const min = domain.min ?? -1000;
  if (domain.max !== undefined) {
    const max = domain.max;
    if (domain.integer) return fc.integer({ min, max });
    return fc.integer({ min: 0, max: 20 }).map((step) => min + ((max - min) * step) / 20);
  }
  if (domain.isDate) return fc.integer({ min: Math.max(min, 43831), max: 47483 });
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min, max: 1000 }), weight: 7 },
    { arbitrary: fc.integer({ min: min * 4, max: 4000 }).map((k) => k / 4), weight: 2 },
  );
}

/** Numbers just outside a domain: negative where it starts at 0, above its top (40 meant as 40%), not whole. */
function outOfDomain(domain: KindDomain): fc.Arbitrary<number> | null {
  const options: fc.Arbitrary<number>[] = [];
  if (domain.min !== undefined)
    options.push(fc.integer({ min: 1, max: 500 }).map((n) => domain.min! - n));
  if (domain.max !== undefined)
    options.push(fc.constantFrom(domain.max + 0.5, domain.max * 40, domain.max * 120));
  if (domain.integer) options.push(fc.constantFrom(7.5, 0.25, 9.9));
  return options.length === 0 ? null : fc.oneof(...options);
}

/** How often each sort of value is drawn, out of the sum of the weights. */
export interface Mix {
  valid: number;
  blank: number;
  numericText: number;
  text: number;
  /** TRUE/FALSE, and text that reads as one ("TRUE"). */
  boolean: number;
  outOfDomain: number;
}

/** Mostly valid values, every sort of bad one regularly. */
export const DEFAULT_MIX: Mix = {
  valid: 12,
  blank: 2,
  numericText: 2,
  text: 1,
  boolean: 1,
  outOfDomain: 2,
};

/**
 * One cell of a domain: valid numbers (zeros included), blanks, the same numbers typed as
 * text, text that is not a number, TRUE/FALSE, and numbers outside the domain. A flag domain
 * takes TRUE/FALSE and numbers as valid values.
 */
export function inputCell(domain: KindDomain, mix: Mix = DEFAULT_MIX): fc.Arbitrary<InputCell> {
  const valid: fc.Arbitrary<InputCell> = domain.isFlag
    ? fc.oneof(fc.boolean(), fc.constantFrom(0, 1))
    : validNumber(domain);
  const sorts: { arbitrary: fc.Arbitrary<InputCell>; weight: number }[] = [
    { arbitrary: valid, weight: mix.valid },
    { arbitrary: fc.constant(null), weight: mix.blank },
    { arbitrary: fc.constantFrom(...NOT_NUMBERS), weight: mix.text },
  ];
  if (!domain.isFlag) {
    sorts.push({
      arbitrary: validNumber(domain).chain((n) => asText(n, domain.percent === true)),
      weight: mix.numericText,
    });
    sorts.push({
      arbitrary: fc.oneof(fc.boolean(), fc.constantFrom(...BOOLEAN_TEXT)),
      weight: mix.boolean,
    });
  }
  const outside = outOfDomain(domain);
  if (outside) sorts.push({ arbitrary: outside, weight: mix.outOfDomain });
  return fc.oneof(...sorts.filter((s) => s.weight > 0));
}
