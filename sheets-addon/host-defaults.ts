// The option defaults Sheets knows, and how the server hands them to the sidebar page.
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import { monthOf, type HostDefaults } from '../core/templates/index';

/** The id of the JSON block in Sidebar.html that carries the server's defaults. */
export const HOST_DEFAULTS_ELEMENT_ID = 'kpi-host-defaults';

/** The user's language, the spreadsheet locale's currency and this month (in the script's time zone). */
export function sheetsHostDefaults(userLocale: string, spreadsheetLocale: string): HostDefaults {
  const currency = currencyOfLocale(spreadsheetLocale);
  return {
    lang: langOfLocale(userLocale),
    ...(currency !== undefined ? { currency } : {}),
    startMonth: monthOf(new Date()),
  };
}

/**
 * The sidebar page with the defaults as an inert JSON block in its head. The sandboxed page
 * cannot ask the spreadsheet for its locale itself. "<" is escaped so no value can end the
 * block or open a tag.
 */
export function withHostDefaults(page: string, defaults: HostDefaults): string {
  const json = JSON.stringify(defaults).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${HOST_DEFAULTS_ELEMENT_ID}">${json}</script>`;
  return page.replace('</head>', `${block}\n</head>`);
}
