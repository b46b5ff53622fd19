import { describe, expect, it } from 'vitest';
import { getFunction } from '../../../core/registry/index';
import type { FunctionSpec, ResultKind } from '../../../core/registry/types';
import { buildPlan, TEMPLATE_IDS, LANGS } from '../../../core/templates/index';
import {
  defaultText,
  exampleFormula,
  matchesQuery,
  resultNumberFormat,
} from '../../../core/ui/example-formula';

const spec = (name: string): FunctionSpec => {
  const found = getFunction(name);
  if (!found) throw new Error(`no ${name} in the registry`);
  return found;
};

/** A registry entry with a chosen first example, to check how each kind of argument is written. */
const withExample = (args: FunctionSpec['examples'][number]['args']): FunctionSpec => ({
  ...spec('LEAD_CONVERSION'),
  examples: [{ args, result: 0 }],
});

describe('exampleFormula', () => {
  it('spells the first example the way each host names the functions (issue 5)', () => {
    expect(exampleFormula(spec('LEAD_CONVERSION'), 'KPI.')).toBe('=KPI.LEAD_CONVERSION(120, 400)');
    expect(exampleFormula(spec('LEAD_CONVERSION'), '')).toBe('=LEAD_CONVERSION(120, 400)');
  });

  it('writes ranges as array constants (";" between rows), text quoted, booleans and dates as formulas do', () => {
    expect(exampleFormula(withExample([[[1], [2]], [[3, 4]]]), '')).toBe(
      '=LEAD_CONVERSION({1;2}, {3,4})',
    );
    expect(exampleFormula(withExample(['say "hi"', true, false, null]), '')).toBe(
      '=LEAD_CONVERSION("say ""hi""", TRUE, FALSE, )',
    );
    expect(exampleFormula(withExample([new Date(2026, 0, 31)]), '')).toBe(
      '=LEAD_CONVERSION(DATE(2026,1,31))',
    );
  });

  it('writes defaults as a user types them', () => {
    expect(defaultText(true)).toBe('TRUE');
    expect(defaultText(0.7)).toBe('0.7');
  });
});

describe('matchesQuery', () => {
  it('matches every word in the name (underscores as spaces) or the description, ignoring case', () => {
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'lead conversion')).toBe(true);
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'LEAD_CONV')).toBe(true);
    expect(matchesQuery(spec('LEAD_CONVERSION'), '')).toBe(true);
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'lead churn')).toBe(false);
  });

  it('matches the Finnish description in Finnish, and the English one still', () => {
    // LEAD_CONVERSION: "Osuus liideistä, jotka muuttuivat asiakkaiksi…".
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'liideistä asiakkaiksi', 'fi')).toBe(true);
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'converted', 'fi')).toBe(true);
    expect(matchesQuery(spec('LEAD_CONVERSION'), 'liideistä asiakkaiksi', 'en')).toBe(false);
    expect(matchesQuery(spec('CHURN_RATE'), 'menetettiin', 'fi')).toBe(true);
  });
});

describe('resultNumberFormat (issue 9: an inserted rate shows as a percentage)', () => {
  it('gives each kind of result the format a user expects, in the language and currency', () => {
    // SALES_ROI(50000, 10000, 0.4) is 1: shown as 100.0 %, not as 1.
    expect(resultNumberFormat(spec('SALES_ROI'), 'en', 'EUR')).toBe('0.0%');
    expect(resultNumberFormat(spec('CLV'), 'en', 'EUR')).toBe('"€"#,##0');
    expect(resultNumberFormat(spec('CLV'), 'fi', 'EUR')).toBe('#,##0 "€"');
    expect(resultNumberFormat(spec('CAC'), 'en', 'USD')).toBe('"$"#,##0');
    expect(resultNumberFormat(spec('CAC'), 'en', 'CHF')).toBe('#,##0 "CHF"');
    expect(resultNumberFormat(spec('SALES_VELOCITY'), 'en', 'GBP')).toBe('"£"#,##0');
    expect(resultNumberFormat(spec('SALES_CYCLE_LENGTH'), 'en', 'EUR')).toBe('0.0 "days"');
    expect(resultNumberFormat(spec('SALES_CYCLE_LENGTH'), 'fi', 'EUR')).toBe('0.0 "pv"');
    expect(resultNumberFormat(spec('CAC_PAYBACK_MONTHS'), 'en', 'EUR')).toBe('0.0 "months"');
    expect(resultNumberFormat(spec('NPS'), 'en', 'EUR')).toBe('0');
    expect(resultNumberFormat(spec('LTV_CAC_RATIO'), 'en', 'EUR')).toBe('0.00');
    // A status is text: the cell keeps its own format.
    expect(resultNumberFormat(spec('KPI_STATUS'), 'en', 'EUR')).toBeUndefined();
  });

  it("matches the format every template gives the same function's result", () => {
    const kinds = new Set<ResultKind>();
    let calls = 0;
    for (const lang of LANGS)
      for (const id of TEMPLATE_IDS) {
        const built = buildPlan(
          id,
          { lang, currency: 'SEK', mode: 'functions' },
          {},
          { functionPrefix: '' },
        );
        if (!built.ok) throw new Error(`${id} refused`);
        for (const row of built.plan.cells)
          for (const cell of row) {
            if (cell?.calc?.kind !== 'call') continue;
            const called = spec(cell.calc.fn);
            kinds.add(called.result);
            calls++;
            expect(resultNumberFormat(called, lang, 'SEK'), `${id} ${cell.formula}`).toBe(
              cell.format,
            );
          }
      }
    expect(calls).toBeGreaterThan(100);
    expect([...kinds].sort()).toEqual(
      ['days', 'money', 'months', 'nps', 'number', 'rate', 'status'].sort(),
    );
  });
});
