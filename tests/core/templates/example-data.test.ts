// Example data: actuals only in months already over, realistic variation, and one company's figures across the templates.
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../../core/i18n/index';
import { buildPlan } from '../../../core/templates/index';
import type { TemplateId, TemplateOptionsInput } from '../../../core/templates/options';
import type { SheetPlan } from '../../../core/templates/plan';

/** The month the host says it is: example actuals must lie before it. */
const NOW = '2026-11';
const FIRST_OF_NOW = 46327; // 1 November 2026 as a serial: 46,327 days after 30 December 1899.

function plan(id: TemplateId, options: TemplateOptionsInput = {}, now = NOW): SheetPlan {
  const built = buildPlan(id, options, { startMonth: now }, { functionPrefix: '' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return built.plan;
}

const text = (key: MessageKey) => t('en', key);

/** "YYYY-MM" of a date serial. */
function monthOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 7);
}

/** The table under the heading row that holds `first` in column A and `second` beside it. */
function table(p: SheetPlan, first: MessageKey, second: MessageKey, which = 0) {
  const headers = p.cells.flatMap((line, row) =>
    line[0]?.value === text(first) && line.some((c) => c?.value === text(second)) ? [row] : [],
  );
  const header = headers[which]!;
  const column = (key: MessageKey) => p.cells[header]!.findIndex((c) => c?.value === text(key));
  /** The rows below the heading whose column A holds a date serial (a period). */
  const rows: number[] = [];
  for (let row = header + 1; typeof p.cells[row]?.[0]?.value === 'number'; row++) rows.push(row);
  const value = (row: number, key: MessageKey) => p.cells[row]![column(key)]?.value;
  const month = (row: number) => monthOfSerial(p.cells[row]![0]!.value as number);
  return { rows, column, value, month };
}

/** A month's figure added over the rows of that month (the activity log has one per rep). */
function byMonth(
  rows: number[],
  month: (row: number) => string,
  figure: (row: number) => unknown,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const value = figure(row);
    if (typeof value === 'number') sums.set(month(row), (sums.get(month(row)) ?? 0) + value);
  }
  return sums;
}

/** Each monthly template's table of period rows holding inputs: its heading's first two keys. */
const MONTHLY: [TemplateId, MessageKey, MessageKey, number][] = [
  ['funnel', 'col.period', 'stage.leads', 0],
  ['dashboard', 'col.month', 'col.revenue', 0],
  ['activity', 'col.period', 'col.rep', 1],
  ['satisfaction', 'col.period', 'col.date', 0],
];

describe('example actuals lie in the past', () => {
  it.each(MONTHLY)(
    '%s: the default months end with the month before the current one, all filled',
    (id, first, second, which) => {
      const p = plan(id);
      const { rows, month } = table(p, first, second, which);
      const months = [...new Set(rows.map(month))];
      expect(months).toHaveLength(12);
      expect(months.at(-1)).toBe('2026-10');
      for (const row of rows)
        expect(p.cells[row]!.some((c) => c?.input && c.value !== undefined)).toBe(true);
    },
  );

  it.each(MONTHLY)(
    '%s: months from the current one on stay blank when the periods run into them',
    (id, first, second, which) => {
      const p = plan(id, { startMonth: '2026-06', periods: 12 });
      const { rows, month } = table(p, first, second, which);
      const filled = (row: number) => p.cells[row]!.some((c) => c?.input && c.value !== undefined);
      for (const row of rows) expect(filled(row), month(row)).toBe(month(row) < NOW);
      expect(rows.filter(filled).length).toBeGreaterThan(0);
    },
  );

  it('renewals: the default quarters are the last four that are over', () => {
    const p = plan('renewals');
    const quarters = p.cells.flatMap((line) =>
      typeof line[1]?.value === 'string' && /^Q\d \d{4}$/.test(line[1].value)
        ? [line[1].value]
        : [],
    );
    expect([...new Set(quarters)]).toEqual(['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026']);
  });

  it('email: every campaign was sent before the current month', () => {
    const p = plan('email', { rows: 24 });
    const { column } = table(p, 'col.campaign', 'col.date');
    const dates = p.cells.flatMap((line) =>
      typeof line[column('col.date')]?.value === 'number'
        ? [line[column('col.date')]!.value as number]
        : [],
    );
    expect(dates).toHaveLength(24);
    for (const date of dates) expect(date).toBeLessThan(FIRST_OF_NOW);
  });

  it('dashboard: the SMART goals’ deadlines lie ahead', () => {
    const p = plan('dashboard');
    const { rows, column } = table(p, 'col.kpi', 'col.deadline');
    expect(rows).toEqual([]);
    const deadline = column('col.deadline');
    const header = p.cells.findIndex((line) => line[deadline]?.value === text('col.deadline'));
    for (let row = header + 1; row < header + 5; row++)
      expect(p.cells[row]![deadline]!.value as number).toBeGreaterThan(FIRST_OF_NOW);
  });
});

