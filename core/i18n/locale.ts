// The host defaults Sheets knows: display language from the user's locale, currency from the spreadsheet's.
import type { Lang } from '../templates/options';

/** Countries whose currency is the euro (ISO 3166 alpha-2). */
const EURO_COUNTRIES = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);

/** Other countries' currencies, for the locales sales teams most often use; others fall back to the core's default. */
const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  IN: 'INR',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
  SG: 'SGD',
};

/** Finnish when the user's locale ("fi", "fi_FI") is Finnish, else English. */
export function langOfLocale(locale: string): Lang {
  return locale.toLowerCase().split(/[_-]/)[0] === 'fi' ? 'fi' : 'en';
}

/** The currency of a locale such as "fi_FI" or "en-US"; undefined without a known country. */
export function currencyOfLocale(locale: string): string | undefined {
  const country = /^[a-z]{2,3}[_-]([A-Z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
  if (country === undefined) return undefined;
  return EURO_COUNTRIES.has(country) ? 'EUR' : CURRENCY_BY_COUNTRY[country];
}
