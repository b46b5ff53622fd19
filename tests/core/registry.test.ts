// The registry against the spec's catalogue: names, order, parameters, modes, metadata and worked examples.
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction, getFunction } from '../../core/registry/index';
import type { ResultKind } from '../../core/registry/types';
import { closeTo, show } from '../support/results';
import { loadSpecFunctions } from '../support/spec';

const specFunctions = loadSpecFunctions();
const specByName = new Map(specFunctions.map((f) => [f.name, f]));

/** The spec's result column in the registry's vocabulary. */
const RESULT_KIND: Record<string, ResultKind> = {
  rate: 'rate',
  money: 'money',
  'money per day': 'moneyPerDay',
  days: 'days',
  months: 'months',
  number: 'number',
  '−100…100': 'nps',
  text: 'status',
};

describe('the spec catalogue as parsed', () => {
  it('has 41 functions with unique names', () => {
    expect(specFunctions).toHaveLength(41);
    expect(new Set(specFunctions.map((f) => f.name)).size).toBe(41);
  });

  it('marks exactly AVG_SALES_CYCLE, NPS and VENDOR_SCORE as set functions', () => {
    expect(specFunctions.filter((f) => f.mode === 'set').map((f) => f.name)).toEqual([
      'AVG_SALES_CYCLE',
      'NPS',
      'VENDOR_SCORE',
    ]);
  });

  it('reads defaults as numbers and TRUE as true', () => {
    const kpiStatus = specByName.get('KPI_STATUS')!;
    expect(kpiStatus.params.map((p) => p.default)).toEqual([undefined, undefined, true, 0.1]);
  });
});

describe('the registry', () => {
  it('holds exactly the spec functions, in the spec order', () => {
    expect(FUNCTIONS.map((f) => f.name)).toEqual(specFunctions.map((f) => f.name));
  });

  it('has unique upper-case names, each found by getFunction in any case', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(getFunction(name.toLowerCase())?.name).toBe(name);
    }
  });

  it('defines only functions the spec lists', () => {
    const unknown = FUNCTIONS.map((f) => f.name).filter((name) => !specByName.has(name));
    expect(unknown).toEqual([]);
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  const fromSpec = specByName.get(name);

  it('has the spec parameters: names, order, optional flags and defaults', () => {
    expect(fromSpec, `${name} is not in the spec`).toBeDefined();
    expect(
      spec.params.map((p) => ({
        name: p.name,
        optional: p.default !== undefined,
        default: p.default,
      })),
    ).toEqual(fromSpec!.params);
  });

  it('has the spec mode, category and result kind', () => {
    expect(spec.mode).toBe(fromSpec!.mode);
    expect(spec.category).toBe(fromSpec!.category);
    expect(
      RESULT_KIND[fromSpec!.result],
      `unknown spec result "${fromSpec!.result}"`,
    ).toBeDefined();
    expect(spec.result).toBe(RESULT_KIND[fromSpec!.result]);
  });

  it('describes itself and every parameter, names a source and has noted examples', () => {
    // Longer than a word or two: the descriptions are the hosts' help texts.
    expect(spec.description.trim().length).toBeGreaterThan(10);
    for (const param of spec.params)
      expect(param.description.trim().length, param.name).toBeGreaterThan(10);
    expect(spec.source.trim()).not.toBe('');
    expect(spec.examples.length).toBeGreaterThan(0);
    for (const example of spec.examples)
      expect(example.note?.trim(), show(example.args)).toBeTruthy();
    // Not only failures: one example shows a value of the function's own kind.
    const valueType = spec.result === 'status' ? 'string' : 'number';
    const values = spec.examples.filter(
      (e) => typeof e.result === valueType && !String(e.result).startsWith('#'),
    );
    expect(values.length).toBeGreaterThan(0);
  });

  it('returns what each worked example says', () => {
    for (const example of spec.examples) {
      const label = `${name}(${example.args.map(show).join(', ')})`;
      expect(example.args.length, label).toBeLessThanOrEqual(spec.params.length);
      const actual = callFunction(name, example.args);
      const expected = example.result;
      if (typeof expected === 'number') {
        expect(typeof actual, `${label} gave ${show(actual)}`).toBe('number');
        expect(closeTo(actual as number, expected), `${label} gave ${show(actual)}`).toBe(true);
      } else if (expected.startsWith('#')) {
        expect(isKpiError(actual), `${label} gave ${show(actual)}`).toBe(true);
        expect(isKpiError(actual) && actual.code, label).toBe(expected);
        expect(isKpiError(actual) && actual.message, label).toMatch(new RegExp(`^${name}: `));
      } else {
        expect(actual, label).toBe(expected);
      }
    }
  });
});

const partOfWhole = FUNCTIONS.filter((spec) => specByName.get(spec.name)?.partOfWhole);

describe.each(partOfWhole.map((spec) => [spec.name, spec] as const))(
  '%s (part ≤ whole)',
  (name, spec) => {
    it('divides part by whole and rejects a part above its whole, after the zero check', () => {
      expect(spec.params).toHaveLength(2);
      const [part, whole] = spec.params.map((p) => p.name);
      expect(callFunction(name, [3, 4])).toBe(0.75);
      expect(callFunction(name, [4, 4])).toBe(1);
      const exceeds = callFunction(name, [5, 4]);
      expect(isKpiError(exceeds) && exceeds.message).toBe(
        `${name}: ${part} (5) cannot exceed ${whole} (4)`,
      );
      const zero = callFunction(name, [5, 0]);
      expect(isKpiError(zero) && zero.code).toBe('#DIV/0!');
    });
  },
);
