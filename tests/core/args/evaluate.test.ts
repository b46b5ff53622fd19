// Spec rules 2, 3 and 5 in the shared argument engine: blanks, order of checks, shapes, messages, no throws.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../core/args/evaluate';
import { KIND_DOMAINS } from '../../../core/args/kinds';
import { isKpiError } from '../../../core/errors';
import type { KpiError } from '../../../core/errors';
import { FUNCTIONS, callFunction } from '../../../core/registry/index';
import type { EachFunctionSpec } from '../../../core/registry/types';
import type { KpiResult } from '../../../core/values';
import { expectError } from '../../support/expect-error';
import { show } from '../../support/results';

/** Arguments that pass every kind's domain (1 is a count, a fraction, a score, a date and TRUE). */
function ones(count: number, range: boolean): unknown[] {
  return Array.from({ length: count }, () => (range ? [[1]] : 1));
}

/** A throwaway "each" function for engine behaviour no catalogue function exercises. */
function testFunction(compute: EachFunctionSpec['compute']): EachFunctionSpec {
  return {
    mode: 'each',
    name: 'TEST_FN',
    category: 'Growth and goals',
    description: 'test',
    params: [{ name: 'value', description: 'a value', kind: 'signedNumber' }],
    result: 'number',
    source: 'test',
    examples: [],
    compute,
  };
}

describe('blanks (rule 3)', () => {
  it.each([null, undefined, ''])('make an element %j ""', (blank) => {
    expect(callFunction('LEAD_CONVERSION', [blank, 400])).toBe('');
    expect(callFunction('LEAD_CONVERSION', [120, blank])).toBe('');
  });

  it('count a missing required argument as blank', () => {
    expect(callFunction('LEAD_CONVERSION', [120])).toBe('');
    expect(callFunction('LEAD_CONVERSION', [])).toBe('');
  });

  const withOptional = FUNCTIONS.filter(
    (spec) => spec.mode === 'each' && spec.params.some((p) => p.default !== undefined),
  );

  it.each(withOptional.map((spec) => [spec.name, spec] as const))(
    'make %s use the default for a blank or omitted optional parameter',
    (name, spec) => {
      spec.params.forEach((param, index) => {
        if (param.default === undefined) return;
        const given = ones(spec.params.length, false);
        given[index] = param.default;
        const expected = callFunction(name, given);
        expect(isKpiError(expected), show(expected)).toBe(false);
        for (const blank of [null, undefined, '']) {
          const args = ones(spec.params.length, false);
          args[index] = blank;
          expect(callFunction(name, args), `${param.name} = ${show(blank)}`).toEqual(expected);
        }
        if (spec.params.slice(index).every((p) => p.default !== undefined)) {
          const truncated = ones(index, false);
          const allDefaults = [...truncated, ...spec.params.slice(index).map((p) => p.default)];
          expect(callFunction(name, truncated)).toEqual(callFunction(name, allDefaults));
        }
      });
    },
  );

  it('are skipped by set parameters', () => {
    // (2 promoters − 1 detractor) / 4 scores × 100; the blanks are not scores.
    expect(callFunction('NPS', [[[9], [null], [10], [''], [7], [3]]])).toBe(25);
  });
});

describe('order of checks (rule 5)', () => {
  it('blank beats text', () => {
    expect(callFunction('LEAD_CONVERSION', ['', 'abc'])).toBe('');
  });

  it('text beats domain', () => {
    const error = expectError(callFunction('LEAD_CONVERSION', ['abc', -1]), '#VALUE!');
    expect(error.message).toContain('converted');
    expect(error.message).toContain('"abc"');
  });

  it('domain beats #DIV/0!', () => {
    const error = expectError(callFunction('LEAD_CONVERSION', [-1, 0]), '#VALUE!');
    expect(error.message).toContain('converted (-1)');
  });

  it('#DIV/0! beats part > whole', () => {
    expectError(callFunction('LEAD_CONVERSION', [5, 0]), '#DIV/0!');
  });

  it('part > whole comes last, with the message the spec gives', () => {
    const error = expectError(callFunction('LEAD_CONVERSION', [120, 100]), '#VALUE!');
    expect(error.message).toBe('LEAD_CONVERSION: converted (120) cannot exceed total_leads (100)');
  });

  it('names the zero denominator', () => {
    const error = expectError(callFunction('LEAD_CONVERSION', [0, 0]), '#DIV/0!');
    expect(error.message).toBe('LEAD_CONVERSION: total_leads is 0');
  });
});

