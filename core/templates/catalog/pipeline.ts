// Pipeline analysis: counts and sums over the deals sheet (COUNTIFS/SUMIFS by whole columns) in all, per month, by source and by owner.
import { dataSheetName, outcomeLabel } from '../../import/data-sheet';
import { topValues } from '../../import/rank';
import type { Outcome } from '../../import/types';
import type { MessageKey } from '../../i18n/index';
import { daysFormat, monthFormat, PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { Calc, DataCriterion } from '../plan';
import type { TemplateDefinition } from './definition';
import { exampleDeals } from './pipeline-example';
import { monthSerial } from './periods';

/** The measures, in the order of the tables' columns (the source table's rows). */
const METRICS = [
  'created',
  'won',
  'lost',
  'closed',
  'winRate',
  'open',
  'openValue',
  'revenueWon',
  'wonCounted',
  'avgDealSize',
  'cycleDays',
  'avgCycle',
] as const;
type Metric = (typeof METRICS)[number];

const HEADERS: Record<Metric, MessageKey> = {
  created: 'pipeline.col.created',
  won: 'pipeline.col.won',
  lost: 'pipeline.col.lost',
  closed: 'pipeline.col.closed',
  winRate: 'pipeline.col.winRate',
  open: 'pipeline.col.open',
  openValue: 'pipeline.col.openValue',
  revenueWon: 'pipeline.col.revenueWon',
  wonCounted: 'pipeline.col.wonCounted',
  avgDealSize: 'pipeline.col.avgDealSize',
  cycleDays: 'pipeline.col.cycleDays',
  avgCycle: 'pipeline.col.avgCycle',
};

/** The measures read off the data sheet; the others follow from them on this sheet. */
const COUNTED: ReadonlySet<Metric> = new Set([
  'created',
  'won',
  'lost',
  'open',
  'openValue',
  'revenueWon',
  'wonCounted',
  'cycleDays',
]);

/** The currency input: labelled in A5, typed in B5. */
const CURRENCY_ROW = 4;
const CURRENCY = cellRef(CURRENCY_ROW, 1);
const WIDTH = 1 + METRICS.length;

/**
 * Which deals a row (column) of measures counts: the criteria for a date column (deals created
 * by the month created, won and lost by the month closed) and the cells that must be filled.
 */
interface Scope {
  dates: (column: 'created' | 'closed') => DataCriterion[];
  unlessBlank: string[];
}

/** "Other": the whole data set's measure less those of the listed sources or owners. */
interface Rest {
  total: (metric: Metric) => string;
  listed: (metric: Metric) => string;
}

const ALL: Scope = { dates: () => [], unlessBlank: [] };

/** The deals of the month whose first day `ref` holds, by the date column asked for. */
function monthScope(ref: string): Scope {
  return {
    dates: (column) => [
      { column, op: '>=', ref },
      { column, op: '<', ref, months: 1 },
    ],
    unlessBlank: [],
  };
}

/** The deals whose source (owner) is the one the cell `ref` names; nothing while it is blank. */
function nameScope(column: 'source' | 'owner', ref: string): Scope {
  return { dates: () => [{ column, op: '=', ref }], unlessBlank: [ref] };
}

/** The data-sheet computation of a counted measure over the deals of `scope`. */
function countedCalc(metric: Metric, scope: Scope, sheet: string, lang: 'en' | 'fi'): Calc {
  const is = (outcome: Outcome): DataCriterion => ({
    column: 'outcome',
    op: '=',
    text: outcomeLabel(lang, outcome),
  });
  const inCurrency: DataCriterion = { column: 'currency', op: '=', ref: CURRENCY };
  const blank = scope.unlessBlank;
  const moneyBlank = [...blank, CURRENCY];
  const count = (criteria: DataCriterion[], unlessBlank = blank): Calc => ({
    kind: 'dataCount',
    sheet,
    criteria,
    ...(unlessBlank.length > 0 ? { unlessBlank } : {}),
  });
  switch (metric) {
    case 'created': {
      const criteria = scope.dates('created');
      // COUNTIFS needs a criterion: every deal has a created date, the header has none.
      return count(criteria.length > 0 ? criteria : [{ column: 'created', op: '>', number: 0 }]);
    }
    case 'won':
      return count([is('won'), ...scope.dates('closed')]);
    case 'lost':
      return count([is('lost'), ...scope.dates('closed')]);
    case 'open':
      return count([is('open'), ...scope.dates('created')]);
    case 'wonCounted':
      return count([is('won'), inCurrency, ...scope.dates('closed')], moneyBlank);
    case 'openValue':
    case 'revenueWon': {
      const open = metric === 'openValue';
      return {
        kind: 'dataSum',
        sheet,
        column: 'amount',
        criteria: [
          is(open ? 'open' : 'won'),
          inCurrency,
          ...scope.dates(open ? 'created' : 'closed'),
        ],
        unlessBlank: moneyBlank,
      };
    }
    default:
      return {
        kind: 'dataSum',
        sheet,
        column: 'closed',
        minus: 'created',
        criteria: [is('won'), ...scope.dates('closed')],
        ...(blank.length > 0 ? { unlessBlank: blank } : {}),
      };
  }
}

/**
 * Writes the twelve measures of one data set (the whole, a month, a source, an owner or the
 * rest) at the cells `place` gives: counts and sums from the data sheet or, for the rest, the
 * whole less the listed; rates and averages from them through the KPI functions, blank where
 * nothing was closed or won.
 */
function measures(
  b: SheetBuilder,
  place: (metric: Metric) => [number, number],
  from: Scope | Rest,
  role: 'result' | 'total',
): void {
  const { lang } = b.options;
  const sheet = dataSheetName(lang);
  const ref = (metric: Metric) => cellRef(...place(metric));
  const formats: Record<Metric, string> = {
    created: WHOLE_FORMAT,
    won: WHOLE_FORMAT,
    lost: WHOLE_FORMAT,
    closed: WHOLE_FORMAT,
    winRate: PERCENT_FORMAT,
    open: WHOLE_FORMAT,
    openValue: b.money,
    revenueWon: b.money,
    wonCounted: WHOLE_FORMAT,
    avgDealSize: b.money,
    cycleDays: WHOLE_FORMAT,
    avgCycle: daysFormat(lang),
  };
  const derived: Partial<Record<Metric, Calc>> = {
    closed: { kind: 'sum', refs: [ref('won'), ref('lost')] },
    winRate: {
      kind: 'unlessZero',
      ref: ref('closed'),
      then: { kind: 'call', fn: 'DEAL_CLOSURE_RATE', args: [ref('won'), ref('closed')] },
    },
    avgDealSize: {
      kind: 'unlessZero',
      ref: ref('wonCounted'),
      then: { kind: 'call', fn: 'AVG_DEAL_SIZE', args: [ref('revenueWon'), ref('wonCounted')] },
    },
    avgCycle: {
      kind: 'unlessZero',
      ref: ref('won'),
      then: { kind: 'call', fn: 'SALES_CYCLE_LENGTH', args: [ref('cycleDays'), ref('won')] },
    },
  };
  for (const metric of METRICS) {
    const [row, col] = place(metric);
    const calc: Calc = !COUNTED.has(metric)
      ? derived[metric]!
      : 'total' in from
        ? { kind: 'remainder', total: from.total(metric), parts: [from.listed(metric)] }
        : countedCalc(metric, from, sheet, lang);
    const shown = COUNTED.has(metric) && role === 'result' ? 'body' : role;
    b.calc(row, col, calc, formats[metric], shown);
  }
}

/** The sources and owners listed by name: the import's, the example's, or blanks to type in. */
function listedNames(b: SheetBuilder): { sources: string[]; owners: string[] } {
  const { rows, example } = b.options;
  const fill = (names: readonly string[]) => Array.from({ length: rows }, (_, i) => names[i] ?? '');
  const given = b.ctx.names;
  if (given) return { sources: fill(given.sources), owners: fill(given.owners) };
  if (!example) return { sources: fill([]), owners: fill([]) };
  const deals = exampleDeals(b.options, b.ctx.currentMonth);
  return {
    sources: fill(topValues(deals, 'source', rows)),
    owners: fill(topValues(deals, 'owner', rows)),
  };
}

function build(b: SheetBuilder): void {
  const { periods, startMonth, rows, currency, lang } = b.options;
  const col = (metric: Metric) => 1 + METRICS.indexOf(metric);
  const names = listedNames(b);
  const headers = METRICS.map((metric) => b.tr(HEADERS[metric]));
  b.heading(b.tr('pipeline.name'), b.tr('pipeline.purpose'), WIDTH);

  b.value(CURRENCY_ROW, 0, b.tr('pipeline.currency'), 'label');
  b.input(CURRENCY_ROW, 1, currency, 'text', undefined, { keep: true });
  let row = b.paragraph(CURRENCY_ROW + 1, 0, b.tr('pipeline.currencyNote'));
  row = b.paragraph(row, 0, b.tr('pipeline.dataNote', { sheet: dataSheetName(lang) })) + 1;

  // The whole data set: one row under the measures' headers.
  b.headers(row, 1, headers);
  const summary = row + 1;
  b.value(summary, 0, b.tr('pipeline.summary'), 'total');
  measures(b, (metric) => [summary, col(metric)], ALL, 'total');
  const total = (metric: Metric) => cellRef(summary, col(metric));

  // Per month.
  row = b.paragraph(summary + 2, 0, b.tr('pipeline.byMonth'), 'section');
  b.headers(row, 0, [b.tr('col.month'), ...headers]);
  const firstMonth = row + 1;
  for (let p = 0; p < periods; p++) {
    const at = firstMonth + p;
    b.value(at, 0, monthSerial(startMonth, p), 'label', monthFormat(lang));
    measures(b, (metric) => [at, col(metric)], monthScope(cellRef(at, 0)), 'result');
  }
  const lastMonth = firstMonth + periods - 1;

  // By source, side by side: a column per source, then the rest.
  row = b.paragraph(lastMonth + 2, 0, b.tr('pipeline.bySource'), 'section');
  const sourceHeader = row;
  b.value(sourceHeader, 0, b.tr('pipeline.col.measure'), 'header');
  const firstMetricRow = sourceHeader + 1;
  const metricRow = (metric: Metric) => firstMetricRow + METRICS.indexOf(metric);
  METRICS.forEach((metric) => b.value(metricRow(metric), 0, b.tr(HEADERS[metric]), 'label'));
  names.sources.forEach((name, i) => {
    const at = 1 + i;
    b.input(sourceHeader, at, name, 'text', undefined, {
      keep: b.ctx.names !== undefined,
      role: 'header',
    });
    const scope = nameScope('source', cellRef(sourceHeader, at));
    measures(b, (metric) => [metricRow(metric), at], scope, 'result');
  });
  const otherSource = 1 + rows;
  b.value(sourceHeader, otherSource, b.tr('pipeline.other'), 'header');
  measures(
    b,
    (metric) => [metricRow(metric), otherSource],
    {
      total,
      listed: (metric) => rangeRef(metricRow(metric), 1, metricRow(metric), rows),
    },
    'result',
  );
  const lastMetricRow = firstMetricRow + METRICS.length - 1;

  // By owner: a row per owner, then the rest.
  row = b.paragraph(lastMetricRow + 2, 0, b.tr('pipeline.byOwner'), 'section');
  b.headers(row, 0, [b.tr('pipeline.col.owner'), ...headers]);
  const firstOwner = row + 1;
  names.owners.forEach((name, i) => {
    const at = firstOwner + i;
    b.input(at, 0, name, 'text', undefined, { keep: b.ctx.names !== undefined, role: 'label' });
    measures(b, (metric) => [at, col(metric)], nameScope('owner', cellRef(at, 0)), 'result');
  });
  const otherOwner = firstOwner + rows;
  b.value(otherOwner, 0, b.tr('pipeline.other'), 'label');
  measures(
    b,
    (metric) => [otherOwner, col(metric)],
    {
      total,
      listed: (metric) => rangeRef(firstOwner, col(metric), otherOwner - 1, col(metric)),
    },
    'result',
  );

  const months = rangeRef(firstMonth, 0, lastMonth, 0);
  const monthly = (metric: Metric) => rangeRef(firstMonth, col(metric), lastMonth, col(metric));
  const chartRow = otherOwner + 2;
  b.chart({
    type: 'line',
    title: b.tr('pipeline.chart.revenue'),
    categories: months,
    series: [{ name: b.tr('pipeline.col.revenueWon'), values: monthly('revenueWon') }],
    anchor: cellRef(chartRow, 0),
    width: 560,
    height: 300,
  });
  b.chart({
    type: 'line',
    title: b.tr('pipeline.chart.winRate'),
    categories: months,
    series: [{ name: b.tr('pipeline.col.winRate'), values: monthly('winRate') }],
    anchor: cellRef(chartRow, 6),
    width: 560,
    height: 300,
  });
  b.chart({
    type: 'column',
    title: b.tr('pipeline.chart.sources'),
    categories: rangeRef(sourceHeader, 1, sourceHeader, otherSource),
    series: [
      {
        name: b.tr('pipeline.col.created'),
        values: rangeRef(metricRow('created'), 1, metricRow('created'), otherSource),
      },
    ],
    anchor: cellRef(chartRow + 17, 0),
    width: 560,
    height: 300,
  });
  b.columnWidths([150, ...METRICS.map(() => 95)]);
  b.freeze(0, 1);
}

export const pipeline: TemplateDefinition = {
  id: 'pipeline',
  name: 'pipeline.name',
  purpose: 'pipeline.purpose',
  kpis: ['kpi.dealClosureRate', 'pipeline.col.avgDealSize', 'kpi.salesCycleLength'],
  build,
};
