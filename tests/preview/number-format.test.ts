// The preview's display of Excel-style number formats, checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { displayText, formatGeneral, formatNumber } from '../../preview/number-format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('shows percentages with one decimal in each language', () => {
    expect(formatNumber(0.1234, '0.0%', 'en')).toBe('12.3%');
    expect(formatNumber(0.1234, '0.0%', 'fi')).toBe('12,3%');
    expect(formatNumber(1.05, '0.0%', 'en')).toBe('105.0%');
  });

  it('groups thousands: commas in English, no-break spaces in Finnish', () => {
    expect(formatNumber(1234567.5, '#,##0', 'en')).toBe('1,234,568');
    expect(formatNumber(1234567.5, '#,##0', 'fi')).toBe(`1${NBSP}234${NBSP}568`);
    expect(formatNumber(999, '#,##0', 'en')).toBe('999');
  });

  it('puts currency symbols where the code says, the minus first', () => {
    expect(formatNumber(1500, '"€"#,##0', 'en')).toBe('€1,500');
    expect(formatNumber(-1500, '"€"#,##0', 'en')).toBe('-€1,500');
    expect(formatNumber(1500, '#,##0 "€"', 'fi')).toBe(`1${NBSP}500 €`);
    expect(formatNumber(12.5, '#,##0.00 "kr"', 'en')).toBe('12.50 kr');
  });

  it('rounds half away from zero and shows no minus on a value that rounds to zero', () => {
    expect(formatNumber(12.25, '0.0 "days"', 'en')).toBe('12.3 days');
    expect(formatNumber(3.14159, '0.00', 'fi')).toBe('3,14');
    expect(formatNumber(-0.4, '0', 'en')).toBe('0');
    expect(formatNumber(-2.6, '0', 'en')).toBe('-3');
  });

  it('shows Excel serial dates: 46023 is 2026-01-01, 46112 is 2026-03-31', () => {
    expect(formatNumber(46023, 'yyyy-mm-dd', 'en')).toBe('2026-01-01');
    expect(formatNumber(46112, 'yyyy-mm-dd', 'fi')).toBe('2026-03-31');
    expect(formatNumber(46023, 'mmm yyyy', 'en')).toBe('Jan 2026');
    expect(formatNumber(46112, 'mmm yyyy', 'fi')).toBe('maalis 2026');
    expect(formatNumber(46112, 'd.m.yyyy', 'fi')).toBe('31.3.2026');
  });

  // A locale tag ([$-40B] Finnish, [$-409] US English) names the months in its language, as
  // Excel and LibreOffice do, whatever language the sheet's separators follow.
  it('names months in the language of a locale tag, and shows a tag’s currency symbol', () => {
    expect(formatNumber(46023, '[$-40B]mmm yyyy', 'en')).toBe('tammi 2026');
    expect(formatNumber(46204, '[$-40B]mmm yyyy', 'fi')).toBe('heinä 2026');
    expect(formatNumber(46112, '[$-409]mmm yyyy', 'fi')).toBe('Mar 2026');
    expect(formatNumber(1500, '[$€-40B]#,##0', 'en')).toBe('€1,500');
    expect(formatNumber(1500, '[Red]#,##0', 'en')).toBe('1,500');
  });

  it('shows General as up to ten significant digits', () => {
    expect(formatNumber(1 / 3, undefined, 'en')).toBe('0.3333333333');
    expect(formatGeneral(1 / 3, 'fi')).toBe('0,3333333333');
    expect(formatNumber(42, 'General', 'en')).toBe('42');
  });
});

describe('displayText', () => {
  it('shows blanks empty, errors as their code, text and booleans as such', () => {
    expect(displayText(null, '0.0%', 'en')).toBe('');
    expect(displayText({ error: '#DIV/0!' }, '0.0%', 'en')).toBe('#DIV/0!');
    expect(displayText('On track', undefined, 'en')).toBe('On track');
    expect(displayText(true, undefined, 'en')).toBe('TRUE');
    expect(displayText(0.5, '0.0%', 'en')).toBe('50.0%');
  });
});
