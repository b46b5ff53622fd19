import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../../core/templates/index';
import { checkForm, initialForm, updateForm } from '../../../core/ui/options-model';

const info = (id: string) => listTemplates('en').find((template) => template.id === id)!;

describe('initialForm', () => {
  it('starts from the host: its month and currency, the display language, templates.md defaults', () => {
    const form = initialForm(info('activity'), { currency: 'sek', startMonth: '2026-03' }, 'fi');
    expect(form).toEqual({
      mode: 'portable',
      example: true,
      periods: '12',
      // The twelve months before the host's current month, March 2026.
      startMonth: '2025-03',
      rows: '4',
      currencyChoice: 'SEK',
      currencyOther: '',
      lang: 'fi',
      protect: true,
    });
  });

  it('puts a currency outside the short list into the free-entry field', () => {
    const form = initialForm(info('roi'), { currency: 'NZD' }, 'en');
    expect([form.currencyChoice, form.currencyOther]).toEqual(['other', 'NZD']);
  });
});

describe('checkForm', () => {
  it('sends only the options the template uses, numbers as numbers, the currency upper case', () => {
    const form = initialForm(info('email'), { startMonth: '2026-01' }, 'en');
    updateForm(form, 'rows', '25', false);
    updateForm(form, 'currencyChoice', 'other', false);
    updateForm(form, 'currencyOther', ' nzd ', false);
    updateForm(form, 'example', '', false);
    // Campaign emails hold no money: the currency is not sent.
    expect(checkForm(info('email'), form, 'en')).toEqual({
      ok: true,
      options: { lang: 'en', mode: 'portable', example: false, protect: true, rows: 25 },
    });
    expect(checkForm(info('roi'), form, 'en')).toEqual({
      ok: true,
      options: { lang: 'en', mode: 'portable', currency: 'NZD', example: false, protect: true },
    });
  });

  it('refuses out-of-range and empty fields with messages in the sidebar language', () => {
    const form = initialForm(info('activity'), { startMonth: '2026-01' }, 'en');
    updateForm(form, 'periods', '30', false);
    updateForm(form, 'rows', '', false);
    updateForm(form, 'startMonth', '2026-13', false);
    const check = checkForm(info('activity'), form, 'fi');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['periods', 'rows', 'startMonth']);
    expect(check.errors.periods).toContain('1–24');
    expect(check.errors.rows).toBe('Anna arvo.');
  });

  it('refuses a currency that is not three letters', () => {
    const form = initialForm(info('roi'), {}, 'en');
    updateForm(form, 'currencyChoice', 'other', false);
    updateForm(form, 'currencyOther', 'EURO', false);
    const check = checkForm(info('roi'), form, 'en');
    expect(check.ok ? [] : Object.keys(check.errors)).toEqual(['currency']);
  });
});

describe('updateForm', () => {
  it('accepts only the fields and choices the form has', () => {
    const form = initialForm(info('roi'), {}, 'en');
    expect(updateForm(form, 'mode', 'functions', false)).toBe(true);
    expect(form.mode).toBe('functions');
    expect(updateForm(form, 'mode', 'macros', false)).toBe(false);
    expect(updateForm(form, 'lang', 'sv', false)).toBe(false);
    expect(updateForm(form, 'password', 'x', false)).toBe(false);
    expect(form.mode).toBe('functions');
  });
});
