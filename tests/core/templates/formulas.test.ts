// Formula rendering: registry native formulas in portable mode, prefixed KPI calls in functions mode.
import { describe, expect, it } from 'vitest';
import { nativeFormula } from '../../../core/formulas/natives';
import { renderFormula } from '../../../core/templates/formulas';

const portable = { mode: 'portable', prefix: 'KPI.' } as const;
const excel = { mode: 'functions', prefix: 'KPI.' } as const;
const sheets = { mode: 'functions', prefix: '' } as const;

describe('renderFormula', () => {
  const call = { kind: 'call', fn: 'LEAD_CONVERSION', args: ['B5', 'C5'] } as const;

  it('uses the registry’s native formula in portable mode', () => {
    expect(renderFormula(call, portable)).toBe(
      `=${nativeFormula('LEAD_CONVERSION', ['B5', 'C5'])}`,
    );
  });

  it('calls the function with the host’s prefix in functions mode', () => {
    expect(renderFormula(call, excel)).toBe('=KPI.LEAD_CONVERSION(B5,C5)');
    expect(renderFormula(call, sheets)).toBe('=LEAD_CONVERSION(B5,C5)');
  });

  it('drops trailing omitted arguments and fills a skipped one with its default', () => {
    const status = { kind: 'call', fn: 'KPI_STATUS', args: ['B5', 'C5', undefined, 0.2] } as const;
    expect(renderFormula(status, sheets)).toBe('=KPI_STATUS(B5,C5,TRUE(),0.2)');
    const short = { kind: 'call', fn: 'KPI_STATUS', args: ['B5', 'C5', undefined] } as const;
    expect(renderFormula(short, excel)).toBe('=KPI.KPI_STATUS(B5,C5)');
  });

  it('guards set functions against an empty data set', () => {
    const nps = { kind: 'call', fn: 'NPS', args: ['D5:D9'], guard: 'D5:D9' } as const;
    expect(renderFormula(nps, sheets)).toBe('=IF(COUNT(D5:D9)=0,"",NPS(D5:D9))');
  });

  it('writes the template-only computations the same way in both modes', () => {
    const ahead = {
      kind: 'ahead',
      a: 'B1',
      b: 'C1',
      higherIsBetter: false,
      labels: { a: 'In-house', b: 'Outsourced', even: 'Say "even"' },
    } as const;
    // An error in a compared cell shows as is, as the core's evaluation gives it.
    const expected =
      '=IF(ISERROR(B1),B1,IF(ISERROR(C1),C1,' +
      'IF(COUNT(B1,C1)<2,"",IF(B1<C1,"In-house",IF(B1>C1,"Outsourced","Say ""even""")))))';
    expect(renderFormula(ahead, portable)).toBe(expected);
    expect(renderFormula(ahead, excel)).toBe(expected);
    expect(renderFormula({ kind: 'sum', refs: ['B2:B9', 'D4'] }, portable)).toBe(
      '=IF(AND(COUNT(B2:B9,D4)=0,NOT(ISERROR(SUM(B2:B9,D4)))),"",SUM(B2:B9,D4))',
    );
    expect(renderFormula({ kind: 'rank', ref: 'C9', range: 'C9:F9' }, portable)).toBe(
      '=IF(ISERROR(C9),C9,IF(ISNUMBER(C9),COUNTIF(C9:F9,">"&C9)+1,""))',
    );
  });

  it('refuses a function the registry does not have (a template bug)', () => {
    expect(() => renderFormula({ kind: 'call', fn: 'NO_SUCH', args: [] }, sheets)).toThrow(
      /NO_SUCH/,
    );
  });
});
