// Monthly KPI dashboard: revenue against goal, leads, conversion, CAC and growth, SMART goals and a chart.
import type { MessageKey } from '../../i18n/index';
import {
  DATE_FORMAT,
  DECIMAL_FORMAT,
  monthFormat,
  PERCENT_FORMAT,
  WHOLE_FORMAT,
} from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { companyMonth } from './example-company';
import { monthAt, monthSerial } from './periods';
import { toleranceInput } from './tolerance';

const HEADER = 4;
const FIRST = 5;
const [REVENUE, GOAL, ATTAINMENT, STATUS, LEADS, CONVERTED, CONVERSION, COST, NEW, CAC, GROWTH] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
];
/** How a goal's target is shown: in the sheet's currency, as a percentage, or as a plain number. */
type TargetUnit = 'money' | 'percent' | 'number';

const SMART_GOALS: {
  kpi: MessageKey;
  target: number;
  unit: TargetUnit;
  month: number;
  owner: MessageKey;
}[] = [
  {
    kpi: 'dashboard.goal.revenue',
    target: 600_000,
    unit: 'money',
    month: 5,
    owner: 'dashboard.owner.salesLead',
  },
  {
    kpi: 'kpi.leadConversion',
    target: 0.055,
    unit: 'percent',
    month: 2,
    owner: 'dashboard.owner.vendor',
  },
  { kpi: 'kpi.cac', target: 5_500, unit: 'money', month: 8, owner: 'dashboard.owner.salesLead' },
  {
    kpi: 'dashboard.goal.responseTime',
    target: 1,
    unit: 'number',
    month: 1,
    owner: 'dashboard.owner.vendor',
  },
];

/**
 * The example company's month `p` (example-company.ts), in the input columns' order: revenue,
 * goal, leads, leads converted (deals won), sales and marketing cost, new customers; blank for
 * months to come.
 */
function example(b: SheetBuilder, p: number): (number | undefined)[] {
  const { year, month } = monthAt(b.options.startMonth, p);
  if (!b.isPast(year, month)) return [];
  const m = companyMonth(year, month);
  return [m.revenue, m.goal, m.leads, m.won, m.salesCost, m.won];
}

/** Attainment, status (read against `tolerance`), lead conversion and CAC of one row. */
function ratios(b: SheetBuilder, row: number, role: 'result' | 'total', tolerance: string): void {
  const at = (col: number) => cellRef(row, col);
  b.calc(
    row,
    ATTAINMENT,
    { kind: 'call', fn: 'GOAL_ATTAINMENT', args: [at(REVENUE), at(GOAL)] },
    PERCENT_FORMAT,
    role,
  );
  b.calc(
    row,
    STATUS,
    { kind: 'call', fn: 'KPI_STATUS', args: [at(REVENUE), at(GOAL), undefined, tolerance] },
    undefined,
    'status',
  );
  b.calc(
    row,
    CONVERSION,
    { kind: 'call', fn: 'LEAD_CONVERSION', args: [at(CONVERTED), at(LEADS)] },
    PERCENT_FORMAT,
    role,
  );
  b.calc(row, CAC, { kind: 'call', fn: 'CAC', args: [at(COST), at(NEW)] }, b.money, role);
}

