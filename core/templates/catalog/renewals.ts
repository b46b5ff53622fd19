// Contract renewals by segment: per quarter, renewal rate and cost of sales for each customer segment.
import type { MessageKey } from '../../i18n/index';
import { PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { WEAK_MONTH } from './example-company';
import { quarterAt } from './periods';

/**
 * The two segments of seed 004 with the example company's subscriptions (example-company.ts):
 * contracts up for renewal in an average quarter, the share renewed, yearly value, cost share.
 */
const SEGMENTS: {
  label: MessageKey;
  up: number;
  renewShare: number;
  value: number;
  costShare: number;
}[] = [
  { label: 'segment.simple', up: 75, renewShare: 0.78, value: 8_000, costShare: 0.03 },
  { label: 'segment.complex', up: 30, renewShare: 0.88, value: 30_000, costShare: 0.05 },
];
/** Renewals due per calendar quarter against an average one (many contracts start in January). */
const QUARTER_SEASON = [1.15, 0.95, 0.85, 1.05];
/** The summer quarter renews fewer: decision makers are on holiday when contracts end. */
const WEAK_QUARTER = Math.ceil(WEAK_MONTH / 3);
const WEAK_RENEWALS = 0.88;
const HEADER = 4;
const [UP, RENEWED, RATE, REVENUE, COST, COST_OF_SALES] = [2, 3, 4, 5, 6, 7];

/** Renewal rate and cost of sales of one row. */
function ratios(b: SheetBuilder, row: number, role: 'result' | 'total'): void {
  const at = (col: number) => cellRef(row, col);
  b.calc(
    row,
    RATE,
    { kind: 'call', fn: 'RENEWAL_RATE', args: [at(RENEWED), at(UP)] },
    PERCENT_FORMAT,
    role,
  );
  b.calc(
    row,
    COST_OF_SALES,
    { kind: 'call', fn: 'COST_OF_SALES', args: [at(COST), at(REVENUE)] },
    PERCENT_FORMAT,
    role,
  );
}

function sums(b: SheetBuilder, row: number, ranges: (col: number) => string[]): void {
  for (const col of [UP, RENEWED, REVENUE, COST]) {
    const format = col === UP || col === RENEWED ? WHOLE_FORMAT : b.money;
    b.calc(row, col, { kind: 'sum', refs: ranges(col) }, format, 'total');
  }
  ratios(b, row, 'total');
}

function build(b: SheetBuilder): void {
  const { periods, startMonth } = b.options;
  b.heading(b.tr('renewals.name'), b.tr('renewals.purpose'), COST_OF_SALES + 1);
  b.headers(HEADER, 0, [
    b.tr('col.segment'),
    b.tr('col.quarter'),
    b.tr('col.upForRenewal'),
    b.tr('col.renewed'),
    b.tr('kpi.renewalRate'),
    b.tr('col.renewalRevenue'),
    b.tr('col.salesCost'),
    b.tr('kpi.costOfSales'),
  ]);
  const blocks: { first: number; last: number }[] = [];
  let row = HEADER + 1;
  for (const segment of SEGMENTS) {
    const first = row;
    for (let q = 0; q < periods; q++, row++) {
      const { year, quarter } = quarterAt(startMonth, q);
      // Only quarters already over have actuals.
      const over = b.isPast(year, quarter * 3);
      const up = Math.round(segment.up * QUARTER_SEASON[quarter - 1]!);
      const share = segment.renewShare * (quarter === WEAK_QUARTER ? WEAK_RENEWALS : 1);
      const renewed = Math.round(up * share);
      const revenue = renewed * segment.value;
      b.value(row, 0, b.tr(segment.label), 'label');
      b.value(row, 1, b.tr('common.quarter', { quarter, year }), 'label');
      b.input(row, UP, over ? up : undefined, { kind: 'count' }, WHOLE_FORMAT);
      b.input(row, RENEWED, over ? renewed : undefined, { kind: 'count' }, WHOLE_FORMAT);
      b.input(row, REVENUE, over ? revenue : undefined, { kind: 'money' }, b.money);
      const cost = over ? Math.round(revenue * segment.costShare) : undefined;
      b.input(row, COST, cost, { kind: 'money' }, b.money);
      ratios(b, row, 'result');
    }
    blocks.push({ first, last: row - 1 });
    b.value(row, 0, b.tr(segment.label), 'total');
    b.value(row, 1, b.tr('common.total'), 'total');
    sums(b, row, (col) => [rangeRef(first, col, row - 1, col)]);
    row += 1;
  }
  b.value(row, 0, b.tr('common.allSegments'), 'total');
  b.value(row, 1, b.tr('common.total'), 'total');
  sums(b, row, (col) => blocks.map((block) => rangeRef(block.first, col, block.last, col)));

  const reference = row + 2;
  b.value(reference, 0, b.tr('col.reference'), 'reference');
  b.input(reference, RATE, 0.75, { kind: 'fraction' }, PERCENT_FORMAT, {
    keep: true,
    role: 'reference',
  });
  b.input(reference, COST_OF_SALES, b.tr('bench.costOfSales.value'), 'text', undefined, {
    keep: true,
    role: 'reference',
  });
  const disclaimer = b.paragraph(reference + 1, 0, b.tr('bench.renewal.source'), 'source');
  b.paragraph(disclaimer, 0, b.tr('common.benchmarkDisclaimer'));
  b.columnWidths([140, 90, 90, 90, 90, 110, 100, 90]);
  b.freeze(HEADER + 1, 2);
}

export const renewals: TemplateDefinition = {
  id: 'renewals',
  name: 'renewals.name',
  purpose: 'renewals.purpose',
  kpis: ['kpi.renewalRate', 'kpi.costOfSales'],
  build,
};
