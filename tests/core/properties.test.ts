// Property tests over every registry function: no input makes it throw or return a non-KPI value,
// a range call equals the element-by-element scalar calls, and numeric text counts as its number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { ScalarResult } from '../../core/values';
import { anyArgs, matrixOf, plausibleCell } from '../support/generators';
import { closeTo, resultProblem, sameScalar, show } from '../support/results';

const NUM_RUNS = 200;

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  it('returns only KPI results for any arguments, and never throws', () => {
    fc.assert(
      fc.property(anyArgs(spec.params.length), (args) => {
        const result = callFunction(name, args);
        const problem = resultProblem(name, result);
        if (problem) throw new Error(`${problem} for (${args.map(show).join(', ')})`);
        if (spec.mode === 'set' && Array.isArray(result))
          throw new Error(`a set function returned a range: ${show(result)}`);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

const eachFunctions = FUNCTIONS.filter((spec) => spec.mode === 'each');

describe.each(eachFunctions.map((spec) => [spec.name, spec] as const))(
  '%s ranges',
  (name, spec) => {
    it('computes a range call element by element', () => {
      const cases = fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
        .chain(([rows, cols]) =>
          fc.tuple(
            fc.constant([rows, cols] as const),
            fc.tuple(
              ...spec.params.map(() =>
                fc.oneof(
                  plausibleCell.map((value) => ({ range: false as const, value })),
                  matrixOf(plausibleCell, rows, cols).map((value) => ({
                    range: true as const,
                    value,
                  })),
                ),
              ),
            ),
          ),
        );
      fc.assert(
        fc.property(cases, ([[rows, cols], args]) => {
          const call = args.map((a) => a.value);
          const result = callFunction(name, call);
          const isRangeCall = args.some((a) => a.range) && rows * cols > 1;
          if (!isRangeCall) return;
          if (!Array.isArray(result))
            throw new Error(`expected a ${rows}×${cols} range, got ${show(result)}`);
          expect(result).toHaveLength(rows);
          for (let r = 0; r < rows; r++) {
            expect(result[r]).toHaveLength(cols);
            for (let c = 0; c < cols; c++) {
              const element = args.map((a) =>
                a.range ? (a.value as unknown[][])[r]![c] : a.value,
              );
              const scalar = callFunction(name, element) as ScalarResult;
              const cell = result[r]![c]!;
              if (!sameScalar(cell, scalar))
                throw new Error(
                  `cell ${r},${c}: range gave ${show(cell)}, scalar call (${element.map(show).join(', ')}) gave ${show(scalar)}`,
                );
            }
          }
        }),
        { numRuns: NUM_RUNS },
      );
    });
  },
);

/** Numbers around every kind's bounds: below, at and above 0, 1, 10 and 100, whole and not. */
const NEAR_BOUNDS = [-1, -0.1, 0, 0.5, 1, 1.2, 1.5, 7.5, 10, 11, 40, 100, 101];

/** The texts a user may type for `value`: as written, and as a percentage. */
function textsFor(value: number): string[] {
  return [String(value), `${Number((value * 100).toPrecision(12))}%`];
}

/** The same result: equal numbers or texts, or errors with the same code and message. */
function identical(a: unknown, b: unknown): boolean {
  if (isKpiError(a) || isKpiError(b))
    return isKpiError(a) && isKpiError(b) && a.code === b.code && a.message === b.message;
  return typeof a === 'number' && typeof b === 'number' ? closeTo(a, b) : a === b;
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s bounds', (name, spec) => {
  // One domain check for numbers and numeric text alike: a bound stated twice (the quick check on
  // numbers and the full one on text) lets 1.2 through while "120%" is refused.
  it('gives a number and the text standing for it the same result, alone and in a range', () => {
    const wrap = (value: unknown) => (spec.mode === 'set' ? [[value]] : value);
    spec.params.forEach((param, index) => {
      for (const value of NEAR_BOUNDS) {
        const args: unknown[] = spec.params.map(() => wrap(1));
        args[index] = wrap(value);
        const expected = callFunction(name, args);
        for (const text of textsFor(value)) {
          args[index] = wrap(text);
          const got = callFunction(name, args);
          expect(identical(got, expected), `${param.name} ${show(text)}: ${show(got)}`).toBe(true);
        }
        if (spec.mode === 'set') continue;
        // A column mixing the number and its text takes the quick path for one, the full for the other.
        args[index] = [[value], [textsFor(value)[0]]];
        const column = callFunction(name, args) as unknown[][];
        expect(identical(column[0]![0], expected), `${param.name} ${value} in a range`).toBe(true);
        expect(identical(column[1]![0], expected), `${param.name} text in a range`).toBe(true);
      }
    });
  });
});
