// The options form: its values as typed, their defaults for a template, and their check before an insert.
import {
  FORMULA_MODES,
  LANGS,
  resolveOptions,
  type FormulaMode,
  type HostDefaults,
  type Lang,
  type TemplateInfo,
  type TemplateOptions,
  type TemplateOptionsInput,
} from '../templates/index';
import { uiText } from './texts';

/** Currencies offered in the short list; any other ISO code can be typed in. */
export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'CHF'] as const;

/** The currency list's entry that opens the free-entry field. */
export const OTHER_CURRENCY = 'other';

/** The form's fields; numbers and the month stay text until checked, as the user typed them. */
export interface FormValues {
  mode: FormulaMode;
  example: boolean;
  periods: string;
  startMonth: string;
  rows: string;
  /** A code of COMMON_CURRENCIES, or OTHER_CURRENCY to use `currencyOther`. */
  currencyChoice: string;
  currencyOther: string;
  lang: Lang;
  protect: boolean;
}

/** A form field's message, by the option it belongs to. */
export type FieldErrors = Partial<Record<keyof TemplateOptions, string>>;

/** The form of `info` filled with the defaults the core resolves for this host and language. */
export function initialForm(info: TemplateInfo, host: HostDefaults, lang: Lang): FormValues {
  const resolved = resolveOptions(info.id, {}, { ...host, lang });
  // Unreachable for a catalogue entry with no options given; kept total rather than throwing.
  if (!resolved.ok) throw new Error(resolved.errors.map((e) => e.message).join(' '));
  const { options } = resolved;
  const common = (COMMON_CURRENCIES as readonly string[]).includes(options.currency);
  return {
    mode: options.mode,
    example: options.example,
    periods: String(options.periods),
    startMonth: options.startMonth,
    rows: String(options.rows),
    currencyChoice: common ? options.currency : OTHER_CURRENCY,
    currencyOther: common ? '' : options.currency,
    lang: options.lang,
    protect: options.protect,
  };
}

/**
 * Sets `field` of `form` from its control: checkboxes by `checked`, the others by `value`.
 * False for a name that is not a form field or a value no choice offers.
 */
export function updateForm(
  form: FormValues,
  field: string,
  value: string,
  checked: boolean,
): boolean {
  switch (field) {
    case 'example':
    case 'protect':
      form[field] = checked;
      return true;
    case 'mode':
      if (!(FORMULA_MODES as readonly string[]).includes(value)) return false;
      form.mode = value as FormulaMode;
      return true;
    case 'lang':
      if (!(LANGS as readonly string[]).includes(value)) return false;
      form.lang = value as Lang;
      return true;
    case 'periods':
    case 'startMonth':
    case 'rows':
    case 'currencyChoice':
    case 'currencyOther':
      form[field] = value;
      return true;
    default:
      return false;
  }
}

/** A whole number as typed becomes a number; anything else stays text, for the core to refuse. */
function numberOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

export type FormCheck =
  { ok: true; options: TemplateOptionsInput } | { ok: false; errors: FieldErrors };

/**
 * The options to send for `info`, or a message per refused field in the sidebar's language
 * `uiLang`. Only the options the template uses are sent; the core's own checks decide.
 */
export function checkForm(info: TemplateInfo, form: FormValues, uiLang: Lang): FormCheck {
  const options: TemplateOptionsInput = {
    lang: form.lang,
    mode: form.mode,
    example: form.example,
    protect: form.protect,
  };
  if (info.options.includes('currency'))
    options.currency = (
      form.currencyChoice === OTHER_CURRENCY ? form.currencyOther : form.currencyChoice
    )
      .trim()
      .toUpperCase();
  const texts: Partial<Record<'periods' | 'startMonth' | 'rows', string>> = {};
  if (info.options.includes('periods')) texts.periods = form.periods.trim();
  if (info.options.includes('startMonth')) texts.startMonth = form.startMonth.trim();
  if (info.options.includes('rows')) texts.rows = form.rows.trim();
  if (texts.periods !== undefined) options.periods = numberOrText(texts.periods);
  if (texts.startMonth !== undefined) options.startMonth = texts.startMonth;
  if (texts.rows !== undefined) options.rows = numberOrText(texts.rows);

  const errors: FieldErrors = {};
  // Checked in the sidebar's language; the request keeps the sheet's language.
  const checked = resolveOptions(info.id, { ...options, lang: uiLang });
  if (!checked.ok)
    for (const { option, message } of checked.errors)
      errors[option as keyof TemplateOptions] = message;
  if (options.currency === '') errors.currency = uiText(uiLang, 'options.required');
  for (const [name, text] of Object.entries(texts))
    if (text === '') errors[name as keyof typeof texts] = uiText(uiLang, 'options.required');
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, options };
}