function build(b: SheetBuilder): void {
  const { periods, startMonth } = b.options;
  const money = b.money;
  const inputCols = [
    { col: REVENUE, kind: 'signedMoney', format: money },
    { col: GOAL, kind: 'money', format: money },
    { col: LEADS, kind: 'count', format: WHOLE_FORMAT },
    { col: CONVERTED, kind: 'count', format: WHOLE_FORMAT },
    { col: COST, kind: 'money', format: money },
    { col: NEW, kind: 'count', format: WHOLE_FORMAT },
  ] as const;
  b.heading(b.tr('dashboard.name'), b.tr('dashboard.purpose'), GROWTH + 1);
  b.headers(HEADER, 0, [
    b.tr('col.month'),
    b.tr('col.revenue'),
    b.tr('col.goal'),
    b.tr('kpi.goalAttainment'),
    b.tr('col.status'),
    b.tr('stage.leads'),
    b.tr('input.converted'),
    b.tr('kpi.leadConversion'),
    b.tr('input.salesMarketingCost'),
    b.tr('input.newCustomers'),
    b.tr('kpi.cac'),
    b.tr('kpi.growthRate'),
  ]);
  const total = FIRST + periods;
  // Right under the statuses it decides; the benchmark's reference follows.
  const tolerance = toleranceInput(b, total + 1, 0);
  for (let p = 0; p < periods; p++) {
    const row = FIRST + p;
    b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
    const values = example(b, p);
    inputCols.forEach((input, i) =>
      b.input(row, input.col, values[i], { kind: input.kind }, input.format),
    );
    ratios(b, row, 'result', tolerance);
    if (p > 0)
      b.calc(
        row,
        GROWTH,
        {
          kind: 'call',
          fn: 'GROWTH_RATE',
          args: [cellRef(row, REVENUE), cellRef(row - 1, REVENUE)],
        },
        PERCENT_FORMAT,
      );
  }
  b.value(total, 0, b.tr('common.total'), 'total');
  for (const input of inputCols)
    b.calc(
      total,
      input.col,
      { kind: 'sum', refs: [rangeRef(FIRST, input.col, total - 1, input.col)] },
      input.format,
      'total',
    );
  ratios(b, total, 'total', tolerance);
  b.statusColours(rangeRef(FIRST, STATUS, total, STATUS));
  const reference = `${b.tr('col.reference')}: ${b.tr('bench.goalAttainment.value')} — ${b.tr('bench.goalAttainment.source')}`;
  const smartHeader = b.paragraph(total + 2, 0, reference, 'source') + 2;
  b.value(smartHeader - 1, 0, b.tr('dashboard.smartGoals'), 'section');
  b.headers(smartHeader, 0, [
    b.tr('col.kpi'),
    b.tr('col.target'),
    b.tr('col.deadline'),
    b.tr('col.owner'),
  ]);
  SMART_GOALS.forEach((goal, i) => {
    const row = smartHeader + 1 + i;
    b.input(row, 0, b.tr(goal.kpi), 'text');
    const format = { money: b.money, percent: PERCENT_FORMAT, number: DECIMAL_FORMAT }[goal.unit];
    b.input(row, 1, goal.target, { kind: 'signedNumber' }, format);
    // Deadlines lie ahead: the last day of a month to come.
    const deadline = monthSerial(b.ctx.currentMonth, goal.month + 1, 1) - 1;
    b.input(row, 2, deadline, { kind: 'date' }, DATE_FORMAT);
    b.input(row, 3, b.tr(goal.owner), 'text');
  });
  const smartNoteEnd = b.paragraph(
    smartHeader + SMART_GOALS.length + 1,
    0,
    b.tr('dashboard.smartNote'),
  );

  b.chart({
    type: 'line',
    title: b.tr('dashboard.chart'),
    categories: rangeRef(FIRST, 0, total - 1, 0),
    series: [
      { name: b.tr('col.revenue'), values: rangeRef(FIRST, REVENUE, total - 1, REVENUE) },
      { name: b.tr('col.goal'), values: rangeRef(FIRST, GOAL, total - 1, GOAL) },
    ],
    anchor: cellRef(smartNoteEnd + 1, 0),
    width: 720,
    height: 320,
  });
  b.columnWidths([90, 100, 100, 90, 90, 70, 80, 80, 100, 80, 90, 90]);
  // The monthly table and the SMART goals head their columns differently: only the first
  // column (months, goals) stays in view.
  b.freeze(0, 1);
}

export const dashboard: TemplateDefinition = {
  id: 'dashboard',
  name: 'dashboard.name',
  purpose: 'dashboard.purpose',
  kpis: ['kpi.goalAttainment', 'kpi.leadConversion', 'kpi.cac', 'kpi.growthRate'],
  build,
};