describe('shapes (rule 2)', () => {
  it('treat a 1×1 range as a single value', () => {
    expect(callFunction('LEAD_CONVERSION', [[[1]], [[4]]])).toBe(0.25);
    expect(callFunction('LEAD_CONVERSION', [[[1]], 4])).toBe(0.25);
  });

  it('broadcast a single value across a range and keep the range shape', () => {
    expect(callFunction('LEAD_CONVERSION', [[[1], [2], ['']], 4])).toEqual([[0.25], [0.5], ['']]);
    expect(callFunction('LEAD_CONVERSION', [[[1, 2, 3]], [[4]]])).toEqual([[0.25, 0.5, 0.75]]);
  });

  it('pair equal ranges cell by cell, with errors in their own cells', () => {
    const result = callFunction('LEAD_CONVERSION', [
      [
        [1, 2, 5],
        [3, null, 'x'],
      ],
      [
        [4, 8, 0],
        [2, 4, 4],
      ],
    ]) as unknown[][];
    expect(result).toHaveLength(2);
    expect(result[0]!.slice(0, 2)).toEqual([0.25, 0.25]);
    expectError(result[0]![2] as KpiResult, '#DIV/0!');
    expectError(result[1]![0] as KpiResult, '#VALUE!');
    expect(result[1]![1]).toBe('');
    expectError(result[1]![2] as KpiResult, '#VALUE!');
  });

  it('give one #VALUE! for a row against a column', () => {
    const error = expectError(callFunction('LEAD_CONVERSION', [[[1, 2]], [[4], [4]]]), '#VALUE!');
    expect(error.message).toContain('converted (1×2)');
    expect(error.message).toContain('total_leads (2×1)');
  });

  it('give #VALUE! for ragged and empty ranges', () => {
    expectError(callFunction('LEAD_CONVERSION', [[[1, 2], [3]], 4]), '#VALUE!');
    expectError(callFunction('LEAD_CONVERSION', [[], 4]), '#VALUE!');
    expectError(callFunction('LEAD_CONVERSION', [[[]], 4]), '#VALUE!');
  });

  it('name the first bad argument even when its bad row comes late in a long column', () => {
    const column = (rows: number) => Array.from({ length: rows }, () => [1]);
    const ragged = column(1000);
    ragged[700] = [1, 2];
    // total_leads is also a row shorter, but converted comes first and is not rectangular.
    const error = expectError(callFunction('LEAD_CONVERSION', [ragged, column(999)]), '#VALUE!');
    expect(error.message).toBe('LEAD_CONVERSION: converted is not a rectangular range');
    const scores = column(1000);
    scores[999] = [1, 2];
    expect(expectError(callFunction('NPS', [scores]), '#VALUE!').message).toBe(
      'NPS: scores is not a rectangular range',
    );
  });

  it('name a ragged range even where another argument holds text in the same row', () => {
    const converted = Array.from({ length: 1000 }, () => [1] as unknown[]);
    converted[500] = ['x'];
    const totalLeads = Array.from({ length: 1000 }, () => [4]);
    totalLeads[500] = [4, 4];
    const error = expectError(callFunction('LEAD_CONVERSION', [converted, totalLeads]), '#VALUE!');
    expect(error.message).toBe('LEAD_CONVERSION: total_leads is not a rectangular range');
  });

  it('read a list whose late cell is not a row as one row of cells', () => {
    const converted: unknown[] = Array.from({ length: 1000 }, () => [1]);
    converted[900] = 1;
    const totalLeads = Array.from({ length: 1000 }, () => [4]);
    const error = expectError(callFunction('LEAD_CONVERSION', [converted, totalLeads]), '#VALUE!');
    expect(error.message).toBe(
      'LEAD_CONVERSION: converted (1×1000) and total_leads (1000×1) must be ranges of the same shape',
    );
  });

  it('give a set call only its own cells, after longer, shorter and equal calls', () => {
    const avg = (opens: number[], closes: (number | null)[]) =>
      callFunction('AVG_SALES_CYCLE', [opens.map((v) => [v]), closes.map((v) => [v])]);
    expect(avg([1, 2, 3], [11, 12, 13])).toBe(10);
    expect(avg([1], [3])).toBe(2);
    expect(avg([1, 2, 1], [5, 4, null])).toBe(3);
    expect(avg([1, 1, 1, 1], [2, 2, 2, 6])).toBe(2);
  });

  it('give #VALUE! for set ranges of different sizes', () => {
    expectError(
      callFunction('AVG_SALES_CYCLE', [
        [[1], [2]],
        [[3], [4], [5]],
      ]),
      '#VALUE!',
    );
  });

  it('give #VALUE! for set ranges of the same size but another shape', () => {
    const columnAgainstRow = expectError(
      callFunction('AVG_SALES_CYCLE', [[[1], [2], [3]], [[4, 5, 6]]]),
      '#VALUE!',
    );
    expect(columnAgainstRow.message).toContain('open_dates (3×1)');
    expect(columnAgainstRow.message).toContain('close_dates (1×3)');
    expectError(
      callFunction('VENDOR_SCORE', [
        [
          [1, 2],
          [3, 4],
        ],
        [[0.25, 0.25, 0.25, 0.25]],
      ]),
      '#VALUE!',
    );
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s arguments', (name, spec) => {
  const range = spec.mode === 'set';
  const wrap = (value: unknown) => (range ? [[value]] : value);

  it('rejects one argument too many', () => {
    const error = expectError(callFunction(name, ones(spec.params.length + 1, range)), '#VALUE!');
    expect(error.message.startsWith(`${name}:`)).toBe(true);
  });

  it('names the function, the parameter and the value of text it cannot read', () => {
    spec.params.forEach((param, index) => {
      const args = ones(spec.params.length, range);
      args[index] = wrap('twelve');
      const error = expectError(callFunction(name, args), '#VALUE!');
      expect(error.message).toContain(`${name}: ${param.name}`);
      expect(error.message).toContain('"twelve"');
    });
  });

  it('names the parameter and the value of a negative amount', () => {
    spec.params.forEach((param, index) => {
      if (KIND_DOMAINS[param.kind].min !== 0) return;
      const args = ones(spec.params.length, range);
      args[index] = wrap(-3);
      const error = expectError(callFunction(name, args), '#VALUE!');
      expect(error.message).toContain(`${name}: ${param.name}`);
      expect(error.message).toContain('-3');
    });
  });

  it('suggests 40% or 0.4 when a fraction is given as 40', () => {
    spec.params.forEach((param, index) => {
      if (KIND_DOMAINS[param.kind].max !== 1 || KIND_DOMAINS[param.kind].integer) return;
      const args = ones(spec.params.length, range);
      args[index] = wrap(40);
      const error = expectError(callFunction(name, args), '#VALUE!');
      expect(error.message).toContain(`${name}: ${param.name} (40)`);
      expect(error.message).toContain('40%');
      expect(error.message).toContain('0.4');
    });
  });
});

describe('the engine', () => {
  it('suggests the fraction without binary noise', () => {
    const error = callFunction('CLV', [500, 4, 3, 33.3]) as KpiError;
    expect(error.message).toContain('for 33.3% enter 33.3% or 0.333');
  });

  it('turns an exception in the math into #VALUE! instead of throwing', () => {
    const spec = testFunction(() => {
      throw new Error('boom');
    });
    const error = expectError(evaluate(spec, [1]), '#VALUE!');
    expect(error.message).toContain('TEST_FN');
  });

  it('never returns an infinite or NaN result', () => {
    expectError(
      evaluate(
        testFunction((x) => x[0]! * 1e308),
        [10],
      ),
      '#VALUE!',
    );
    expectError(
      evaluate(
        testFunction(() => Number.NaN),
        [1],
      ),
      '#VALUE!',
    );
  });

  it('rejects non-finite numbers as inputs', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = expectError(callFunction('LEAD_CONVERSION', [value, 4]), '#VALUE!');
      expect(error.message).toContain('converted');
    }
  });

  it('refuses an unknown function name (a host bug, not a user error)', () => {
    expect(() => callFunction('NO_SUCH_KPI', [])).toThrow(/NO_SUCH_KPI/);
  });
});
