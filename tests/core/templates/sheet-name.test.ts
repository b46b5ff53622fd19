// Sheet names: sanitised to the hosts' rules, "Name (2)" on collision, user text kept literal.
import { describe, expect, it } from 'vitest';
import { looksLikeFormula } from '../../../core/templates/literal';
import { sanitizeSheetName, uniqueSheetName } from '../../../core/templates/sheet-name';

describe('sanitizeSheetName', () => {
  it('removes the characters the hosts forbid and outer apostrophes', () => {
    expect(sanitizeSheetName('Q1: sales/costs [draft]?*\\')).toBe('Q1 salescosts draft');
    expect(sanitizeSheetName("'Quoted'")).toBe('Quoted');
    expect(sanitizeSheetName("It's fine")).toBe("It's fine");
  });

  it('cuts to 31 characters without leaving a trailing space or apostrophe', () => {
    const name = sanitizeSheetName('Outsourcing vendor evaluation for 2026');
    expect(name).toBe('Outsourcing vendor evaluation f');
    expect(name).toHaveLength(31);
    expect(sanitizeSheetName(`${'a'.repeat(29)} 'b`)).toBe('a'.repeat(29));
  });

  it('falls back when nothing is left', () => {
    expect(sanitizeSheetName('[]:*')).toBe('Sheet');
    expect(sanitizeSheetName("''", 'Taulukko')).toBe('Taulukko');
  });

  it('keeps a name that starts like a formula as plain text', () => {
    expect(sanitizeSheetName('=SUM(A1)')).toBe('=SUM(A1)');
  });
});

describe('uniqueSheetName', () => {
  it('keeps a free name and numbers a taken one, ignoring case', () => {
    expect(uniqueSheetName('ROI calculator', ['Sheet1'])).toBe('ROI calculator');
    expect(uniqueSheetName('ROI calculator', ['roi CALCULATOR'])).toBe('ROI calculator (2)');
    expect(uniqueSheetName('ROI calculator', ['ROI calculator', 'ROI calculator (2)'])).toBe(
      'ROI calculator (3)',
    );
  });

  it('shortens the base so the numbered name fits in 31 characters', () => {
    const base = 'Outsourced sales scorecard 2026';
    const name = uniqueSheetName(base, [base]);
    expect(name).toBe('Outsourced sales scorecard (2)');
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('avoids the name Excel reserves', () => {
    expect(uniqueSheetName('History', [])).toBe('History (2)');
  });
});

describe('looksLikeFormula', () => {
  it.each(['=SUM(A1)', '+1', '-5 days', '@mention'])('flags %s for literal writing', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });
  it.each(['Anna', 'Q1 = good', '', ' =x'])('leaves %j alone', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});