describe('example data varies as a real year does', () => {
  const funnel = table(plan('funnel'), 'col.period', 'stage.leads');
  const count = (row: number, key: MessageKey) => funnel.value(row, key) as number;
  const steps: [MessageKey, MessageKey][] = [
    ['stage.responded', 'stage.leads'],
    ['stage.qualified', 'stage.responded'],
    ['stage.meetings', 'stage.qualified'],
    ['stage.won', 'stage.leads'],
  ];

  it.each(steps)('the share of %s in %s differs from month to month', (part, whole) => {
    const rates = funnel.rows.map((row) => count(row, part) / count(row, whole));
    expect(new Set(rates.map((r) => r.toFixed(4))).size).toBeGreaterThan(3);
  });

  it('has a weak month: lead conversion more than 15% under the year’s average', () => {
    const rates = funnel.rows.map((row) => count(row, 'stage.won') / count(row, 'stage.leads'));
    const average = rates.reduce((a, b) => a + b, 0) / rates.length;
    const weak = funnel.rows.filter((_, i) => rates[i]! < average * 0.85).map(funnel.month);
    expect(weak).toEqual(['2026-07']);
  });

  it('follows the seasons: autumn brings more leads than July and December', () => {
    const leads = new Map(funnel.rows.map((row) => [funnel.month(row), count(row, 'stage.leads')]));
    for (const slow of ['2026-07', '2025-12'])
      for (const busy of ['2026-09', '2026-10'])
        expect(leads.get(busy)!).toBeGreaterThan(leads.get(slow)! * 1.2);
  });

  it('is the same whenever the same month builds it: no randomness', () => {
    expect(JSON.stringify(plan('funnel'))).toBe(JSON.stringify(plan('funnel')));
  });
});

