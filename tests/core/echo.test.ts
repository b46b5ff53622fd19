// Messages quote an offending value in at most 40 characters and "…": a 1,000,000-character cell
// must not become a 1,000,000-character error (Apps Script logs every thrown message).
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../core/args/coerce';
import { isKpiError, shorten } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import { resolveOptions } from '../../core/templates/options';
import { show } from '../support/results';

const HUGE = 'x'.repeat(1_000_000);
const CUT = `${'x'.repeat(40)}…`;

/** The messages of every error in a result, a range's elements included. */
function messagesOf(result: unknown): string[] {
  if (Array.isArray(result)) return result.flat().flatMap(messagesOf);
  return isKpiError(result) ? [result.message] : [];
}

describe('shorten and describeValue', () => {
  it('leave 40 characters as they are and cut the 41st off with "…"', () => {
    const forty = 'a'.repeat(40);
    expect(shorten(forty)).toBe(forty);
    expect(shorten(`${forty}b`)).toBe(`${forty}…`);
    expect(describeValue(forty)).toBe(`"${forty}"`);
    expect(describeValue(`${forty}b`)).toBe(`"${forty}…"`);
  });

  it('quote a 1,000,000-character text in 43 characters', () => {
    expect(describeValue(HUGE)).toBe(`"${CUT}"`);
  });

  it('never cut a character in half', () => {
    // Each emoji is two UTF-16 units: after "a", the 20th emoji would straddle unit 40.
    const emoji = '\u{1F600}';
    expect(shorten(`a${emoji.repeat(30)}`)).toBe(`a${emoji.repeat(19)}…`);
    expect(describeValue(emoji.repeat(30))).toBe(`"${emoji.repeat(20)}…"`);
  });

  it('count escapes in the 40, so control characters cannot make the quote long', () => {
    // "\n" is quoted as two characters: 20 of them fill the 40.
    expect(describeValue('\n'.repeat(1000))).toBe(`"${'\\n'.repeat(20)}…"`);
  });

  it('write numbers in full, since no number is 40 characters long', () => {
    expect(describeValue(-1.2345678901234568e-300)).toBe('-1.2345678901234568e-300');
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  const wrap = (value: unknown) => (spec.mode === 'set' ? [[value]] : value);

  it.each([
    ['a 1,000,000-character text', HUGE],
    ['a 1,000,000-digit number as text', '9'.repeat(1_000_000)],
  ])('quotes %s in at most 40 characters, alone and in a range', (_what, huge) => {
    spec.params.forEach((param, index) => {
      // A set parameter takes the range as one data set, so only "each" ones are tried in a column.
      const cells = spec.mode === 'set' ? [wrap(huge)] : [huge, [[1], [huge]]];
      for (const cell of cells) {
        const args = spec.params.map(() => wrap(1));
        args[index] = cell;
        const messages = messagesOf(callFunction(name, args));
        expect(messages, `${param.name}: ${show(messages)}`).toHaveLength(1);
        const message = messages[0]!;
        expect(message.length, message).toBeLessThan(200);
        expect(message).toContain(`${param.name} ("${huge.slice(0, 40)}…")`);
      }
    });
  });
});

describe.each(['en', 'fi'] as const)('template option messages (%s)', (lang) => {
  it('quote every refused value in at most 40 characters', () => {
    const result = resolveOptions(
      HUGE,
      {
        lang: HUGE,
        mode: HUGE,
        periods: HUGE,
        rows: HUGE,
        startMonth: HUGE,
        currency: HUGE,
        example: HUGE,
        protect: HUGE,
        [HUGE]: true,
      } as Record<string, unknown>,
      { lang },
    );
    if (result.ok) throw new Error('expected the options to be refused');
    // The template id, the unknown option and the eight bad values.
    expect(result.errors).toHaveLength(10);
    for (const { option, message } of result.errors) {
      expect(message).toContain(CUT);
      expect(message).not.toContain('x'.repeat(41));
      // The fixed text plus the 41 characters of the quote; the template list is the longest.
      expect(message.length, message).toBeLessThan(250);
      expect(option.length).toBeLessThanOrEqual(41);
    }
  });
});
