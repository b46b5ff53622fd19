// Each domain bound and default is stated once: the checks, the "40% or 0.4" hint, the help texts
// and the templates' validation all follow it. Expectations are worked by hand from spec rule 5,
// so moving a bound anywhere (even in the one table) fails here.
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../../core/errors';
import { callFunction, getFunction } from '../../../core/registry/index';
import { buildPlan } from '../../../core/templates/index';
import type { Lang, TemplateId } from '../../../core/templates/options';
import type { ValidationPlan } from '../../../core/templates/plan';
import { show } from '../../support/results';

/** The message of an error result; fails on any other result. */
function messageOf(result: unknown): string {
  if (!isKpiError(result)) throw new Error(`expected an error, got ${show(result)}`);
  expect(result.code).toBe('#VALUE!');
  return result.message;
}

/** The validation rule a template puts under the help text `help`. */
function ruleWithHelp(id: TemplateId, lang: Lang, help: string): ValidationPlan['rule'] {
  const built = buildPlan(id, { lang }, {}, { functionPrefix: '' });
  if (!built.ok) throw new Error(`${id} refused: ${JSON.stringify(built.errors)}`);
  const validation = built.plan.validations.find((v) => v.help === help);
  if (!validation) throw new Error(`${id} (${lang}) has no validation with help "${help}"`);
  return validation.rule;
}

/** SALES_ROI with this gross margin on 50,000 revenue and 10,000 cost. */
const roi = (margin: unknown) => callFunction('SALES_ROI', [50_000, 10_000, margin]);

describe('the fraction bound, 0 to 1', () => {
  it('refuses 1.2 and "120%" with the same message, alone and inside a range', () => {
    const refused =
      'SALES_ROI: gross_margin (1.2) must be a fraction between 0 and 1; for 1.2% enter 1.2% or 0.012';
    for (const margin of [1.2, '120%', ' 120 % ', '1.2'])
      expect(messageOf(roi(margin))).toBe(refused);
    const column = roi([[1.2], ['120%'], [0.4]]) as unknown[][];
    expect(messageOf(column[0]![0])).toBe(refused);
    expect(messageOf(column[1]![0])).toBe(refused);
    // (50,000 × 0.4 − 10,000) / 10,000 = 1.
    expect(column[2]![0]).toBe(1);
  });

  it('accepts 1 and "100%" at the top: (50,000 × 1 − 10,000) / 10,000 = 4', () => {
    for (const margin of [1, '100%', '1']) expect(roi(margin)).toBe(4);
  });

  it('accepts 0 and "0%" at the bottom: (0 − 10,000) / 10,000 = −1', () => {
    for (const margin of [0, '0%']) expect(roi(margin)).toBe(-1);
  });

  it('refuses −0.1 and "−10%" with the same message', () => {
    const refused =
      'SALES_ROI: gross_margin (-0.1) must be a fraction between 0 and 1, not negative';
    for (const margin of [-0.1, '-10%', '\u221210%']) expect(messageOf(roi(margin))).toBe(refused);
  });

  it('suggests 40% or 0.4 for 40 and 100% or 1 for 100, but no share above 100%', () => {
    expect(messageOf(roi(40))).toBe(
      'SALES_ROI: gross_margin (40) must be a fraction between 0 and 1; for 40% enter 40% or 0.4',
    );
    expect(messageOf(roi(100))).toBe(
      'SALES_ROI: gross_margin (100) must be a fraction between 0 and 1; for 100% enter 100% or 1',
    );
    expect(messageOf(roi(101))).toBe(
      'SALES_ROI: gross_margin (101) must be a fraction between 0 and 1',
    );
  });

  it('is the templates’ validation and help, in English and Finnish', () => {
    const rule = { type: 'number', min: 0, max: 1, whole: false };
    expect(
      ruleWithHelp('roi', 'en', 'Enter a percentage from 0% to 100% (for example 25%).'),
    ).toEqual(rule);
    expect(ruleWithHelp('roi', 'fi', 'Syötä prosenttiosuus 0–100 % (esimerkiksi 25 %).')).toEqual(
      rule,
    );
  });

  it('ends the functions’ parameter help (Excel, Sheets, docs), with the default', () => {
    const help = (name: string, param: number) => getFunction(name)!.params[param]!.description;
    expect(help('SALES_ROI', 2)).toMatch(/ From 0% to 100%\. Default 100%\.$/);
    expect(help('INCENTIVE_PAY', 3)).toMatch(/ From 0% to 100%\. Default 70%\.$/);
    expect(help('KPI_STATUS', 3)).toMatch(/ From 0% to 100%\. Default 10%\.$/);
    expect(help('SALES_VELOCITY', 1)).toMatch(/ From 0% to 100%\.$/);
  });
});

describe('the NPS score bound, whole numbers 0 to 10', () => {
  it('accepts 10 and "10": one promoter of one answer is 100', () => {
    for (const score of [10, '10']) expect(callFunction('NPS', [[[score]]])).toBe(100);
  });

  it('refuses 11 and "11", 7.5 and "7.5", −1 and "-1" with the same message each', () => {
    for (const [number, text] of [
      [11, '11'],
      [7.5, '7.5'],
      [-1, '-1'],
    ] as const) {
      const refused = `NPS: scores (${number}) must be a whole number from 0 to 10`;
      expect(messageOf(callFunction('NPS', [[[number]]]))).toBe(refused);
      expect(messageOf(callFunction('NPS', [[[text]]]))).toBe(refused);
    }
  });

  it('is the templates’ validation and help, and the function’s help', () => {
    expect(
      ruleWithHelp(
        'satisfaction',
        'en',
        'Enter the answer to "How likely are you to recommend us?": a whole number from 0 to 10.',
      ),
    ).toEqual({ type: 'number', min: 0, max: 10, whole: true });
    expect(getFunction('NPS')!.params[0]!.description).toMatch(/ Whole numbers from 0 to 10\.$/);
  });
});

describe('weights (VENDOR_SCORE), 0 or more on any scale', () => {
  it('have no upper bound in the check, the template or the help', () => {
    // (4 × 1 + 5 × 5) / (1 + 5) = 29 / 6.
    expect(
      callFunction('VENDOR_SCORE', [
        [[4], [5]],
        [[1], [5]],
      ]),
    ).toBeCloseTo(29 / 6, 12);
    expect(messageOf(callFunction('VENDOR_SCORE', [[[4]], [[-1]]]))).toBe(
      'VENDOR_SCORE: weights (-1) cannot be negative',
    );
    expect(
      ruleWithHelp(
        'vendor-evaluation',
        'en',
        'Enter a weight of 0 or more on any scale (for example 1–5 or percentages): only the ratios between the weights matter.',
      ),
    ).toEqual({ type: 'number', min: 0, whole: false });
    expect(getFunction('VENDOR_SCORE')!.params[1]!.description).not.toMatch(/From|100%|0 to 1/);
  });
});

describe('defaults in the parameter help', () => {
  it('name each optional parameter’s default as it is entered', () => {
    const help = (name: string, param: number) => getFunction(name)!.params[param]!.description;
    expect(help('OUTSOURCING_COST', 1)).toMatch(/ Default 0\.$/);
    expect(help('OUTSOURCING_COST', 3)).toMatch(/ From 0% to 100%\. Default 0%\.$/);
    expect(help('KPI_STATUS', 2)).toMatch(/ Default TRUE\.$/);
    expect(help('SALES_ROI', 3)).toMatch(/ Default 0\.$/);
  });
});
