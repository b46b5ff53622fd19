// Lead funnel: per period, leads through to won deals, with the conversion of every step and a chart.
import type { MessageKey } from '../../i18n/index';
import { monthFormat, PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { companyMonth } from './example-company';
import { monthAt, monthSerial } from './periods';

const STAGES: readonly MessageKey[] = [
  'stage.leads',
  'stage.responded',
  'stage.qualified',
  'stage.meetings',
  'stage.proposals',
  'stage.won',
];

const HEADER = 4;
const FIRST = 5;
const STAGE_COL = 1;
const RATE_COL = STAGE_COL + STAGES.length;

/** The example company's funnel in a past month (example-company.ts); blank for months to come. */
function exampleCounts(b: SheetBuilder, p: number): (number | undefined)[] {
  const { year, month } = monthAt(b.options.startMonth, p);
  if (!b.isPast(year, month)) return STAGES.map(() => undefined);
  const m = companyMonth(year, month);
  return [m.leads, m.responded, m.qualified, m.meetings, m.proposals, m.won];
}

/** Writes the response rate, each step's conversion and the overall conversion for one row. */
function rates(b: SheetBuilder, row: number, role: 'result' | 'total'): void {
  const stage = (i: number) => cellRef(row, STAGE_COL + i);
  b.calc(
    row,
    RATE_COL,
    { kind: 'call', fn: 'LEAD_RESPONSE_RATE', args: [stage(1), stage(0)] },
    PERCENT_FORMAT,
    role,
  );
  for (let i = 1; i < STAGES.length - 1; i++)
    b.calc(
      row,
      RATE_COL + i,
      { kind: 'call', fn: 'STAGE_CONVERSION', args: [stage(i + 1), stage(i)] },
      PERCENT_FORMAT,
      role,
    );
  const overall = {
    kind: 'call',
    fn: 'LEAD_CONVERSION',
    args: [stage(STAGES.length - 1), stage(0)],
  } as const;
  b.calc(row, RATE_COL + STAGES.length - 1, overall, PERCENT_FORMAT, role);
}

function build(b: SheetBuilder): void {
  const { periods, startMonth } = b.options;
  const stageNames = STAGES.map((key) => b.tr(key));
  const stepNames = stageNames
    .slice(2)
    .map((next, i) => b.tr('col.stepConversion', { from: stageNames[i + 1]!, to: next }));
  const width = RATE_COL + STAGES.length;
  b.heading(b.tr('funnel.name'), b.tr('funnel.purpose'), width);
  b.headers(HEADER, 0, [
    b.tr('col.period'),
    ...stageNames,
    b.tr('kpi.leadResponseRate'),
    ...stepNames,
    b.tr('col.overallConversion'),
  ]);
  for (let p = 0; p < periods; p++) {
    const row = FIRST + p;
    b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
    exampleCounts(b, p).forEach((count, i) =>
      b.input(row, STAGE_COL + i, count, { kind: 'count' }, WHOLE_FORMAT),
    );
    rates(b, row, 'result');
  }
  const total = FIRST + periods;
  b.value(total, 0, b.tr('common.total'), 'total');
  STAGES.forEach((_, i) =>
    b.calc(
      total,
      STAGE_COL + i,
      { kind: 'sum', refs: [rangeRef(FIRST, STAGE_COL + i, total - 1, STAGE_COL + i)] },
      WHOLE_FORMAT,
      'total',
    ),
  );
  rates(b, total, 'total');
  b.chart({
    type: 'column',
    title: b.tr('funnel.chart'),
    categories: rangeRef(HEADER, STAGE_COL, HEADER, STAGE_COL + STAGES.length - 1),
    series: [
      {
        name: b.tr('common.total'),
        values: rangeRef(total, STAGE_COL, total, STAGE_COL + STAGES.length - 1),
      },
    ],
    anchor: cellRef(total + 2, 0),
    width: 640,
    height: 320,
  });
  b.columnWidths([90, ...STAGES.map(() => 80), 90, ...stepNames.map(() => 90), 90]);
  b.freeze(FIRST, 1);
}

export const funnel: TemplateDefinition = {
  id: 'funnel',
  name: 'funnel.name',
  purpose: 'funnel.purpose',
  kpis: ['kpi.leadResponseRate', 'kpi.stageConversion', 'kpi.leadConversion'],
  build,
};
