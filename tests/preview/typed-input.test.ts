// What typing into a preview cell stores, and which typed values a cell's validation refuses.
import { describe, expect, it } from 'vitest';
import type { ValidationPlan } from '../../core/templates/plan';
import { editText, readTypedInput } from '../../preview/typed-input';

const wholeAtLeastZero: ValidationPlan = {
  range: 'B2:B9',
  rule: { type: 'number', min: 0, whole: true },
  help: 'Enter a whole number, 0 or more.',
  reject: true,
};
const fraction: ValidationPlan = {
  range: 'C2',
  rule: { type: 'number', min: 0, max: 1, whole: false },
  help: 'Enter a share from 0 % to 100 %.',
  reject: true,
};
const date: ValidationPlan = {
  range: 'D2',
  rule: { type: 'date' },
  help: 'Enter a date.',
  reject: true,
};
const yesNo: ValidationPlan = {
  range: 'E2',
  rule: { type: 'list', items: ['Yes', 'No'] },
  help: 'Choose Yes or No.',
  reject: true,
};

describe('readTypedInput', () => {
  it('reads numbers in the sheet language', () => {
    expect(readTypedInput('1 234,5', undefined, undefined, 'fi')).toEqual({
      ok: true,
      content: 1234.5,
    });
    expect(readTypedInput('1.5', undefined, undefined, 'fi')).toEqual({ ok: true, content: 1.5 });
    expect(readTypedInput('1,234.5', undefined, undefined, 'en')).toEqual({
      ok: true,
      content: 1234.5,
    });
    expect(readTypedInput('€1,000', '"€"#,##0', undefined, 'en')).toEqual({
      ok: true,
      content: 1000,
    });
  });

  it('takes "25" in a percent cell as 25 %, like Excel, and "0.3" as 30 %', () => {
    expect(readTypedInput('25', '0.0%', fraction, 'en')).toEqual({ ok: true, content: 0.25 });
    expect(readTypedInput('25%', '0.0%', fraction, 'en')).toEqual({ ok: true, content: 0.25 });
    expect(readTypedInput('0.3', '0.0%', fraction, 'en')).toEqual({ ok: true, content: 0.3 });
    expect(readTypedInput('150%', '0.0%', fraction, 'en')).toEqual({
      ok: false,
      message: fraction.help,
    });
  });

  it('refuses what a number rule forbids, with its help text', () => {
    expect(readTypedInput('3', '#,##0', wholeAtLeastZero, 'en')).toEqual({ ok: true, content: 3 });
    expect(readTypedInput('-1', '#,##0', wholeAtLeastZero, 'en')).toEqual({
      ok: false,
      message: wholeAtLeastZero.help,
    });
    expect(readTypedInput('2.5', '#,##0', wholeAtLeastZero, 'en').ok).toBe(false);
    expect(readTypedInput('lots', '#,##0', wholeAtLeastZero, 'en').ok).toBe(false);
  });

  it('reads dates as Excel serials (2026-03-31 is 46112) and refuses impossible ones', () => {
    expect(readTypedInput('2026-03-31', 'yyyy-mm-dd', date, 'en')).toEqual({
      ok: true,
      content: 46112,
    });
    expect(readTypedInput('31.3.2026', 'yyyy-mm-dd', date, 'fi')).toEqual({
      ok: true,
      content: 46112,
    });
    expect(readTypedInput('2026-02-30', 'yyyy-mm-dd', date, 'en')).toEqual({
      ok: false,
      message: date.help,
    });
  });

  it('takes a list item in any case, stored as literal text', () => {
    expect(readTypedInput('yes', undefined, yesNo, 'en')).toEqual({ ok: true, content: "'Yes" });
    expect(readTypedInput('maybe', undefined, yesNo, 'en')).toEqual({
      ok: false,
      message: yesNo.help,
    });
  });

  it('clears on blank; elsewhere keeps "=…" a formula and other words literal text', () => {
    expect(readTypedInput('  ', undefined, wholeAtLeastZero, 'en')).toEqual({
      ok: true,
      content: null,
    });
    expect(readTypedInput('=A1*2', undefined, undefined, 'en')).toEqual({
      ok: true,
      content: '=A1*2',
    });
    expect(readTypedInput('Acme Oy', undefined, undefined, 'en')).toEqual({
      ok: true,
      content: "'Acme Oy",
    });
    expect(readTypedInput('=A1', '#,##0', wholeAtLeastZero, 'en').ok).toBe(false);
  });
});

describe('editText', () => {
  it('starts an edit from the value as it would be typed', () => {
    expect(editText(0.25, '0.0%', 'en')).toBe('25%');
    expect(editText(46112, 'yyyy-mm-dd', 'fi')).toBe('2026-03-31');
    expect(editText(1234.5, '#,##0', 'fi')).toBe('1234,5');
    expect(editText(null, undefined, 'en')).toBe('');
    expect(editText('Acme', undefined, 'en')).toBe('Acme');
  });
});
