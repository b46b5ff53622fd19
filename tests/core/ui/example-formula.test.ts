import { describe, expect, it } from 'vitest';
import { getFunction } from '../../../core/registry/index';
import type { FunctionSpec } from '../../../core/registry/types';
import { defaultText, exampleFormula, matchesQuery } from '../../../core/ui/example-formula';

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
});
