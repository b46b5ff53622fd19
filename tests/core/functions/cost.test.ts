// Tests of the "Cost and return" functions against values worked out by hand from the spec.
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { nativeFormula } from '../../../core/formulas/natives';
import type { ParamKind } from '../../../core/args/kinds';
import { isKpiError } from '../../../core/errors';
import { FUNCTIONS, callFunction } from '../../../core/registry/index';
import type { EachFunctionSpec } from '../../../core/registry/types';
import type { KpiResult } from '../../../core/values';
import { expectError } from '../../support/expect-error';

const costSpecs = FUNCTIONS.filter(
  (spec): spec is EachFunctionSpec => spec.category === 'Cost and return' && spec.mode === 'each',
);

/** Numbers equal within 1e-9 relative (spec rule 6), absolute near zero. */
function expectNumber(actual: unknown, expected: number): void {
  expect(typeof actual, `expected a number, got ${String(actual)}`).toBe('number');
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

function call(name: string, ...args: unknown[]): KpiResult {
  return callFunction(name, args);
}

describe('Cost and return catalogue', () => {
  it('gives every parameter the kind its meaning calls for', () => {
    const kinds = Object.fromEntries(
      costSpecs.map((spec) => [spec.name, spec.params.map((p) => p.kind)]),
    );
    expect(kinds).toEqual({
      SALES_ROI: ['money', 'money', 'fraction', 'signedMoney'],
      SALES_PROFIT: ['money', 'money', 'fraction', 'signedMoney'],
      BREAKEVEN_REVENUE: ['money', 'fraction'],
      CAC: ['money', 'count'],
      LTV_CAC_RATIO: ['money', 'money'],
      CAC_PAYBACK_MONTHS: ['money', 'money', 'fraction'],
      COST_OF_SALES: ['money', 'money'],
      COST_PER_LEAD: ['money', 'count'],
      COST_PER_APPOINTMENT: ['money', 'count'],
      COST_REDUCTION: ['money', 'money'],
      OUTSOURCING_COST: ['money', 'money', 'count', 'fraction', 'money'],
    });
  });
});

describe('SALES_ROI', () => {
  it('computes (revenue × margin + savings − cost) / cost', () => {
    expectNumber(call('SALES_ROI', 30000, 10000), 2); // (30000 − 10000) / 10000
    expectNumber(call('SALES_ROI', 50000, 10000, 0.4), 1); // (20000 − 10000) / 10000
    expectNumber(call('SALES_ROI', 50000, 10000, 0.4, 5000), 1.5); // (20000 + 5000 − 10000) / 10000
    expectNumber(call('SALES_ROI', 50000, 10000, 0.4, -5000), 0.5); // (20000 − 5000 − 10000) / 10000
    expectNumber(call('SALES_ROI', 0, 10000), -1); // nothing back: the whole cost lost
  });

  it('may be negative', () => {
    expectNumber(call('SALES_ROI', 20000, 10000, 0.3), -0.4); // (6000 − 10000) / 10000
  });

  it('reads numeric text and percentages', () => {
    expectNumber(call('SALES_ROI', '50000', ' 10000 ', '40%'), 1);
  });

  it('gives "" while revenue or cost is blank', () => {
    expect(call('SALES_ROI', null, 10000)).toBe('');
    expect(call('SALES_ROI', 50000, '')).toBe('');
    expect(call('SALES_ROI', undefined, undefined, 0.4, 100)).toBe('');
  });

  it('takes the defaults for blank or omitted optional inputs', () => {
    expectNumber(call('SALES_ROI', 50000, 10000, null, null), 4); // margin 1, savings 0
    expectNumber(call('SALES_ROI', 50000, 10000, '', 2000), 4.2); // (50000 + 2000 − 10000) / 10000
  });

  it('gives #DIV/0! for a zero cost, after the domain checks', () => {
    expectError(call('SALES_ROI', 50000, 0), '#DIV/0!', 'SALES_ROI', 'cost');
    expectError(call('SALES_ROI', 50000, 0, 40), '#VALUE!', 'gross_margin');
  });

  it('rejects text, booleans, negative money and margins above 100%', () => {
    expectError(call('SALES_ROI', 'abc', 10000), '#VALUE!', 'SALES_ROI', 'revenue', '"abc"');
    expectError(call('SALES_ROI', true, 10000), '#VALUE!', 'SALES_ROI', 'revenue');
    expectError(call('SALES_ROI', 50000, -1), '#VALUE!', 'SALES_ROI', 'cost', 'negative');
    expectError(call('SALES_ROI', 50000, 10000, 40), '#VALUE!', 'gross_margin', '40%', '0.4');
    expectError(call('SALES_ROI', 50000, 10000, -0.1), '#VALUE!', 'gross_margin');
    expectError(call('SALES_ROI', 50000, 10000, 0.4, 'n/a'), '#VALUE!', 'cost_savings');
  });

  it('rejects more arguments than it takes', () => {
    expectError(call('SALES_ROI', 1, 2, 0.5, 0, 9), '#VALUE!', 'SALES_ROI');
  });
});

describe('SALES_PROFIT', () => {
  it('computes revenue × margin + savings − cost, negative for a loss', () => {
    expectNumber(call('SALES_PROFIT', 50000, 10000), 40000);
    expectNumber(call('SALES_PROFIT', 50000, 10000, 0.4), 10000);
    expectNumber(call('SALES_PROFIT', 50000, 10000, 0.4, 5000), 15000);
    expectNumber(call('SALES_PROFIT', 20000, 10000, 0.3), -4000);
    expectNumber(call('SALES_PROFIT', 10000, 12000, 1, -500), -2500);
    expectNumber(call('SALES_PROFIT', 0, 0), 0);
  });

  it('takes defaults for blank optionals and "" for blank required inputs', () => {
    expectNumber(call('SALES_PROFIT', 50000, 10000, '', ''), 40000);
    expect(call('SALES_PROFIT', 50000, null, 0.4)).toBe('');
  });

  it('rejects invalid inputs naming the parameter', () => {
    expectError(call('SALES_PROFIT', -5, 10000), '#VALUE!', 'SALES_PROFIT', 'revenue');
    expectError(call('SALES_PROFIT', 5, false), '#VALUE!', 'SALES_PROFIT', 'cost');
    expectError(call('SALES_PROFIT', 5, 1, 40), '#VALUE!', 'gross_margin', '40%', '0.4');
  });
});

describe('BREAKEVEN_REVENUE', () => {
  it('computes cost / gross margin', () => {
    expectNumber(call('BREAKEVEN_REVENUE', 12000, 0.4), 30000);
    expectNumber(call('BREAKEVEN_REVENUE', 12000, '25%'), 48000);
    expectNumber(call('BREAKEVEN_REVENUE', 0, 0.5), 0);
  });

  it('takes margin 100% when omitted or blank', () => {
    expectNumber(call('BREAKEVEN_REVENUE', 12000), 12000);
    expectNumber(call('BREAKEVEN_REVENUE', 12000, null), 12000);
    expect(call('BREAKEVEN_REVENUE', '', 0.4)).toBe('');
  });

  it('gives #DIV/0! for a zero margin and #VALUE! for bad inputs', () => {
    expectError(
      call('BREAKEVEN_REVENUE', 12000, 0),
      '#DIV/0!',
      'BREAKEVEN_REVENUE',
      'gross_margin',
    );
    expectError(call('BREAKEVEN_REVENUE', -100, 0.4), '#VALUE!', 'cost', 'negative');
    expectError(call('BREAKEVEN_REVENUE', 12000, 40), '#VALUE!', 'gross_margin', '40%', '0.4');
    expectError(call('BREAKEVEN_REVENUE', 'twelve'), '#VALUE!', 'BREAKEVEN_REVENUE', 'cost');
  });
});

describe('CAC', () => {
  it('computes cost per new customer', () => {
    expectNumber(call('CAC', 60000, 40), 1500);
    expectNumber(call('CAC', 0, 5), 0);
  });

  it('handles blanks, zero and invalid inputs', () => {
    expect(call('CAC', 60000, null)).toBe('');
    expectError(call('CAC', 60000, 0), '#DIV/0!', 'CAC', 'new_customers');
    expectError(call('CAC', 60000, -1), '#VALUE!', 'new_customers', 'negative');
    expectError(call('CAC', 'lots', 40), '#VALUE!', 'sales_and_marketing_cost');
  });
});

describe('LTV_CAC_RATIO', () => {
  it('computes clv / cac', () => {
    expectNumber(call('LTV_CAC_RATIO', 4500, 1500), 3);
    expectNumber(call('LTV_CAC_RATIO', 1000, 2000), 0.5);
  });

  it('handles blanks, zero and invalid inputs', () => {
    expect(call('LTV_CAC_RATIO', '', 1500)).toBe('');
    expectError(call('LTV_CAC_RATIO', 4500, 0), '#DIV/0!', 'LTV_CAC_RATIO', 'cac');
    expectError(call('LTV_CAC_RATIO', -4500, 1500), '#VALUE!', 'clv', 'negative');
  });
});

describe('CAC_PAYBACK_MONTHS', () => {
  it('computes cac / (monthly revenue × margin)', () => {
    expectNumber(call('CAC_PAYBACK_MONTHS', 1500, 250, 0.6), 10); // 1500 / 150
    expectNumber(call('CAC_PAYBACK_MONTHS', 1200, 100), 12);
    expectNumber(call('CAC_PAYBACK_MONTHS', 1500, 250, ''), 6);
  });

  it('gives #DIV/0! naming whichever factor is zero', () => {
    expectError(
      call('CAC_PAYBACK_MONTHS', 1500, 0),
      '#DIV/0!',
      'CAC_PAYBACK_MONTHS',
      'monthly_revenue_per_customer',
    );
    expectError(call('CAC_PAYBACK_MONTHS', 1500, 250, 0), '#DIV/0!', 'gross_margin');
  });

  it('handles blanks and invalid inputs', () => {
    expect(call('CAC_PAYBACK_MONTHS', null, 250, 0.6)).toBe('');
    expectError(call('CAC_PAYBACK_MONTHS', 1500, 250, 60), '#VALUE!', 'gross_margin', '60%');
    expectError(call('CAC_PAYBACK_MONTHS', 1500, -250), '#VALUE!', 'monthly_revenue_per_customer');
  });
});

describe('COST_OF_SALES', () => {
  it('computes sales cost / revenue, which may exceed 100%', () => {
    expectNumber(call('COST_OF_SALES', 30000, 1000000), 0.03);
    expectNumber(call('COST_OF_SALES', 150000, 100000), 1.5);
  });

  it('handles blanks, zero and invalid inputs', () => {
    expect(call('COST_OF_SALES', 30000, '')).toBe('');
    expectError(call('COST_OF_SALES', 30000, 0), '#DIV/0!', 'COST_OF_SALES', 'revenue');
    expectError(call('COST_OF_SALES', true, 1000), '#VALUE!', 'sales_cost');
  });
});

describe('COST_PER_LEAD and COST_PER_APPOINTMENT', () => {
  it('compute cost per unit', () => {
    expectNumber(call('COST_PER_LEAD', 5000, 200), 25);
    expectNumber(call('COST_PER_APPOINTMENT', 6000, 40), 150);
  });

  it('handle blanks, zero and invalid inputs', () => {
    expect(call('COST_PER_LEAD', null, 200)).toBe('');
    expectError(call('COST_PER_LEAD', 5000, 0), '#DIV/0!', 'COST_PER_LEAD', 'leads');
    expectError(call('COST_PER_APPOINTMENT', 6000, 0), '#DIV/0!', 'appointments');
    expectError(call('COST_PER_APPOINTMENT', -1, 40), '#VALUE!', 'COST_PER_APPOINTMENT', 'cost');
  });
});

describe('COST_REDUCTION', () => {
  it('computes (before − after) / before, negative when cost rose', () => {
    expectNumber(call('COST_REDUCTION', 200000, 20000), 0.9);
    expectNumber(call('COST_REDUCTION', 10000, 12000), -0.2);
    expectNumber(call('COST_REDUCTION', 5000, 5000), 0);
    expectNumber(call('COST_REDUCTION', 5000, 0), 1);
  });

  it('handles blanks, zero and invalid inputs', () => {
    expect(call('COST_REDUCTION', 200000, null)).toBe('');
    expectError(call('COST_REDUCTION', 0, 500), '#DIV/0!', 'COST_REDUCTION', 'cost_before');
    expectError(call('COST_REDUCTION', 100, -5), '#VALUE!', 'cost_after', 'negative');
  });
});

describe('OUTSOURCING_COST', () => {
  it('prices a retainer contract', () => {
    expectNumber(call('OUTSOURCING_COST', 5000), 5000);
  });

  it('prices a pay-per-appointment contract', () => {
    expectNumber(call('OUTSOURCING_COST', 0, 150, 40), 6000);
  });

  it('prices a commission contract', () => {
    expectNumber(call('OUTSOURCING_COST', 0, 0, 0, 0.1, 250000), 25000);
    expectNumber(call('OUTSOURCING_COST', 0, null, null, '10%', 250000), 25000);
  });

  it('prices a hybrid contract', () => {
    expectNumber(call('OUTSOURCING_COST', 2000, 100, 30, 0.05, 100000), 10000); // 2000 + 3000 + 5000
  });

  it('takes 0 for blank or omitted optional inputs, "" for a blank retainer', () => {
    expectNumber(call('OUTSOURCING_COST', 2000, '', 30), 2000);
    expectNumber(call('OUTSOURCING_COST', 2000, 100), 2000);
    expect(call('OUTSOURCING_COST', null, 100, 30, 0.05, 100000)).toBe('');
  });

  it('rejects invalid inputs naming the parameter', () => {
    expectError(
      call('OUTSOURCING_COST', 2000, 100, 30, 10, 100000),
      '#VALUE!',
      'OUTSOURCING_COST',
      'commission_rate',
      '10%',
      '0.1',
    );
    expectError(call('OUTSOURCING_COST', 2000, 100, -3), '#VALUE!', 'appointments', 'negative');
    expectError(call('OUTSOURCING_COST', 2000, 'x'), '#VALUE!', 'fee_per_appointment', '"x"');
    expectError(call('OUTSOURCING_COST', 2000, 0, 0, 0, false), '#VALUE!', 'revenue');
  });
});

describe('ranges', () => {
  it('broadcasts a scalar against a column, one result per cell', () => {
    expect(call('SALES_ROI', [[30000], [50000], ['']], 10000)).toEqual([[2], [4], ['']]);
    const perLead = call('COST_PER_LEAD', 5000, [[100], [0], [250]]) as unknown[][];
    expect(perLead).toHaveLength(3);
    expectNumber(perLead[0]![0], 50);
    expectError(perLead[1]![0], '#DIV/0!', 'leads');
    expectNumber(perLead[2]![0], 20);
  });

  it('pairs same-shape ranges cell by cell', () => {
    // 2000 + 100 × 10 + 0.1 × 1000 and 2000 + 100 × 20 + 0.1 × 2000
    const contract = call('OUTSOURCING_COST', 2000, 100, [[10], [20]], 0.1, [[1000], [2000]]);
    expect(contract).toEqual([[3100], [4200]]);
    const reduction = call(
      'COST_REDUCTION',
      [
        [100, 200],
        [400, 0],
      ],
      [
        [50, 100],
        [500, 0],
      ],
    );
    const grid = reduction as unknown[][];
    expectNumber(grid[0]![0], 0.5);
    expectNumber(grid[0]![1], 0.5);
    expectNumber(grid[1]![0], -0.25);
    expectError(grid[1]![1], '#DIV/0!', 'cost_before');
  });

  it('treats a 1×1 range as a single value', () => {
    expectNumber(call('CAC', [[60000]], 40), 1500);
  });

  it('gives one #VALUE! for ranges of different shapes', () => {
    expectError(call('SALES_ROI', [[1], [2]], [[1, 2]]), '#VALUE!', 'revenue', 'cost');
    expectError(call('CAC_PAYBACK_MONTHS', [[1], [2]], [[1], [2], [3]]), '#VALUE!', 'cac');
  });
});

describe('native formulas', () => {
  const columns = 'ABCDEFG';
  const formulaColumn = columns.length;

  /** Evaluates each row's native formula in HyperFormula next to its inputs. */
  function nativeResults(
    spec: EachFunctionSpec,
    rows: readonly (readonly unknown[])[],
    refCount: number,
  ): unknown[] {
    const sheet = rows.map((args, r) => {
      const cells: unknown[] = spec.params.map((_, i) => args[i] ?? null);
      while (cells.length < formulaColumn) cells.push(null);
      const refs = spec.params.map((_, i) => (i < refCount ? `${columns[i]}${r + 1}` : undefined));
      cells.push(`=${nativeFormula(spec.name, refs)}`);
      return cells;
    });
    const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: 'gpl-v3' });
    const values = rows.map((_, r) => hf.getCellValue({ sheet: 0, row: r, col: formulaColumn }));
    hf.destroy();
    return values;
  }

  function expectSame(core: KpiResult, native: unknown, context: string): void {
    if (typeof core === 'number') {
      expect(typeof native, context).toBe('number');
      const tolerance = 1e-9 * Math.max(1, Math.abs(core));
      expect(Math.abs((native as number) - core), context).toBeLessThanOrEqual(tolerance);
    } else if (isKpiError(core)) {
      expect(core.code, context).toBe('#DIV/0!');
      expect((native as { value?: unknown }).value, context).toBe('#DIV/0!');
    } else {
      expect(native, context).toBe(core);
    }
  }

  const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  const money = fc.oneof(fc.constant(0), positive, fc.constant(null));
  const inputsOfKind: Partial<Record<ParamKind, fc.Arbitrary<number | null>>> = {
    money,
    signedMoney: fc.oneof(
      money,
      positive.map((v) => -v),
    ),
    count: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(null)),
    fraction: fc.oneof(
      fc.constant(0),
      fc.constant(1),
      fc.double({ min: 0.001, max: 1, noNaN: true }),
      fc.constant(null),
    ),
  };

  /** Valid values or blanks for a parameter of this kind. */
  function inputsFor(kind: ParamKind): fc.Arbitrary<number | null> {
    const inputs = inputsOfKind[kind];
    if (!inputs) throw new Error(`no input generator for kind ${kind}`);
    return inputs;
  }

  for (const spec of costSpecs) {
    const numericExamples = spec.examples.filter((e) => e.result !== '#VALUE!');

    it(`${spec.name} matches the core on its worked examples`, () => {
      const rows = numericExamples.map((e) => e.args);
      const withAllRefs = nativeResults(spec, rows, spec.params.length);
      numericExamples.forEach((e, i) => {
        expectSame(callFunction(spec.name, e.args), withAllRefs[i], `${spec.name}${i} all refs`);
        const onlyGiven = nativeResults(spec, [e.args], Math.max(e.args.length, 1))[0];
        expectSame(callFunction(spec.name, e.args), onlyGiven, `${spec.name}${i} given refs`);
      });
    });

    it(`${spec.name} matches the core on generated inputs, blanks included`, () => {
      const row = fc.tuple(...spec.params.map((p) => inputsFor(p.kind)));
      const rows = fc.sample(row, { seed: 20240601, numRuns: 300 });
      const native = nativeResults(spec, rows, spec.params.length);
      rows.forEach((args, i) =>
        expectSame(callFunction(spec.name, args), native[i], `${spec.name}(${args.join(', ')})`),
      );
    });
  }
});
