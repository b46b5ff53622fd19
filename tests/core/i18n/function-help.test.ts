// Every function and parameter has Finnish help, really translated, with names kept and ranges and defaults in Finnish.
import { describe, expect, it } from 'vitest';
import { functionHelp } from '../../../core/i18n/function-help';
import { FUNCTION_TEXTS_FI } from '../../../core/i18n/functions-fi';
import { FUNCTIONS, getFunction } from '../../../core/registry/index';

const finnish = (name: string) => functionHelp(getFunction(name)!, 'fi');

describe('Finnish function help', () => {
  it('covers exactly the registry: every function and every parameter, nothing else', () => {
    expect(Object.keys(FUNCTION_TEXTS_FI).sort()).toEqual(FUNCTIONS.map((s) => s.name).sort());
    for (const spec of FUNCTIONS)
      expect(Object.keys(FUNCTION_TEXTS_FI[spec.name]!.params).sort(), spec.name).toEqual(
        spec.params.map((p) => p.name).sort(),
      );
  });

  it('translates every text: none equals or contains its English, none reads as English', () => {
    const englishWords = /\b(?:the|of|and|per|from|with|number|share|cost|default)\b/i;
    for (const spec of FUNCTIONS) {
      const help = functionHelp(spec, 'fi');
      const pairs = [
        [help.description, spec.description],
        ...help.params.map((p, i) => [p.description, spec.params[i]!.description]),
      ];
      for (const [fi, en] of pairs) {
        expect(fi, spec.name).not.toBe(en);
        expect(fi!.includes(en!.split('.')[0]!), `${spec.name}: ${fi}`).toBe(false);
        expect(fi, `${spec.name}: ${fi}`).not.toMatch(englishWords);
      }
    }
  });

  it('keeps the registry’s parameter names in every language', () => {
    for (const spec of FUNCTIONS)
      expect(functionHelp(spec, 'fi').params.map((p) => p.name)).toEqual(
        spec.params.map((p) => p.name),
      );
  });

  it('gives English help as the registry writes it', () => {
    for (const spec of FUNCTIONS)
      expect(functionHelp(spec, 'en')).toEqual({
        description: spec.description,
        params: spec.params.map((p) => ({ name: p.name, description: p.description })),
      });
  });

  // Ranges and defaults as the registry states them, written the Finnish way (worked by hand).
  it('ends each parameter’s help with its range and default in Finnish', () => {
    const clv = finnish('CLV').params;
    expect(clv[3]!.description).toMatch(/ 0–100 %\. Oletus 100 %\.$/);
    expect(clv[4]!.description).toMatch(/ 0–100 %\. Oletus 0 %\.$/);
    const status = finnish('KPI_STATUS').params;
    expect(status[2]!.description).toMatch(/ Oletus TOSI\.$/);
    expect(status[3]!.description).toMatch(/ 0–100 %\. Oletus 10 %\.$/);
    expect(finnish('INCENTIVE_PAY').params[3]!.description).toMatch(/ Oletus 70 %\.$/);
    expect(finnish('NPS').params[0]!.description).toMatch(/ Kokonaisluku 0–10\.$/);
    expect(finnish('OUTSOURCING_COST').params[1]!.description).toMatch(/[^.]\. Oletus 0\.$/);
    // A required parameter without an upper bound has neither.
    expect(finnish('CAC').params[0]!.description).toBe(
      FUNCTION_TEXTS_FI.CAC!.params.sales_and_marketing_cost,
    );
  });
});
