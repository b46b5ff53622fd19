// Sales activity tracker: a log of each rep's activities per period, totals per period and a chart.
import type { MessageKey } from '../../i18n/index';
import { DECIMAL_FORMAT, monthFormat, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { companyMonth, split } from './example-company';
import { monthAt, monthSerial } from './periods';

/** The counted activities, then the outcome they lead to. */
const ACTIVITIES: readonly MessageKey[] = [
  'col.calls',
  'col.emails',
  'col.meetings',
  'col.followUps',
];
const DEALS: MessageKey = 'col.dealsClosed';

const SUMMARY_HEADER = 5;
const SUMMARY_FIRST = 6;

/**
 * Example calls, emails, meetings, follow-ups and deals of each rep in period `p`: the reps book
 * the example company's meetings and close its deals of that month between them, so the totals
 * are the funnel's (example-company.ts); blank for months to come.
 */
function example(b: SheetBuilder, p: number): number[][] | undefined {
  const { year, month } = monthAt(b.options.startMonth, p);
  if (!b.isPast(year, month)) return undefined;
  const m = companyMonth(year, month);
  const reps = b.options.rows;
  const meetings = split(m.meetings, reps);
  const deals = split(m.won, reps);
  return meetings.map((booked, r) => {
    const calls = booked * 11 + ((3 * r + p) % 7);
    return [calls, Math.round(calls * 1.6), booked, booked * 2 + deals[r]! * 2, deals[r]!];
  });
}

/** Writes "activities" (the sum of the activity columns) and activities per deal at `col`. */
function perDeal(
  b: SheetBuilder,
  row: number,
  firstActivity: number,
  col: number,
  role: 'result' | 'total' | 'body',
): void {
  const activities = {
    kind: 'sum',
    refs: [rangeRef(row, firstActivity, row, firstActivity + ACTIVITIES.length - 1)],
  } as const;
  b.calc(row, col, activities, WHOLE_FORMAT, role === 'result' ? 'body' : role);
  const ratio = {
    kind: 'call',
    fn: 'ACTIVITIES_PER_OUTCOME',
    args: [cellRef(row, col), cellRef(row, col - 1)],
  } as const;
  b.calc(row, col + 1, ratio, DECIMAL_FORMAT, role);
}

function build(b: SheetBuilder): void {
  const { periods, rows: reps, startMonth } = b.options;
  const metricNames = [...ACTIVITIES, DEALS].map((key) => b.tr(key));
  const tail = [b.tr('col.activities'), b.tr('kpi.activitiesPerDeal')];
  b.heading(b.tr('activity.name'), b.tr('activity.purpose'), 9);

  const logSection = SUMMARY_FIRST + periods + 2;
  const logHeader = logSection + 1;
  const logFirst = logHeader + 1;
  const blockRange = (p: number, col: number) =>
    rangeRef(logFirst + p * reps, col, logFirst + (p + 1) * reps - 1, col);

  // The totals and the log share one heading row, column for column ("All reps" where the log
  // names a rep), so the frozen heading is right over either table.
  const heading = [b.tr('col.period'), b.tr('col.rep'), ...metricNames, ...tail];
  const allReps = b.tr('activity.allReps');
  b.value(SUMMARY_HEADER - 1, 0, b.tr('activity.summary'), 'section');
  b.headers(SUMMARY_HEADER, 0, heading);
  for (let p = 0; p < periods; p++) {
    const row = SUMMARY_FIRST + p;
    b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
    b.value(row, 1, allReps, 'label');
    metricNames.forEach((_, i) =>
      b.calc(row, 2 + i, { kind: 'sum', refs: [blockRange(p, 2 + i)] }, WHOLE_FORMAT, 'body'),
    );
    perDeal(b, row, 2, 2 + metricNames.length, 'result');
  }
  const total = SUMMARY_FIRST + periods;
  b.value(total, 0, b.tr('common.total'), 'total');
  b.value(total, 1, allReps, 'total');
  metricNames.forEach((_, i) =>
    b.calc(
      total,
      2 + i,
      { kind: 'sum', refs: [rangeRef(SUMMARY_FIRST, 2 + i, total - 1, 2 + i)] },
      WHOLE_FORMAT,
      'total',
    ),
  );
  perDeal(b, total, 2, 2 + metricNames.length, 'total');

  b.value(logSection, 0, b.tr('activity.log'), 'section');
  b.headers(logHeader, 0, heading);
  const repNames = b.tr('activity.exampleReps').split('|');
  const examples = Array.from({ length: periods }, (_, p) => example(b, p));
  for (let p = 0; p < periods; p++)
    for (let r = 0; r < reps; r++) {
      const row = logFirst + p * reps + r;
      b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
      // Names are typed once, in the first period; later periods repeat them.
      if (p === 0)
        b.input(
          row,
          1,
          repNames[r % repNames.length]! + (r >= repNames.length ? ` ${r + 1}` : ''),
          'text',
        );
      else b.calc(row, 1, { kind: 'copy', ref: cellRef(logFirst + r, 1) }, undefined, 'body');
      const counts = examples[p]?.[r] ?? [];
      metricNames.forEach((_, i) =>
        b.input(row, 2 + i, counts[i], { kind: 'count' }, WHOLE_FORMAT),
      );
      perDeal(b, row, 2, 2 + metricNames.length, 'result');
    }

  b.chart({
    type: 'column',
    title: b.tr('activity.chart'),
    categories: rangeRef(SUMMARY_FIRST, 0, total - 1, 0),
    series: ACTIVITIES.map((_, i) => ({
      name: metricNames[i]!,
      values: rangeRef(SUMMARY_FIRST, 2 + i, total - 1, 2 + i),
    })),
    anchor: cellRef(SUMMARY_HEADER - 1, 10),
    width: 640,
    height: 320,
  });
  b.columnWidths([90, 120, 70, 70, 80, 80, 70, 80, 80]);
  b.freeze(SUMMARY_FIRST, 1);
}

export const activity: TemplateDefinition = {
  id: 'activity',
  name: 'activity.name',
  purpose: 'activity.purpose',
  kpis: ['col.activities', 'kpi.activitiesPerDeal'],
  build,
};
