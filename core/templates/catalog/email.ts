// Email campaign tracker: a row per campaign with open, click-through and response rates and benchmarks.
import { DATE_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { WEAK_MONTH } from './example-company';
import { monthAt, monthSerial } from './periods';

/** Example share of the emails opened, by kind of campaign (email.exampleNames, in order). */
const OPENED_BY_KIND = [0.24, 0.21, 0.19, 0.27, 0.17];

const HEADER = 4;
const FIRST = 5;
const SENT = 2;
const RATES = [
  { fn: 'OPEN_RATE', count: 3, kpi: 'kpi.openRate' },
  { fn: 'CLICK_THROUGH_RATE', count: 4, kpi: 'kpi.clickThroughRate' },
  { fn: 'RESPONSE_RATE', count: 5, kpi: 'kpi.responseRate' },
] as const;
const RATE_COL = 6;

function rates(b: SheetBuilder, row: number, role: 'result' | 'total'): void {
  RATES.forEach((rate, i) =>
    b.calc(
      row,
      RATE_COL + i,
      { kind: 'call', fn: rate.fn, args: [cellRef(row, rate.count), cellRef(row, SENT)] },
      PERCENT_FORMAT,
      role,
    ),
  );
}

function build(b: SheetBuilder): void {
  const { rows } = b.options;
  const names = b.tr('email.exampleNames').split('|');
  b.heading(b.tr('email.name'), b.tr('email.purpose'), RATE_COL + RATES.length + 1);
  b.headers(HEADER, 0, [
    b.tr('col.campaign'),
    b.tr('col.date'),
    b.tr('col.sent'),
    b.tr('col.opened'),
    b.tr('col.clicked'),
    b.tr('col.responses'),
    ...RATES.map((rate) => b.tr(rate.kpi)),
    b.tr('col.source'),
  ]);
  // Two campaigns a month, the last two in the month before this one: all already sent.
  const firstMonth = -Math.ceil(rows / 2);
  for (let i = 0; i < rows; i++) {
    const row = FIRST + i;
    const offset = firstMonth + Math.floor(i / 2);
    const { month } = monthAt(b.ctx.currentMonth, offset);
    const kind = i % names.length;
    const sent = 2_000 + 40 * i + 150 * (i % 3);
    // Readers open what they expect to use; July's inboxes are on holiday.
    const reach = (month === WEAK_MONTH ? 0.75 : 1) * OPENED_BY_KIND[kind]!;
    b.input(row, 0, `${names[kind]} ${Math.floor(i / names.length) + 1}`, 'text');
    b.input(
      row,
      1,
      monthSerial(b.ctx.currentMonth, offset, 3 + 14 * (i % 2)),
      { kind: 'date' },
      DATE_FORMAT,
    );
    b.input(row, SENT, sent, { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 3, Math.round(sent * reach), { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 4, Math.round(sent * reach * 0.12), { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 5, Math.round(sent * reach * 0.06), { kind: 'count' }, WHOLE_FORMAT);
    rates(b, row, 'result');
  }
  const total = FIRST + rows;
  b.value(total, 0, b.tr('common.total'), 'total');
  for (let col = SENT; col < RATE_COL; col++)
    b.calc(
      total,
      col,
      { kind: 'sum', refs: [rangeRef(FIRST, col, total - 1, col)] },
      WHOLE_FORMAT,
      'total',
    );
  rates(b, total, 'total');

  const reference = total + 1;
  b.value(reference, 0, b.tr('col.reference'), 'reference');
  b.input(reference, RATE_COL, 0.21, { kind: 'fraction' }, PERCENT_FORMAT, {
    keep: true,
    role: 'reference',
  });
  b.input(reference, RATE_COL + 1, 0.026, { kind: 'fraction' }, PERCENT_FORMAT, {
    keep: true,
    role: 'reference',
  });
  b.value(reference, RATE_COL + RATES.length, b.tr('bench.mailchimp.source'), 'source');
  b.paragraph(reference + 2, 0, b.tr('common.benchmarkDisclaimer'));
  b.columnWidths([180, 100, 80, 80, 80, 80, 90, 90, 90, 200]);
  b.freeze(FIRST, 1);
}

export const email: TemplateDefinition = {
  id: 'email',
  name: 'email.name',
  purpose: 'email.purpose',
  kpis: RATES.map((rate) => rate.kpi),
  build,
};
