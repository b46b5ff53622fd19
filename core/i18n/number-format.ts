// Number format codes per language and currency; codes use invariant separators, hosts localize display.
import type { Lang } from '../templates/options';
import { t } from './index';

/** Symbols for the common currencies; other ISO codes are shown as the code itself. */
const SYMBOLS: Record<string, string> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
  JPY: '¥',
  SEK: 'kr',
  NOK: 'kr',
  DKK: 'kr',
};

/** Currencies conventionally written before the amount in English. */
const SYMBOL_FIRST_IN_ENGLISH = new Set(['EUR', 'USD', 'GBP', 'JPY']);

/** A money format for the currency: "€"#,##0 in English, #,##0 "€" in Finnish (sign after). */
export function moneyFormat(lang: Lang, currency: string, decimals = 0): string {
  const digits = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const symbol = `"${SYMBOLS[currency] ?? currency}"`;
  return lang === 'en' && SYMBOL_FIRST_IN_ENGLISH.has(currency)
    ? `${symbol}${digits}`
    : `${digits} ${symbol}`;
}

export const PERCENT_FORMAT = '0.0%';
export const WHOLE_FORMAT = '#,##0';
export const DECIMAL_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Excel's locale tag per language ([$-40B] Finnish, [$-409] US English, ECMA-376 §18.8.31):
 * month names in a format carrying it follow the sheet's language, not the program's, in Excel
 * and LibreOffice; the preview reads it too, Sheets takes none (sheets-addon/grid.ts).
 */
export const LOCALE_TAGS: Record<Lang, string> = { en: '[$-409]', fi: '[$-40B]' };

/** A month as "Jan 2026" / "tammi 2026", whatever language the spreadsheet program speaks. */
export function monthFormat(lang: Lang): string {
  return `${LOCALE_TAGS[lang]}mmm yyyy`;
}
/** An LTV:CAC style ratio, "3.2:1" would need text, so one decimal and the unit in the header. */
export const RATIO_FORMAT = '0.0';
export const NPS_FORMAT = '0';

/** A duration format with the unit after the number ("0.0 "days"", "0.0 "pv""). */
export function daysFormat(lang: Lang): string {
  return `0.0 "${t(lang, 'unit.days')}"`;
}

export function monthsFormat(lang: Lang): string {
  return `0.0 "${t(lang, 'unit.months')}"`;
}
