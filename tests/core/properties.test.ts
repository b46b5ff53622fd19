// Property tests over every registry function: no input makes it throw or return a non-KPI value, and
// a range call equals the element-by-element scalar calls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { ScalarResult } from '../../core/values';
import { anyArgs, matrixOf, plausibleCell } from '../support/generators';
import { resultProblem, sameScalar, show } from '../support/results';

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
