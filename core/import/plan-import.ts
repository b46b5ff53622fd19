// What the sidebar and the CLI ask a host to write for one import: the data sheet and the pipeline analysis over it.
import { buildPlanWith } from '../templates/index';
import {
  DEFAULT_CURRENCY,
  PERIODS_RANGE,
  type HostDefaults,
  type Lang,
  type TemplateOptionsInput,
} from '../templates/options';
import type { OptionError, PlanTarget } from '../templates/plan';
import { dataSheetPlan } from './data-sheet';
import { topValues } from './rank';
import type { ImportedDeals } from './read';
import type { Deal } from './types';
import type { ImportRequest } from './workbook-types';

/** How many sources and owners the analysis lists by name when the caller does not say. */
export const LISTED_NAMES = 8;

/** Months since year 0 of an Excel serial day: the month index of a deal's date. */
function monthIndex(serial: number): number {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months the analysis shows: from the first month a deal was created to the last month
 * any deal was created or closed, the last `PERIODS_RANGE.max` of them at most; none without deals.
 */
export function dataMonths(deals: readonly Deal[]): { startMonth: string; periods: number } | null {
  if (deals.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const deal of deals) {
    const created = monthIndex(deal.created);
    first = Math.min(first, created);
    last = Math.max(last, created, deal.closed === null ? created : monthIndex(deal.closed));
  }
  const periods = Math.min(PERIODS_RANGE.max, last - first + 1);
  return { startMonth: monthText(last - periods + 1), periods };
}

export type PlanImportResult =
  { ok: true; request: ImportRequest } | { ok: false; errors: OptionError[] };

/**
 * The request for one import: the data sheet of `imported` and (with `withAnalysis`) the
 * pipeline analysis reading it, its months, sources and owners taken from the deals. The
 * currency is the caller's, else the file's one currency, else the host's. Options are
 * checked as for any template; refused ones come back as errors and nothing is planned.
 */
export function planImport(
  imported: ImportedDeals,
  request: {
    options: TemplateOptionsInput;
    fileName: string;
    replace: boolean;
    withAnalysis: boolean;
  },
  host: HostDefaults,
  target: PlanTarget,
): PlanImportResult {
  const { options } = request;
  const fileCurrency = imported.currencies.length === 1 ? imported.currencies[0] : undefined;
  const currency = options.currency ?? fileCurrency ?? host.currency ?? DEFAULT_CURRENCY;
  const months = dataMonths(imported.deals);
  const sources = topValues(imported.deals, 'source', Infinity);
  const owners = topValues(imported.deals, 'owner', Infinity);
  const rows = Math.max(1, Math.min(LISTED_NAMES, Math.max(sources.length, owners.length)));
  const built = buildPlanWith(
    'pipeline',
    { ...(months ?? {}), rows, ...options, currency, example: false },
    host,
    target,
    { names: { sources, owners } },
  );
  if (!built.ok) return built;
  const lang: Lang = built.plan.options.lang;
  return {
    ok: true,
    request: {
      dataSheet: dataSheetPlan(imported, {
        lang,
        currency: built.plan.options.currency,
        fileName: request.fileName,
      }),
      analysis: request.withAnalysis ? built.plan : null,
      replace: request.replace,
    },
  };
}