describe('one company across the templates', () => {
  const funnel = table(plan('funnel'), 'col.period', 'stage.leads');
  const dashboard = table(plan('dashboard'), 'col.month', 'col.revenue');
  const activityPlan = plan('activity');
  const activity = table(activityPlan, 'col.period', 'col.rep', 1);
  const inFunnel = (key: MessageKey) =>
    byMonth(funnel.rows, funnel.month, (row) => funnel.value(row, key));
  const inDashboard = (key: MessageKey) =>
    byMonth(dashboard.rows, dashboard.month, (row) => dashboard.value(row, key));
  const total = (sums: Map<string, number>) => [...sums.values()].reduce((a, b) => a + b, 0);

  it('the dashboard’s leads and won customers are the funnel’s, month by month', () => {
    expect(inDashboard('stage.leads')).toEqual(inFunnel('stage.leads'));
    expect(inDashboard('input.converted')).toEqual(inFunnel('stage.won'));
    expect(inDashboard('input.newCustomers')).toEqual(inFunnel('stage.won'));
  });

  it('the reps’ meetings and deals add up to the funnel’s, month by month', () => {
    const reps = (key: MessageKey) =>
      byMonth(activity.rows, activity.month, (row) => activity.value(row, key));
    expect(reps('col.meetings')).toEqual(inFunnel('stage.meetings'));
    expect(reps('col.dealsClosed')).toEqual(inFunnel('stage.won'));
  });

  /** The scorecard's example value typed right of `label` in the row of `kpi`. */
  const scorecard = plan('scorecard');
  const typed = (p: SheetPlan, kpi: MessageKey, label: MessageKey) => {
    const line = p.cells.find((l) => l[0]?.value === text(kpi))!;
    return line[line.findIndex((c) => c?.value === text(label)) + 1]!.value;
  };

  it('the scorecard’s year is the funnel’s and the dashboard’s twelve months', () => {
    expect(typed(scorecard, 'kpi.leadResponseRate', 'input.totalLeads')).toBe(
      total(inFunnel('stage.leads')),
    );
    expect(typed(scorecard, 'kpi.leadResponseRate', 'input.responded')).toBe(
      total(inFunnel('stage.responded')),
    );
    expect(typed(scorecard, 'kpi.dealClosureRate', 'input.dealsClosed')).toBe(
      total(inFunnel('stage.won')),
    );
    expect(typed(scorecard, 'kpi.dealClosureRate', 'input.dealsInPipeline')).toBe(
      total(inFunnel('stage.proposals')),
    );
    expect(typed(scorecard, 'kpi.cac', 'input.salesMarketingCost')).toBe(
      total(inDashboard('input.salesMarketingCost')),
    );
    expect(typed(scorecard, 'kpi.goalAttainment', 'input.actualRevenue')).toBe(
      total(inDashboard('col.revenue')),
    );
    expect(typed(scorecard, 'kpi.goalAttainment', 'input.revenueGoal')).toBe(
      total(inDashboard('col.goal')),
    );
  });

  it('the scorecard’s CSAT counts the satisfaction log’s answers', () => {
    const p = plan('satisfaction');
    const log = table(p, 'col.period', 'col.date');
    const answers = log.rows.filter((row) => typeof log.value(row, 'col.score') === 'number');
    const satisfied = answers.filter(
      (row) => log.value(row, 'col.satisfiedYesNo') === text('common.yes'),
    );
    expect(typed(scorecard, 'kpi.csat', 'input.surveyResponses')).toBe(answers.length);
    expect(typed(scorecard, 'kpi.csat', 'input.satisfied')).toBe(satisfied.length);
  });

  it('unit economics, in-house vs outsourced and pricing models use the same year', () => {
    const units = plan('unit-economics');
    const value = (p: SheetPlan, key: MessageKey, col = 1) =>
      p.cells.find((l) => l[0]?.value === text(key))![col]!.value;
    expect(value(units, 'input.salesMarketingCost')).toBe(
      typed(scorecard, 'kpi.cac', 'input.salesMarketingCost'),
    );
    expect(value(units, 'input.newCustomers')).toBe(
      typed(scorecard, 'kpi.cac', 'input.newCustomers'),
    );
    expect(value(units, 'input.avgPurchaseValue')).toBe(
      typed(scorecard, 'kpi.clv', 'input.avgPurchaseValue'),
    );
    const teams = plan('inhouse-vs-outsourced');
    expect(value(teams, 'input.totalLeads', 2)).toBe(total(inFunnel('stage.leads')));
    expect(value(teams, 'input.salesMarketingCost', 2)).toBe(
      typed(scorecard, 'kpi.salesRoi', 'input.salesCost'),
    );
    const pricing = plan('pricing-models');
    expect(value(pricing, 'input.appointments')).toBe(
      Math.round(total(inFunnel('stage.meetings')) / 12),
    );
    expect(value(pricing, 'input.dealsWon')).toBe(Math.round(total(inFunnel('stage.won')) / 12));
  });

  it('the ROI calculator is last month’s: its appointments are the funnel’s meetings of October', () => {
    const roi = plan('roi');
    const appointments = roi.cells.find((l) => l[0]?.value === text('input.appointments'))![1]!
      .value;
    expect(appointments).toBe(inFunnel('stage.meetings').get('2026-10'));
  });

  it('still says it is example data', () => {
    for (const id of ['funnel', 'scorecard', 'dashboard'] as const)
      expect(
        plan(id)
          .cells.flat()
          .some((c) => c?.value === text('common.exampleLabel')),
      ).toBe(true);
  });
});
