// Amount text in the styles the contract lists → number and currency, the decimal mark settled per column.
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseAmount } from '../../../core/import/index';

describe('parseAmount', () => {
  it.each([
    ['1234.5', '.', 1234.5, ''],
    ['1,234.50', '.', 1234.5, ''],
    ['1 234,50', ',', 1234.5, ''],
    ['1\u00a0234,50', ',', 1234.5, ''],
    ['1\u202f234,50', ',', 1234.5, ''],
    ['€1,234', '.', 1234, 'EUR'],
    ['1.234,50 €', ',', 1234.5, 'EUR'],
    ['(1,234)', '.', -1234, ''],
    ['-1 234,50', ',', -1234.5, ''],
    ['$2,500.00', '.', 2500, 'USD'],
    ['EUR 1,000.00', '.', 1000, 'EUR'],
    ['1 000 SEK', ',', 1000, 'SEK'],
    ['1.234.567', ',', 1234567, ''],
  ] as const)('reads %j with decimal mark %j', (text, mark, amount, currency) => {
    expect(parseAmount(text, mark)).toEqual({ amount, currency });
  });

  it('refuses text that is no amount, and a value that contradicts the column’s decimal mark', () => {
    for (const text of ['n/a', '12abc', '1,2,3.4.5', '', '--5', '(-5)', '1.5.'])
      expect(parseAmount(text, '.'), text).toBeNull();
    expect(parseAmount('12,5', '.')).toBeNull();
    expect(parseAmount('1,234.50', ',')).toBeNull();
  });

  it('reads "1,234" as thousands in a decimal-point column and as a fraction in a decimal-comma one', () => {
    expect(parseAmount('1,234', '.')).toEqual({ amount: 1234, currency: '' });
    expect(parseAmount('1,234', ',')).toEqual({ amount: 1.234, currency: '' });
  });
});

describe('detectDecimalMark', () => {
  it('takes the mark most values prove', () => {
    expect(detectDecimalMark(['1 234,50', '980,25', '12 000'])).toBe(',');
    expect(detectDecimalMark(['1.234,50', '2.000'])).toBe(',');
    expect(detectDecimalMark(['1,234.50', '980.25'])).toBe('.');
    expect(detectDecimalMark(['12,5', '3,75', '1.5'])).toBe(',');
  });

  it('falls back to a decimal point when no value proves either', () => {
    expect(detectDecimalMark(['1,234', '2,000', '15'])).toBe('.');
    expect(detectDecimalMark([])).toBe('.');
  });
});
