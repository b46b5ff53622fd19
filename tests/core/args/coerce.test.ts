// Spec rule 4 through the public entry point: numeric text, rejected text and booleans, Dates of any realm, DST.
import { beforeAll, describe, expect, it } from 'vitest';
import { dateToSerial, toNumber } from '../../../core/args/coerce';
import { KIND_DOMAINS } from '../../../core/args/kinds';
import { isKpiError } from '../../../core/errors';
import { FUNCTIONS, callFunction } from '../../../core/registry/index';
import { foreignDate } from '../../support/generators';
import { expectError } from '../../support/expect-error';
import { show } from '../../support/results';

/** Arguments that pass every kind's domain (1 is a count, a fraction, a score, a date and TRUE). */
function ones(count: number, range: boolean): unknown[] {
  return Array.from({ length: count }, () => (range ? [[1]] : 1));
}

beforeAll(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone !== 'Europe/Helsinki')
    throw new Error(`run the tests with TZ=Europe/Helsinki (the DST cases need it), not ${zone}`);
});

describe('numeric text', () => {
  it('reads plain numbers with spaces, percent signs and exponents', () => {
    expect(callFunction('LEAD_CONVERSION', [' 1200 ', 2400])).toBe(0.5);
    expect(callFunction('LEAD_CONVERSION', ['25%', 1])).toBe(0.25);
    expect(callFunction('LEAD_CONVERSION', ['1e3', 2000])).toBe(0.5);
    expect(callFunction('LEAD_CONVERSION', ['120', '400'])).toBe(0.3);
  });

  it('reads a percent sign after a space and the typographic minus, as Finnish text has them', () => {
    expect(callFunction('LEAD_CONVERSION', [' 25 % ', 1])).toBe(0.25);
    expect(callFunction('GROWTH_RATE', ['\u22125', 10])).toBe(-1.5);
  });

  it.each(['abc', '1,200', 'TRUE', '12 leads', '%', '25 %%'])(
    'rejects %j with a message quoting it',
    (text) => {
      const error = expectError(callFunction('LEAD_CONVERSION', [text, 400]), '#VALUE!');
      expect(error.message).toContain('LEAD_CONVERSION');
      expect(error.message).toContain('converted');
      expect(error.message).toContain(JSON.stringify(text));
    },
  );
});

describe('booleans', () => {
  const nonFlags = FUNCTIONS.flatMap((spec) =>
    spec.params
      .map((param, index) => ({ spec, param, index }))
      .filter(({ param }) => !KIND_DOMAINS[param.kind].isFlag),
  );

  it.each(nonFlags.map((c) => [`${c.spec.name} ${c.param.name}`, c] as const))(
    'are rejected by %s',
    (_label, { spec, param, index }) => {
      for (const flag of [true, false]) {
        const args = ones(spec.params.length, spec.mode === 'set');
        args[index] = spec.mode === 'set' ? [[flag]] : flag;
        const error = expectError(callFunction(spec.name, args), '#VALUE!');
        expect(error.message).toContain(`${spec.name}: ${param.name}`);
        expect(error.message).toContain(flag ? 'TRUE' : 'FALSE');
      }
    },
  );

  const flags = FUNCTIONS.flatMap((spec) =>
    spec.params
      .map((param, index) => ({ spec, param, index }))
      .filter(({ param }) => KIND_DOMAINS[param.kind].isFlag),
  );

  it('exist as flag parameters in the registry', () => {
    expect(flags.length).toBeGreaterThan(0);
  });

  it.each(flags.map((c) => [`${c.spec.name} ${c.param.name}`, c] as const))(
    'are accepted by the flag %s, as 1 and 0',
    (_label, { spec, index }) => {
      for (const [flag, number] of [
        [true, 1],
        [false, 0],
      ] as const) {
        const withFlag = ones(spec.params.length, false);
        withFlag[index] = flag;
        const withNumber = ones(spec.params.length, false);
        withNumber[index] = number;
        const result = callFunction(spec.name, withFlag);
        expect(isKpiError(result), show(result)).toBe(false);
        expect(result).toEqual(callFunction(spec.name, withNumber));
      }
    },
  );
});

describe('dates', () => {
  it('are Excel serial numbers of their local calendar day', () => {
    // 2025-01-01 is serial 45658 (Excel); 2026 starts 365 days later, and March 29 is
    // 31 + 28 + 28 days after January 1.
    expect(dateToSerial(new Date(2026, 0, 1))).toBe(46023);
    expect(dateToSerial(new Date(2026, 2, 29))).toBe(46110);
    expect(dateToSerial(new Date(2026, 2, 29, 12))).toBe(46110.5);
    expect(toNumber(new Date(Number.NaN))).toBeNaN();
  });

  it('are read the same when they come from another realm', () => {
    const foreign = foreignDate(2026, 2, 29);
    expect(foreign instanceof Date).toBe(false);
    expect(toNumber(foreign)).toBe(46110);
    expect(callFunction('AVG_SALES_CYCLE', [[[foreign]], [[foreignDate(2026, 3, 28)]]])).toBe(30);
  });

  it('give whole days for every day of 2026, across both DST changes', () => {
    const start = dateToSerial(new Date(2026, 0, 1));
    for (let day = 1; day <= 365; day++)
      expect(dateToSerial(new Date(2026, 0, day)) - start).toBe(day - 1);
  });

  it.each([
    ['spring forward', new Date(2026, 2, 28), new Date(2026, 2, 30), 2],
    ['spring forward day', new Date(2026, 2, 29), new Date(2026, 2, 30), 1],
    ['fall back', new Date(2026, 9, 24), new Date(2026, 9, 26), 2],
    ['fall back day', new Date(2026, 9, 25), new Date(2026, 9, 26), 1],
    ['a whole summer', new Date(2026, 2, 1), new Date(2026, 10, 1), 245],
  ])('count whole days over the %s in AVG_SALES_CYCLE', (_label, open, close, days) => {
    expect(callFunction('AVG_SALES_CYCLE', [[[open]], [[close]]])).toBe(days);
    const [y1, m1, d1] = [open.getFullYear(), open.getMonth(), open.getDate()];
    const [y2, m2, d2] = [close.getFullYear(), close.getMonth(), close.getDate()];
    expect(
      callFunction('AVG_SALES_CYCLE', [[[foreignDate(y1, m1, d1)]], [[foreignDate(y2, m2, d2)]]]),
    ).toBe(days);
  });

  it('mix with serial numbers', () => {
    expect(callFunction('AVG_SALES_CYCLE', [[[46110]], [[new Date(2026, 2, 30)]]])).toBe(1);
  });

  it('reject an invalid Date as not a number', () => {
    const error = expectError(
      callFunction('AVG_SALES_CYCLE', [[[new Date(Number.NaN)]], [[46110]]]),
      '#VALUE!',
    );
    expect(error.message).toContain('open_dates');
  });
});
