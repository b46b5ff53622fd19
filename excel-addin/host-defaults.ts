/// <reference types="office-js" />
// The option defaults only Excel knows: the user's display language, their locale's currency, this month.
import { monthOf, type HostDefaults, type Lang } from '../core/templates/index';

const EURO_REGIONS = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');

/** The currency of a region, for the regions whose users are likeliest to use the add-in. */
const REGION_CURRENCIES: Record<string, string> = {
  ...Object.fromEntries(EURO_REGIONS.map((region) => [region, 'EUR'])),
  AU: 'AUD',
  CA: 'CAD',
  CH: 'CHF',
  DK: 'DKK',
  GB: 'GBP',
  JP: 'JPY',
  NO: 'NOK',
  PL: 'PLN',
  SE: 'SEK',
  US: 'USD',
};

function officeLanguage(kind: 'displayLanguage' | 'contentLanguage'): string | undefined {
  try {
    const tag = Office.context[kind];
    return typeof tag === 'string' && tag !== '' ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** "fi" for a Finnish language tag ("fi-FI"), "en" for any other; undefined without one. */
export function langOf(tag: string | undefined): Lang | undefined {
  if (tag === undefined) return undefined;
  return tag.toLowerCase().split(/[-_]/)[0] === 'fi' ? 'fi' : 'en';
}

/** The ISO currency of a language tag's region ("fi-FI" → "EUR", "en-US" → "USD"), if known. */
export function currencyOf(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  try {
    const region = new Intl.Locale(tag).maximize().region;
    return region === undefined ? undefined : REGION_CURRENCIES[region];
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
  const lang = langOf(display);
  const currency = currencyOf(officeLanguage('contentLanguage') ?? display);
  return {
    ...(lang !== undefined ? { lang } : {}),
    ...(currency !== undefined ? { currency } : {}),
    startMonth: monthOf(now),
  };
}
