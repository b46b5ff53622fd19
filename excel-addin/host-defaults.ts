/// <reference types="office-js" />
// The option defaults only Excel knows: the user's display language, their locale's currency, this month.
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import { monthOf, type HostDefaults } from '../core/templates/index';

function officeLanguage(kind: 'displayLanguage' | 'contentLanguage'): string | undefined {
  try {
    const tag = Office.context[kind];
    return typeof tag === 'string' && tag !== '' ? tag : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Defaults for `buildPlan` from the running Excel: the language from Office's display
 * language, the currency from the editing (content) language's region, and the month of `now`.
 * Each is left out when Office cannot tell, so the template's own default applies.
 */
export function excelHostDefaults(now: Date = new Date()): HostDefaults {
  const display = officeLanguage('displayLanguage');
  const lang = display === undefined ? undefined : langOfLocale(display);
  const locale = officeLanguage('contentLanguage') ?? display;
  const currency = locale === undefined ? undefined : currencyOfLocale(locale);
  return {
    ...(lang !== undefined ? { lang } : {}),
    ...(currency !== undefined ? { currency } : {}),
    startMonth: monthOf(now),
  };
}
