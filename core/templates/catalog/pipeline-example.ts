// The pipeline template's example deals: the example company's proposals of each past month, as a CRM would export them.
import { buildDataSheet } from '../../import/data-sheet';
import type { Deal, Outcome } from '../../import/types';
import type { DataSheetPlan } from '../../import/workbook-types';
import { t } from '../../i18n/index';
import type { TemplateOptions } from '../options';
import { COMPANY, companyMonth } from './example-company';
import { dateSerial, monthAt } from './periods';

/** Which source brings a deal, by its number modulo 20: the partner most, referrals least. */
const SOURCE_SHARES = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4];
/** Days from created to closed, cycled: about COMPANY.cycleDays on average. */
const CYCLE_DAYS = [21, 35, 47, 62, 74, 40, 52, 29, 58, 44, 66, 36];
/** A deal's value against the company's average deal, cycled. */
const SIZE = [0.7, 1.0, 1.3, 0.9, 1.1, 0.8, 1.2, 1.0, 0.6, 1.4];

/**
 * The example company's deals (example-company.ts): each past month of the template's periods
 * creates as many deals as the month has proposals, of which the month's won count is won and
 * the rest lost, each closing some weeks later; a deal whose close falls in the current month
 * or later is still open. Deterministic: the same options and month give the same deals.
 */
export function exampleDeals(options: TemplateOptions, currentMonth: string): Deal[] {
  const { lang, periods, startMonth } = options;
  const sources = t(lang, 'pipeline.exampleSources').split('|');
  const owners = t(lang, 'activity.exampleReps').split('|');
  const [nowYear, nowMonth] = currentMonth.split('-').map(Number) as [number, number];
  const today = dateSerial(nowYear, nowMonth, 1);
  const stage = (outcome: Outcome) => t(lang, `pipeline.exampleStage.${outcome}`);
  const deals: Deal[] = [];
  for (let p = 0; p < periods; p++) {
    const { year, month } = monthAt(startMonth, p);
    if (dateSerial(year, month, 1) >= today) break;
    const m = companyMonth(year, month);
    for (let k = 0; k < m.proposals; k++) {
      const n = deals.length + 1;
      const created = dateSerial(year, month, 1 + Math.floor((k * 28) / m.proposals));
      const closed = created + CYCLE_DAYS[n % CYCLE_DAYS.length]!;
      const outcome: Outcome = closed >= today ? 'open' : k < m.won ? 'won' : 'lost';
      deals.push({
        row: n + 1,
        id: `EX-${year}${String(month).padStart(2, '0')}-${String(k + 1).padStart(2, '0')}`,
        name: t(lang, 'pipeline.exampleDeal', { n }),
        stage: stage(outcome),
        outcome,
        amount: Math.round((COMPANY.dealSize * SIZE[n % SIZE.length]!) / 100) * 100,
        currency: options.currency,
        created,
        closed: outcome === 'open' ? null : closed,
        owner: owners[n % owners.length]!,
        source: sources[SOURCE_SHARES[n % SOURCE_SHARES.length]!]!,
        pipeline: '',
      });
    }
  }
  return deals;
}

/** The data sheet of the example deals, labelled as example data; without example data, an empty one. */
export function exampleDataSheet(options: TemplateOptions, currentMonth: string): DataSheetPlan {
  const deals = options.example ? exampleDeals(options, currentMonth) : [];
  return buildDataSheet({
    lang: options.lang,
    currency: options.currency,
    deals,
    problems: [],
    fileName: t(options.lang, 'common.exampleLabel'),
    columns: {},
    stages: (['won', 'lost', 'open'] as const).map((outcome) => ({
      stage: t(options.lang, `pipeline.exampleStage.${outcome}`),
      outcome,
    })),
    example: options.example,
  });
}
