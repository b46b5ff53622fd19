// Outsourcing vendor evaluation: the six questions to ask a vendor, weighted 1–5 scores and a rank.
import type { MessageKey } from '../../i18n/index';
import { DECIMAL_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';

/**
 * The six questions of seed 002, with an example weight each on the 1–5 importance scale
 * scorecards commonly use; VENDOR_SCORE divides by the total, so any scale works.
 */
const QUESTIONS: { question: MessageKey; weight: number }[] = [
  { question: 'vendor.q.trackRecord', weight: 5 },
  { question: 'vendor.q.staffing', weight: 3 },
  { question: 'vendor.q.plan', weight: 3 },
  { question: 'vendor.q.relationship', weight: 2 },
  { question: 'vendor.q.data', weight: 3 },
  { question: 'vendor.q.reporting', weight: 4 },
];
const HEADER = 4;
const NAMES = 5;
const FIRST = 6;
const LAST = FIRST + QUESTIONS.length - 1;
const TOTAL_WEIGHT = LAST + 1;
const SCORE = LAST + 2;
const RANK = LAST + 3;
const SCALE = { min: 1, max: 5 };
/** Weights may be 1–5, 0.5 or 25% (0.25): two decimals show any of them, a percent format would not. */
const WEIGHT_FORMAT = DECIMAL_FORMAT;

function build(b: SheetBuilder): void {
  const vendors = b.options.rows;
  const names = b.tr('vendor.exampleNames').split('|');
  b.heading(
    b.tr('vendor-evaluation.name'),
    b.tr('vendor-evaluation.purpose'),
    Math.max(4, vendors + 2),
  );
  b.headers(HEADER, 0, [
    b.tr('col.question'),
    b.tr('col.weight'),
    ...Array.from({ length: vendors }, (_, v) => b.tr('col.vendor', { n: v + 1 })),
  ]);
  b.value(NAMES, 0, b.tr('vendor.nameRow'), 'label');
  const weights = rangeRef(FIRST, 1, LAST, 1);
  QUESTIONS.forEach((q, i) => {
    const row = FIRST + i;
    b.value(row, 0, b.tr(q.question), 'label');
    b.input(row, 1, q.weight, { kind: 'weight' }, WEIGHT_FORMAT);
  });
  b.value(TOTAL_WEIGHT, 0, b.tr('vendor.totalWeight'), 'total');
  b.calc(TOTAL_WEIGHT, 1, { kind: 'sum', refs: [weights] }, WEIGHT_FORMAT, 'total');
  b.value(SCORE, 0, b.tr('kpi.vendorScore'), 'label');
  b.value(RANK, 0, b.tr('col.rank'), 'label');
  for (let v = 0; v < vendors; v++) {
    const col = 2 + v;
    b.input(NAMES, col, names[v % names.length]! + (v >= names.length ? ` ${v + 1}` : ''), 'text');
    QUESTIONS.forEach((_, i) =>
      b.input(FIRST + i, col, 1 + ((i * 2 + v * 3 + 2) % 5), { scale: SCALE }, WHOLE_FORMAT),
    );
    const scores = rangeRef(FIRST, col, LAST, col);
    b.calc(
      SCORE,
      col,
      { kind: 'call', fn: 'VENDOR_SCORE', args: [scores, weights], guard: scores },
      DECIMAL_FORMAT,
    );
    b.calc(
      RANK,
      col,
      { kind: 'rank', ref: cellRef(SCORE, col), range: rangeRef(SCORE, 2, SCORE, 1 + vendors) },
      WHOLE_FORMAT,
      'body',
    );
  }
  b.paragraph(RANK + 2, 0, b.tr('vendor.note'));
  // Vendor columns wide enough for any example name, so they stay alike (one run of widths).
  b.columnWidths([200, 80, ...Array.from({ length: vendors }, () => 170)]);
  b.freeze(NAMES + 1, 1);
}

export const vendorEvaluation: TemplateDefinition = {
  id: 'vendor-evaluation',
  name: 'vendor-evaluation.name',
  purpose: 'vendor-evaluation.purpose',
  kpis: ['kpi.vendorScore', 'col.rank'],
  build,
};
