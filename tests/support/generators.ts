// fast-check generators of host arguments: hostile ones for robustness, domain-shaped ones for comparisons.
import vm from 'node:vm';
import fc from 'fast-check';
import { KIND_DOMAINS } from '../../core/args/kinds';
import type { KindDomain, ParamKind } from '../../core/args/kinds';

/** A Date made in another JavaScript realm, as Apps Script hands them over. */
export function foreignDate(year: number, monthIndex: number, day: number): Date {
  return vm.runInNewContext(`new Date(${year}, ${monthIndex}, ${day})`) as Date;
}

const specialNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  10,
  100,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);

const anyNumber = fc.oneof(specialNumber, fc.double(), fc.integer({ min: -1000, max: 1000 }));

const anyText = fc.oneof(
  fc.constantFrom(
    ' 1200 ',
    '25%',
    '1e3',
    '1e400',
    '-5',
    '.5',
    '5.',
    'abc',
    '1,200',
    'TRUE',
    ' ',
    '%',
    'NaN',
    'Infinity',
    '0x10',
    '#DIV/0!',
  ),
  fc.string({ maxLength: 8 }),
);

const blank = fc.constantFrom(null, undefined, '');

const anyDate = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
  fc.constant(foreignDate(2026, 2, 29)),
);

/** Any single cell value a host might pass, and some it should not. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  anyNumber,
  anyText,
  fc.boolean(),
  blank,
  anyDate,
  fc.constant({}),
);

/** Rectangular ranges of `cell` with the given dimensions. */
export function matrixOf<T>(
  cell: fc.Arbitrary<T>,
  rows: number,
  cols: number,
): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
}

const dimension = fc.integer({ min: 1, max: 4 });

/** One argument: a scalar, or a range of any shape (row, column, 1×1, ragged, flat, 3-D, empty). */
export const anyArg: fc.Arbitrary<unknown> = fc.oneof(
  anyCell,
  fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(anyCell, r, c)),
  matrixOf(anyCell, 1, 1),
  fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 4 }),
  fc.array(anyCell, { maxLength: 4 }),
  fc.array(fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 3 }), { maxLength: 3 }),
  fc.array(fc.oneof(anyCell, fc.array(anyCell, { maxLength: 3 })), { maxLength: 3 }),
);

/** An argument list for a function with `paramCount` parameters: too few, all, or one too many. */
export function anyArgs(paramCount: number): fc.Arbitrary<unknown[]> {
  return fc.array(anyArg, { maxLength: paramCount + 1 });
}

/**
 * Cells that are mostly plausible inputs, with blanks and some invalid values mixed in, so that
 * range-versus-scalar comparisons see numbers, "", and both error codes.
 */
export const plausibleCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 200 }), weight: 8 },
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 4 },
  { arbitrary: fc.integer({ min: -50, max: -1 }), weight: 1 },
  { arbitrary: blank, weight: 2 },
  { arbitrary: fc.constantFrom('abc', '25%', ' 12 ', '1e3', true, false), weight: 1 },
  { arbitrary: fc.constantFrom(Number.NaN, foreignDate(2026, 2, 29)), weight: 1 },
);

/** A cell value a native sheet can hold: a number, TRUE/FALSE, or an empty cell. */
export type SheetCell = number | boolean | null;

/** A valid value for a parameter of `kind`, read from its domain (KIND_DOMAINS), zeros included. */
export function validValue(kind: ParamKind): fc.Arbitrary<number | boolean> {
  const domain: KindDomain = KIND_DOMAINS[kind];
  if (domain.isFlag) return fc.boolean();
  const min = domain.min ?? -1000;
  // Serial numbers of 2020…2029: dates are counted in days, so they are whole numbers.
  if (domain.isDate) return fc.integer({ min: Math.max(min, 43831), max: 47483 });
  if (domain.max !== undefined) {
    const max = domain.max;
    if (domain.integer) return fc.integer({ min, max });
    return fc.integer({ min: 0, max: 20 }).map((step) => min + ((max - min) * step) / 20);
  }
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min, max: 1000 }), weight: 7 },
    { arbitrary: fc.integer({ min: min * 4, max: 4000 }).map((k) => k / 4), weight: 2 },
  );
}

/** How the unbounded numbers of one case relate, so part/whole and similar rules often hold. */
export type Ordering = 'independent' | 'ascending' | 'descending' | 'equal';

export const ordering: fc.Arbitrary<Ordering> = fc.constantFrom(
  'independent',
  'ascending',
  'descending',
  'equal',
);

/** Parameters whose values have no upper bound (amounts, counts, dates): the ones an ordering applies to. */
function isUnbounded(kind: ParamKind): boolean {
  const domain = KIND_DOMAINS[kind];
  return !domain.isFlag && domain.max === undefined;
}

/** Reorders the numbers at the unbounded positions of `values` (blanks stay where they are). */
export function applyOrdering(
  values: SheetCell[],
  kinds: readonly ParamKind[],
  order: Ordering,
): SheetCell[] {
  if (order === 'independent') return values;
  const positions = kinds
    .map((_, i) => i)
    .filter((i) => isUnbounded(kinds[i]!) && typeof values[i] === 'number');
  const numbers = positions.map((i) => values[i] as number);
  if (order === 'equal') numbers.fill(numbers[0] ?? 0);
  else numbers.sort((a, b) => (order === 'ascending' ? a - b : b - a));
  const out = [...values];
  positions.forEach((position, k) => {
    out[position] = numbers[k]!;
  });
  return out;
}
