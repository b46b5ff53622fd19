// Email campaign tracker: a row per campaign with open, click-through and response rates and benchmarks.
import { DATE_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { monthSerial } from './periods';

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
  const { rows, startMonth } = b.options;
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
  for (let i = 0; i < rows; i++) {
    const row = FIRST + i;
    const sent = 2_000 + 250 * (i % 4);
    b.input(row, 0, `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`, 'text');
    b.input(
      row,
      1,
      monthSerial(startMonth, Math.floor(i / 2), 3 + 14 * (i % 2)),
      { kind: 'date' },
      DATE_FORMAT,
    );
    b.input(row, SENT, sent, { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 3, Math.round(sent * (0.18 + 0.01 * (i % 5))), { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 4, Math.round(sent * (0.02 + 0.002 * (i % 4))), { kind: 'count' }, WHOLE_FORMAT);
    b.input(row, 5, Math.round(sent * (0.01 + 0.001 * (i % 3))), { kind: 'count' }, WHOLE_FORMAT);
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
