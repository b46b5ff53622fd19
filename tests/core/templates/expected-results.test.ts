// Every template filled with the test's own inputs and every formula cell checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../core/i18n/index';
import { parseRange } from '../../../core/templates/index';
import { TemplateSheet, VARIANTS } from '../../support/template-sheet';

// KPI_STATUS's results as the sheet shows them: s.text(ON) in the sheet's language.
const ON: MessageKey = 'status.onTrack';
const RISK: MessageKey = 'status.atRisk';
const OFF: MessageKey = 'status.offTrack';

/** The last test of each block: no formula cell of the sheet went unchecked. */
function everyFormulaChecked(s: TemplateSheet): void {
  it('has a hand-worked value for every formula cell', () => expect(s.unchecked()).toEqual([]));
}

describe.each(VARIANTS)('scorecard ($name)', (variant) => {
  const s = new TemplateSheet('scorecard', variant);
  const header = s.row(s.text('col.kpi'));
  const { result, target, status, attainment } = s.columns(header, {
    result: 'col.result',
    target: 'col.yourTarget',
    status: 'col.status',
    attainment: 'col.attainment',
  });
  /** Types a KPI row's inputs, each into the cell right of its label, and its target. */
  const kpi = (key: MessageKey, inputs: [MessageKey, number][], goal: number) => {
    const row = s.row(s.text(key));
    for (const [label, value] of inputs) s.set(row, s.column(row, s.text(label)) + 1, value);
    s.set(row, target, goal);
    return row;
  };
  const response = kpi(
    'kpi.leadResponseRate',
    [
      ['input.responded', 180],
      ['input.totalLeads', 200],
    ],
    0.85,
  );
  const conversion = kpi(
    'kpi.leadConversion',
    [
      ['input.converted', 38],
      ['input.totalLeads', 400],
    ],
    0.1,
  );
  const acquisition = kpi(
    'kpi.customerAcquisitionRate',
    [
      ['input.newCustomers', 10],
      ['input.totalLeads', 400],
    ],
    0.05,
  );
  const closure = kpi(
    'kpi.dealClosureRate',
    [
      ['input.dealsClosed', 12],
      ['input.dealsInPipeline', 48],
    ],
    0.2,
  );
  const cycle = kpi(
    'kpi.salesCycleLength',
    [
      ['input.totalDays', 1_200],
      ['input.dealsClosed', 24],
    ],
    48,
  );
  const cac = kpi(
    'kpi.cac',
    [
      ['input.salesMarketingCost', 50_000],
      ['input.newCustomers', 20],
    ],
    2_600,
  );
  const clv = kpi(
    'kpi.clv',
    [
      ['input.avgPurchaseValue', 5_000],
      ['input.purchasesPerYear', 3],
      ['input.lifespanYears', 4],
    ],
    50_000,
  );
  const ltvCac = kpi('kpi.ltvCac', [], 3);
  const roi = kpi(
    'kpi.salesRoi',
    [
      ['input.revenue', 100_000],
      ['input.salesCost', 40_000],
      ['input.grossMargin', 0.5],
    ],
    0.3,
  );
  const csat = kpi(
    'kpi.csat',
    [
      ['input.satisfied', 170],
      ['input.surveyResponses', 200],
    ],
    0.8,
  );
  const retention = kpi(
    'kpi.retentionRate',
    [
      ['input.customersStart', 200],
      ['input.customersEnd', 210],
      ['input.newCustomers', 30],
    ],
    0.95,
  );
  const goal = kpi(
    'kpi.goalAttainment',
    [
      ['input.actualRevenue', 150_000],
      ['input.revenueGoal', 200_000],
    ],
    1,
  );
  s.compute();

  it('computes every rate from its own row’s inputs', () => {
    s.check(response, result, 0.9); // 180 / 200
    s.check(conversion, result, 0.095); // 38 / 400
    s.check(acquisition, result, 0.025); // 10 / 400
    s.check(closure, result, 0.25); // 12 / 48
    s.check(roi, result, 0.25); // (100,000 × 0.5 − 40,000) / 40,000 = 10,000 / 40,000
    s.check(csat, result, 0.85); // 170 / 200
    s.check(retention, result, 0.9); // (210 − 30 new) / 200 = 180 / 200
    s.check(goal, result, 0.75); // 150,000 / 200,000
  });

  it('computes days, money and the LTV:CAC ratio from the CLV and CAC rows', () => {
    s.check(cycle, result, 50); // 1,200 days / 24 deals
    s.check(cac, result, 2_500); // 50,000 / 20
    s.check(clv, result, 60_000); // 5,000 × 3 a year × 4 years
    s.check(ltvCac, s.column(ltvCac, s.text('kpi.clv')) + 1, 60_000); // copy of the CLV result
    s.check(ltvCac, s.column(ltvCac, s.text('kpi.cac')) + 1, 2_500); // copy of the CAC result
    s.check(ltvCac, result, 24); // 60,000 / 2,500
  });

  it('gives every status, higher and lower is better, against the row’s own target', () => {
    s.check(response, status, s.text(ON)); // 0.9 ≥ 0.85
    s.check(conversion, status, s.text(RISK)); // 0.095 < 0.1 but ≥ 0.1 × 0.9 = 0.09
    s.check(acquisition, status, s.text(OFF)); // 0.025 < 0.05 × 0.9 = 0.045
    s.check(closure, status, s.text(ON)); // 0.25 ≥ 0.2
    // Lower is better: 50 days > 48 but ≤ 48 × 1.1 = 52.8 (higher-is-better would say On track).
    s.check(cycle, status, s.text(RISK));
    // Lower is better: 2,500 ≤ 2,600 (higher-is-better would say At risk: 2,500 ≥ 2,340).
    s.check(cac, status, s.text(ON));
    s.check(clv, status, s.text(ON)); // 60,000 ≥ 50,000
    s.check(ltvCac, status, s.text(ON)); // 24 ≥ 3
    s.check(roi, status, s.text(OFF)); // 0.25 < 0.3 × 0.9 = 0.27
    s.check(csat, status, s.text(ON)); // 0.85 ≥ 0.8
    s.check(retention, status, s.text(RISK)); // 0.9 < 0.95 but ≥ 0.95 × 0.9 = 0.855
    s.check(goal, status, s.text(OFF)); // 0.75 < 1 × 0.9
  });

  it('gives attainment as result ÷ target, or target ÷ result where lower is better', () => {
    s.check(response, attainment, 18 / 17); // 0.9 / 0.85 ≈ 105.9%
    s.check(conversion, attainment, 0.95); // 0.095 / 0.1
    s.check(acquisition, attainment, 0.5); // 0.025 / 0.05
    s.check(closure, attainment, 1.25); // 0.25 / 0.2
    s.check(cycle, attainment, 0.96); // lower is better: 48 / 50
    s.check(cac, attainment, 1.04); // lower is better: 2,600 / 2,500
    s.check(clv, attainment, 1.2); // 60,000 / 50,000
    s.check(ltvCac, attainment, 8); // 24 / 3
    s.check(roi, attainment, 5 / 6); // 0.25 / 0.3 ≈ 83.3%
    s.check(csat, attainment, 1.0625); // 0.85 / 0.8
    s.check(retention, attainment, 18 / 19); // 0.9 / 0.95 ≈ 94.7%
    s.check(goal, attainment, 0.75); // 0.75 / 1
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('scorecard, lower is better chosen in the sheet ($name)', (variant) => {
  const s = new TemplateSheet('scorecard', variant);
  const header = s.row(s.text('col.kpi'));
  const { result, target, lower, status, attainment } = s.columns(header, {
    result: 'col.result',
    target: 'col.yourTarget',
    lower: 'col.lowerIsBetter',
    status: 'col.status',
    attainment: 'col.attainment',
  });
  const cycle = s.row(s.text('kpi.salesCycleLength'));
  const clv = s.row(s.text('kpi.clv'));
  const input = (row: number, label: MessageKey) => s.column(row, s.text(label)) + 1;
  s.set(cycle, input(cycle, 'input.totalDays'), 1_200);
  s.set(cycle, input(cycle, 'input.dealsClosed'), 24);
  s.set(cycle, target, 48);
  s.set(clv, input(clv, 'input.avgPurchaseValue'), 5_000);
  s.set(clv, input(clv, 'input.purchasesPerYear'), 3);
  s.set(clv, input(clv, 'input.lifespanYears'), 4);
  s.set(clv, target, 50_000);

  it('offers the choice as the sheet’s own yes and no, filled in for every KPI', () => {
    expect(s.plan.cells[cycle]![lower]!.value).toBe(s.text('common.yes'));
    expect(s.plan.cells[clv]![lower]!.value).toBe(s.text('common.no'));
    const choice = s.plan.validations.find((v) => v.rule.type === 'list')!;
    expect(choice.rule).toEqual({
      type: 'list',
      items: [s.text('common.yes'), s.text('common.no')],
    });
  });

  it('turns status and attainment round when the reader changes the choice', () => {
    s.set(cycle, lower, s.text('common.no'));
    s.set(clv, lower, s.text('common.yes'));
    s.compute();
    s.check(cycle, result, 50); // 1,200 days / 24 deals
    s.check(cycle, status, s.text(ON)); // now higher is better: 50 ≥ 48
    s.check(cycle, attainment, 50 / 48); // result ÷ target
    s.check(clv, result, 60_000); // 5,000 × 3 × 4
    s.check(clv, status, s.text(OFF)); // now lower is better: 60,000 > 50,000 × 1.1
    s.check(clv, attainment, 5 / 6); // target ÷ result: 50,000 / 60,000
  });
});

describe.each(VARIANTS)('roi ($name)', (variant) => {
  const s = new TemplateSheet('roi', variant);
  const value = s.column(s.row(s.text('col.item'), s.text('col.value')), s.text('col.value'));
  const inputs: [MessageKey, number][] = [
    ['input.retainer', 5_000],
    ['input.feePerAppointment', 200],
    ['input.appointments', 30],
    ['input.commissionRate', 0.1],
    ['input.oversightHours', 10],
    ['input.hourlyCost', 50],
    ['input.toolsTraining', 500],
    ['input.attributedRevenue', 80_000],
    ['input.grossMargin', 0.5],
    ['input.costSavings', 4_000],
  ];
  for (const [label, amount] of inputs) s.set(s.row(s.text(label)), value, amount);
  s.compute();
  const at = (key: MessageKey) => s.row(s.text(key));

  it('adds fees, oversight and tools into the total cost', () => {
    s.check(at('roi.outsourcingFees'), value, 19_000); // 5,000 + 200 × 30 + 0.1 × 80,000
    s.check(at('roi.oversightCost'), value, 500); // 10 h × 50
    s.check(at('roi.totalCost'), value, 20_000); // 19,000 + 500 + 500
  });

  it('computes profit, ROI, break-even and cost of sales from the total cost', () => {
    s.check(at('kpi.salesProfit'), value, 24_000); // 80,000 × 0.5 + 4,000 − 20,000
    s.check(at('kpi.salesRoi'), value, 1.2); // 24,000 / 20,000
    s.check(at('kpi.breakevenRevenue'), value, 40_000); // 20,000 / 0.5
    s.check(at('kpi.costOfSales'), value, 0.25); // 20,000 / 80,000
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('funnel ($name)', (variant) => {
  const s = new TemplateSheet('funnel', variant, { periods: 2 });
  const header = s.row(s.text('col.period'), s.text('stage.leads'));
  const stageKeys: MessageKey[] = [
    'stage.leads',
    'stage.responded',
    'stage.qualified',
    'stage.meetings',
    'stage.proposals',
    'stage.won',
  ];
  const stages = stageKeys.map((key) => s.column(header, s.text(key)));
  const step = (from: MessageKey, to: MessageKey) =>
    s.column(header, s.text('col.stepConversion', { from: s.text(from), to: s.text(to) }));
  const response = s.column(header, s.text('kpi.leadResponseRate'));
  const steps = [
    step('stage.responded', 'stage.qualified'),
    step('stage.qualified', 'stage.meetings'),
    step('stage.meetings', 'stage.proposals'),
    step('stage.proposals', 'stage.won'),
  ];
  const overall = s.column(header, s.text('col.overallConversion'));
  const [first, second] = [header + 1, header + 2];
  const total = s.row(s.text('common.total'));
  // Step rates that differ from every other stage ratio, so a wrong divisor shows.
  [200, 150, 90, 45, 18, 9].forEach((count, i) => s.set(first, stages[i]!, count));
  [300, 240, 120, 30, 12, 3].forEach((count, i) => s.set(second, stages[i]!, count));
  s.compute();

  it('divides each stage by the stage before it, per period', () => {
    s.check(first, response, 0.75); // 150 responded / 200 leads
    s.check(first, steps[0]!, 0.6); // 90 qualified / 150 responded
    s.check(first, steps[1]!, 0.5); // 45 meetings / 90 qualified
    s.check(first, steps[2]!, 0.4); // 18 proposals / 45 meetings
    s.check(first, steps[3]!, 0.5); // 9 won / 18 proposals
    s.check(first, overall, 0.045); // 9 won / 200 leads
    s.check(second, response, 0.8); // 240 / 300
    s.check(second, steps[0]!, 0.5); // 120 / 240
    s.check(second, steps[1]!, 0.25); // 30 / 120
    s.check(second, steps[2]!, 0.4); // 12 / 30
    s.check(second, steps[3]!, 0.25); // 3 / 12
    s.check(second, overall, 0.01); // 3 / 300
  });

  it('totals every stage and converts the totals', () => {
    [500, 390, 210, 75, 30, 12].forEach((sum, i) => s.check(total, stages[i]!, sum)); // period 1 + 2
    s.check(total, response, 0.78); // 390 / 500
    s.check(total, steps[0]!, 7 / 13); // 210 / 390 ≈ 53.8%
    s.check(total, steps[1]!, 5 / 14); // 75 / 210 ≈ 35.7%
    s.check(total, steps[2]!, 0.4); // 30 / 75
    s.check(total, steps[3]!, 0.4); // 12 / 30
    s.check(total, overall, 0.024); // 12 / 500
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('email ($name)', (variant) => {
  const s = new TemplateSheet('email', variant, { rows: 3 });
  const header = s.row(s.text('col.campaign'));
  const { sent, opened, clicked, responses, open, click, reply } = s.columns(header, {
    sent: 'col.sent',
    opened: 'col.opened',
    clicked: 'col.clicked',
    responses: 'col.responses',
    open: 'kpi.openRate',
    click: 'kpi.clickThroughRate',
    reply: 'kpi.responseRate',
  });
  const campaigns = [header + 1, header + 2, header + 3];
  const counts = [
    [1_000, 250, 40, 10],
    [2_000, 300, 30, 50],
    [1_000, 200, 25, 5],
  ];
  campaigns.forEach((row, i) =>
    [sent, opened, clicked, responses].forEach((col, j) => s.set(row, col, counts[i]![j]!)),
  );
  const total = s.row(s.text('common.total'));
  s.compute();

  it('divides opened, clicked and responses by the campaign’s sent', () => {
    const rates = (row: number, expected: [number, number, number]) =>
      [open, click, reply].forEach((col, i) => s.check(row, col, expected[i]!));
    rates(campaigns[0]!, [0.25, 0.04, 0.01]); // 250, 40, 10 of 1,000
    rates(campaigns[1]!, [0.15, 0.015, 0.025]); // 300, 30, 50 of 2,000
    rates(campaigns[2]!, [0.2, 0.025, 0.005]); // 200, 25, 5 of 1,000
  });

  it('totals the counts and gives the rates of the totals', () => {
    s.check(total, sent, 4_000); // 1,000 + 2,000 + 1,000
    s.check(total, opened, 750); // 250 + 300 + 200
    s.check(total, clicked, 95); // 40 + 30 + 25
    s.check(total, responses, 65); // 10 + 50 + 5
    s.check(total, open, 0.1875); // 750 / 4,000
    s.check(total, click, 0.02375); // 95 / 4,000
    s.check(total, reply, 0.01625); // 65 / 4,000
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('activity ($name)', (variant) => {
  const s = new TemplateSheet('activity', variant, { periods: 2, rows: 2 });
  // The totals and the log share one heading row: the totals' comes first.
  const [summary, log] = s.rows(s.text('col.period'), s.text('col.rep')) as [number, number];
  const metrics = {
    calls: 'col.calls',
    emails: 'col.emails',
    meetings: 'col.meetings',
    followUps: 'col.followUps',
    deals: 'col.dealsClosed',
    activities: 'col.activities',
    perDeal: 'kpi.activitiesPerDeal',
  } as const;
  const inSummary = s.columns(summary, metrics);
  const inLog = s.columns(log, metrics);
  const counted = [inLog.calls, inLog.emails, inLog.meetings, inLog.followUps, inLog.deals];
  const rep = s.column(log, s.text('col.rep'));
  // The log holds one block of rows per period, one row per rep.
  const logRow = (period: number, r: number) => log + 1 + period * 2 + r;
  // Calls, emails, meetings, follow-ups and deals of each rep in each period.
  const counts = [
    [
      [30, 20, 5, 10, 5],
      [40, 30, 6, 4, 5],
    ],
    [
      [25, 15, 4, 6, 2],
      [50, 10, 8, 12, 8],
    ],
  ];
  s.set(logRow(0, 0), rep, 'Aino');
  s.set(logRow(0, 1), rep, 'Bertil');
  counts.forEach((period, p) =>
    period.forEach((row, r) => row.forEach((count, i) => s.set(logRow(p, r), counted[i]!, count))),
  );
  const total = s.row(s.text('common.total'));
  s.compute();

  it('repeats the rep names typed in the first period', () => {
    s.check(logRow(1, 0), rep, 'Aino');
    s.check(logRow(1, 1), rep, 'Bertil');
  });

  it('adds each log row’s four activities and divides them by its deals', () => {
    const activity = (row: number, activities: number, perDeal: number) => {
      s.check(row, inLog.activities, activities);
      s.check(row, inLog.perDeal, perDeal);
    };
    activity(logRow(0, 0), 65, 13); // 30 + 20 + 5 + 10; 65 / 5
    activity(logRow(0, 1), 80, 16); // 40 + 30 + 6 + 4; 80 / 5
    activity(logRow(1, 0), 50, 25); // 25 + 15 + 4 + 6; 50 / 2
    activity(logRow(1, 1), 80, 10); // 50 + 10 + 8 + 12; 80 / 8
  });

  it('sums each period’s block of the log, and all periods in the total', () => {
    const columns = Object.keys(metrics) as (keyof typeof metrics)[];
    /** Calls, emails, meetings, follow-ups, deals, activities, activities per deal. */
    const summaryRow = (row: number, expected: number[]) =>
      columns.forEach((name, i) => s.check(row, inSummary[name], expected[i]!));
    // 30 + 40, 20 + 30, 5 + 6, 10 + 4, 5 + 5; 70 + 50 + 11 + 14 = 145; 145 / 10
    summaryRow(summary + 1, [70, 50, 11, 14, 10, 145, 14.5]);
    // 25 + 50, 15 + 10, 4 + 8, 6 + 12, 2 + 8; 75 + 25 + 12 + 18 = 130; 130 / 10
    summaryRow(summary + 2, [75, 25, 12, 18, 10, 130, 13]);
    // 70 + 75, 50 + 25, 11 + 12, 14 + 18, 10 + 10; 145 + 75 + 23 + 32 = 275; 275 / 20
    summaryRow(total, [145, 75, 23, 32, 20, 275, 13.75]);
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('satisfaction ($name)', (variant) => {
  const s = new TemplateSheet('satisfaction', variant, { periods: 2, rows: 5 });
  const summary = s.row(s.text('col.period'), s.text('col.npsAnswers'));
  const log = s.row(s.text('col.period'), s.text('col.date'));
  const { answers, nps, satisfied, answered, csat } = s.columns(summary, {
    answers: 'col.npsAnswers',
    nps: 'kpi.nps',
    satisfied: 'col.satisfied',
    answered: 'col.csatAnswers',
    csat: 'kpi.csat',
  });
  const score = s.column(log, s.text('col.score'));
  const yesNo = s.column(log, s.text('col.satisfiedYesNo'));
  // Typed as a reader of the sheet's language would choose them from the dropdown.
  const [yes, no] = variant.lang === 'fi' ? ['Kyllä', 'Ei'] : ['Yes', 'No'];
  const dropdown = s.plan.validations.find((v) => {
    const r = parseRange(v.range);
    return r.col1 <= yesNo && yesNo <= r.col2 && r.row1 <= log + 1 && log + 1 <= r.row2;
  });
  // One block of five rows per period; the last customer of period 1 gave a score, no yes/no.
  const answersTyped: [number, string | null][][] = [
    [
      [10, yes],
      [9, yes],
      [7, no],
      [3, no],
      [8, null],
    ],
    [
      [9, yes],
      [6, no],
      [5, no],
      [4, no],
      [8, yes],
    ],
  ];
  answersTyped.forEach((period, p) =>
    period.forEach(([value, answer], a) => {
      s.set(log + 1 + p * 5 + a, score, value);
      if (answer !== null) s.set(log + 1 + p * 5 + a, yesNo, answer);
    }),
  );
  const overall = s.row(s.text('common.overall'));
  s.compute();

  it('offers the yes and no it counts in the sheet’s language', () => {
    expect(dropdown?.rule).toEqual({ type: 'list', items: [yes, no] });
  });

  /** Scores, NPS, satisfied, answered and CSAT of a summary row. */
  const summaryRow = (row: number, expected: number[]) =>
    [answers, nps, satisfied, answered, csat].forEach((col, i) => s.check(row, col, expected[i]!));

  it('computes each period’s NPS and CSAT from that period’s answers only', () => {
    // Period 1: 10, 9, 7, 3, 8: 2 promoters, 1 detractor of 5 scores; 2 yes of 4 answered.
    summaryRow(summary + 1, [5, 20, 2, 4, 0.5]); // (2 − 1) / 5 × 100; 2 / 4
    // Period 2: 9, 6, 5, 4, 8: 1 promoter, 3 detractors of 5 answers; 2 yes of 5.
    summaryRow(summary + 2, [5, -40, 2, 5, 0.4]); // (1 − 3) / 5 × 100; 2 / 5
  });

  it('computes the overall NPS and CSAT over every answer', () => {
    // 3 promoters (10, 9, 9) and 4 detractors (3, 6, 5, 4) of 10 scores; 4 yes of 9 answered.
    summaryRow(overall, [10, -10, 4, 9, 4 / 9]); // (3 − 4) / 10 × 100; 4 / 9 ≈ 44.4%
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('unit-economics ($name)', (variant) => {
  const s = new TemplateSheet('unit-economics', variant);
  const value = s.column(s.row(s.text('col.item'), s.text('col.value')), s.text('col.value'));
  const results = s.row(s.text('col.kpi'), s.text('col.value'));
  const { target, status } = s.columns(results, { target: 'col.yourTarget', status: 'col.status' });
  const inputs: [MessageKey, number][] = [
    ['input.avgPurchaseValue', 1_000],
    ['input.purchasesPerYear', 2],
    ['input.lifespanYears', 2],
    ['input.grossMargin', 0.5],
    ['input.discountRate', 0.25],
    ['input.salesMarketingCost', 12_000],
    ['input.newCustomers', 20],
    ['input.monthlyRevenuePerCustomer', 100],
  ];
  for (const [label, amount] of inputs) s.set(s.row(s.text(label)), value, amount);
  const [clv, cac, ratio, payback] = [
    s.row(s.text('kpi.clv')),
    s.row(s.text('kpi.cac')),
    s.row(s.text('kpi.ltvCac')),
    s.row(s.text('kpi.cacPayback')),
  ];

  it('discounts the yearly margin into CLV and divides it by CAC; payback uses the margin', () => {
    s.compute();
    // Yearly margin 1,000 × 2 × 0.5 = 1,000; discounted over 2 years at 25%:
    // 1,000 × (1 − 1.25^−2) / 0.25 = 1,000 × (1 − 0.64) / 0.25 = 1,440.
    s.check(clv, value, 1_440);
    s.check(cac, value, 600); // 12,000 / 20
    s.check(ratio, value, 2.4); // 1,440 / 600
    s.check(payback, value, 12); // 600 / (100 × 0.5) months
  });

  // LTV:CAC 2.4 is higher-is-better; the 12-month payback is lower-is-better.
  it.each([
    { ratioTarget: 2, paybackTarget: 12, expected: [ON, ON] }, // 2.4 ≥ 2; 12 ≤ 12
    { ratioTarget: 2.5, paybackTarget: 11, expected: [RISK, RISK] }, // 2.4 ≥ 2.25; 12 ≤ 12.1
    { ratioTarget: 3, paybackTarget: 10, expected: [OFF, OFF] }, // 2.4 < 2.7; 12 > 11
  ])(
    'status against targets $ratioTarget and $paybackTarget months: $expected',
    ({ ratioTarget, paybackTarget, expected }) => {
      s.set(ratio, target, ratioTarget);
      s.set(payback, target, paybackTarget);
      s.compute();
      s.check(ratio, status, s.text(expected[0]!));
      s.check(payback, status, s.text(expected[1]!));
    },
  );

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('inhouse-vs-outsourced ($name)', (variant) => {
  const s = new TemplateSheet('inhouse-vs-outsourced', variant);
  const inputHeader = s.row(s.text('col.item'), s.text('col.inHouse'));
  const { own, outsourced } = s.columns(inputHeader, {
    own: 'col.inHouse',
    outsourced: 'col.outsourced',
  });
  const inputs: [MessageKey, number, number][] = [
    ['input.salesMarketingCost', 200_000, 150_000],
    ['input.newCustomers', 40, 50],
    ['input.totalLeads', 1_000, 1_500],
    ['input.converted', 100, 120],
    ['input.totalDays', 2_400, 1_500],
    ['input.dealsClosed', 40, 30],
    ['input.revenue', 500_000, 400_000],
    ['input.grossMargin', 0.6, 0.5],
    ['input.customersStart', 200, 250],
    ['input.customersEnd', 220, 275],
  ];
  for (const [label, a, b] of inputs) {
    s.set(s.row(s.text(label)), own, a);
    s.set(s.row(s.text(label)), outsourced, b);
  }
  const results = s.row(s.text('col.kpi'), s.text('col.inHouse'));
  const { ownResult, outResult, difference, ahead } = s.columns(results, {
    ownResult: 'col.inHouse',
    outResult: 'col.outsourced',
    difference: 'col.difference',
    ahead: 'col.ahead',
  });
  const names =
    variant.lang === 'fi'
      ? { own: 'Oma tiimi', out: 'Ulkoistettu', even: 'Tasan' }
      : { own: 'In-house', out: 'Outsourced', even: 'Even' };
  const at = (key: MessageKey) => s.row(s.text(key));
  s.compute();

  it('computes each KPI per team from that team’s inputs', () => {
    s.check(at('kpi.costPerDeal'), ownResult, 5_000); // 200,000 / 40
    s.check(at('kpi.costPerDeal'), outResult, 3_000); // 150,000 / 50
    s.check(at('kpi.leadConversion'), ownResult, 0.1); // 100 / 1,000
    s.check(at('kpi.leadConversion'), outResult, 0.08); // 120 / 1,500
    s.check(at('kpi.salesCycleLength'), ownResult, 60); // 2,400 / 40
    s.check(at('kpi.salesCycleLength'), outResult, 50); // 1,500 / 30
    s.check(at('kpi.salesRoi'), ownResult, 0.5); // (500,000 × 0.6 − 200,000) / 200,000
    s.check(at('kpi.salesRoi'), outResult, 1 / 3); // (400,000 × 0.5 − 150,000) / 150,000
    s.check(at('kpi.retentionRate'), ownResult, 0.9); // (220 − 40) / 200
    s.check(at('kpi.retentionRate'), outResult, 0.9); // (275 − 50) / 250
  });

  it('subtracts in-house from outsourced, rates in percentage points', () => {
    s.check(at('kpi.costPerDeal'), difference, -2_000); // 3,000 − 5,000
    s.check(at('kpi.leadConversion'), difference, -2); // 8% − 10%: −2 points
    s.check(at('kpi.salesCycleLength'), difference, -10); // 50 − 60
    s.check(at('kpi.salesRoi'), difference, -100 / 6); // 33⅓% − 50%: −16⅔ points
    s.check(at('kpi.retentionRate'), difference, 0); // 90% − 90%
  });

  it('names the team ahead: lower cost and cycle win, higher conversion and ROI win', () => {
    s.check(at('kpi.costPerDeal'), ahead, names.out); // 3,000 < 5,000
    s.check(at('kpi.leadConversion'), ahead, names.own); // 0.1 > 0.08
    s.check(at('kpi.salesCycleLength'), ahead, names.out); // 50 days < 60
    s.check(at('kpi.salesRoi'), ahead, names.own); // 50% > 33%
    s.check(at('kpi.retentionRate'), ahead, names.even); // 90% each
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('pricing-models ($name)', (variant) => {
  const s = new TemplateSheet('pricing-models', variant);
  const value = s.column(s.row(s.text('col.item'), s.text('col.value')), s.text('col.value'));
  const forecast: [MessageKey, number][] = [
    ['input.appointments', 50],
    ['input.dealsWon', 10],
    ['input.avgDealSize', 8_000],
    ['input.grossMargin', 0.5],
  ];
  for (const [label, amount] of forecast) s.set(s.row(s.text(label)), value, amount);
  const terms = s.row(s.text('col.item'), s.text('model.retainer'));
  const models = (
    ['model.retainer', 'model.perAppointment', 'model.commission', 'model.hybrid'] as const
  ).map((key) => s.column(terms, s.text(key)));
  // Retainer, fee per appointment and commission of each model; 0 where a model has none.
  const modelTerms = [
    [20_000, 0, 0],
    [0, 300, 0],
    [0, 0, 0.3],
    [5_000, 100, 0.1],
  ];
  (['input.retainer', 'input.feePerAppointment', 'input.commissionRate'] as const).forEach(
    (label, t) => models.forEach((col, m) => s.set(s.row(s.text(label)), col, modelTerms[m]![t]!)),
  );
  const at = (key: MessageKey) => s.row(s.text(key));
  s.compute();

  it('derives the appointment-to-deal rate and revenue from the forecast', () => {
    s.check(at('kpi.appointmentToDeal'), value, 0.2); // 10 deals / 50 appointments
    s.check(at('pricing-models.revenue'), value, 80_000); // 10 × 8,000
  });

  it('prices the forecast under each model', () => {
    // Retainer 20,000; 300 × 50 = 15,000; 0.3 × 80,000 = 24,000; 5,000 + 100 × 50 + 0.1 × 80,000.
    [20_000, 15_000, 24_000, 18_000].forEach((cost, m) =>
      s.check(at('pricing-models.cost'), models[m]!, cost),
    );
    // The cost over 50 appointments and over 10 deals.
    [400, 300, 480, 360].forEach((c, m) => s.check(at('kpi.costPerAppointment'), models[m]!, c));
    [2_000, 1_500, 2_400, 1_800].forEach((c, m) => s.check(at('kpi.costPerDeal'), models[m]!, c));
    // (80,000 × 0.5 − cost) / cost: 20,000 / 20,000; 25,000 / 15,000; 16,000 / 24,000; 22,000 / 18,000.
    [1, 5 / 3, 2 / 3, 11 / 9].forEach((roi, m) => s.check(at('kpi.salesRoi'), models[m]!, roi));
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('vendor-evaluation ($name)', (variant) => {
  const s = new TemplateSheet('vendor-evaluation', variant, { rows: 3 });
  const header = s.row(s.text('col.question'));
  const weight = s.column(header, s.text('col.weight'));
  const vendors = [1, 2, 3].map((n) => s.column(header, s.text('col.vendor', { n })));
  const questions: [MessageKey, number, (number | null)[]][] = [
    // Question, weight, scores of vendors 1–3; vendor 3 leaves the last question unscored.
    ['vendor.q.trackRecord', 0.25, [4, 5, 3]],
    ['vendor.q.staffing', 0.125, [3, 5, 4]],
    ['vendor.q.plan', 0.125, [5, 1, 4]],
    ['vendor.q.relationship', 0.125, [2, 1, 5]],
    ['vendor.q.data', 0.125, [4, 3, 5]],
    ['vendor.q.reporting', 0.25, [5, 3, null]],
  ];
  for (const [question, w, scores] of questions) {
    const row = s.row(s.text(question));
    s.set(row, weight, w);
    scores.forEach((score, v) => {
      if (score !== null) s.set(row, vendors[v]!, score);
    });
  }
  const [totalWeight, score, rank] = [
    s.row(s.text('vendor.totalWeight')),
    s.row(s.text('kpi.vendorScore')),
    s.row(s.text('col.rank')),
  ];
  s.compute();

  it('adds the weights', () => {
    s.check(totalWeight, weight, 1); // 0.25 + 4 × 0.125 + 0.25
  });

  it('weights each vendor’s scores, skipping a question it was not scored on', () => {
    // (0.25 × 4 + 0.125 × (3 + 5 + 2 + 4) + 0.25 × 5) / 1 = 1 + 1.75 + 1.25
    s.check(score, vendors[0]!, 4);
    // (0.25 × 5 + 0.125 × (5 + 1 + 1 + 3) + 0.25 × 3) / 1 = 1.25 + 1.25 + 0.75
    s.check(score, vendors[1]!, 3.25);
    // (0.25 × 3 + 0.125 × (4 + 4 + 5 + 5)) / (1 − 0.25) = (0.75 + 2.25) / 0.75
    s.check(score, vendors[2]!, 4);
  });

  it('ranks the best score first, ties sharing a rank', () => {
    s.check(rank, vendors[0]!, 1); // 4, tied with vendor 3
    s.check(rank, vendors[1]!, 3); // 3.25: two vendors ahead
    s.check(rank, vendors[2]!, 1);
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('renewals ($name)', (variant) => {
  const s = new TemplateSheet('renewals', variant, { periods: 2, startMonth: '2026-01' });
  const header = s.row(s.text('col.segment'));
  const { up, renewed, rate, revenue, cost, costOfSales } = s.columns(header, {
    up: 'col.upForRenewal',
    renewed: 'col.renewed',
    rate: 'kpi.renewalRate',
    revenue: 'col.renewalRevenue',
    cost: 'col.salesCost',
    costOfSales: 'kpi.costOfSales',
  });
  const [simple, complex, total] = [
    s.text('segment.simple'),
    s.text('segment.complex'),
    s.text('common.total'),
  ];
  const quarter = (n: number) => s.text('common.quarter', { quarter: n, year: 2026 });
  const rows = {
    simple1: s.row(simple, quarter(1)),
    simple2: s.row(simple, quarter(2)),
    simpleTotal: s.row(simple, total),
    complex1: s.row(complex, quarter(1)),
    complex2: s.row(complex, quarter(2)),
    complexTotal: s.row(complex, total),
    all: s.row(s.text('common.allSegments'), total),
  };
  // Up for renewal, renewed, renewal revenue, sales cost.
  const typed: [number, number[]][] = [
    [rows.simple1, [100, 80, 120_000, 3_600]],
    [rows.simple2, [150, 90, 130_000, 2_600]],
    [rows.complex1, [20, 16, 300_000, 15_000]],
    [rows.complex2, [30, 24, 450_000, 18_000]],
  ];
  for (const [row, values] of typed)
    [up, renewed, revenue, cost].forEach((col, i) => s.set(row, col, values[i]!));
  s.compute();
  const checkRatios = (row: number, renewal: number, sales: number) => {
    s.check(row, rate, renewal);
    s.check(row, costOfSales, sales);
  };

  it('gives each quarter’s renewal rate and cost of sales', () => {
    checkRatios(rows.simple1, 0.8, 0.03); // 80 / 100; 3,600 / 120,000
    checkRatios(rows.simple2, 0.6, 0.02); // 90 / 150; 2,600 / 130,000
    checkRatios(rows.complex1, 0.8, 0.05); // 16 / 20; 15,000 / 300,000
    checkRatios(rows.complex2, 0.8, 0.04); // 24 / 30; 18,000 / 450,000
  });

  it('totals each segment and both segments, then takes the ratios of the totals', () => {
    const sums = (row: number, values: number[]) =>
      [up, renewed, revenue, cost].forEach((col, i) => s.check(row, col, values[i]!));
    sums(rows.simpleTotal, [250, 170, 250_000, 6_200]); // 100 + 150, 80 + 90, …
    checkRatios(rows.simpleTotal, 0.68, 0.0248); // 170 / 250; 6,200 / 250,000
    sums(rows.complexTotal, [50, 40, 750_000, 33_000]); // 20 + 30, 16 + 24, …
    checkRatios(rows.complexTotal, 0.8, 0.044); // 40 / 50; 33,000 / 750,000
    sums(rows.all, [300, 210, 1_000_000, 39_200]); // 250 + 50, 170 + 40, …
    checkRatios(rows.all, 0.7, 0.0392); // 210 / 300; 39,200 / 1,000,000
  });

  everyFormulaChecked(s);
});

describe.each(VARIANTS)('dashboard ($name)', (variant) => {
  const s = new TemplateSheet('dashboard', variant, { periods: 3 });
  const header = s.row(s.text('col.month'));
  const { revenue, goal, attainment, status, leads, converted, conversion, cost, customers } =
    s.columns(header, {
      revenue: 'col.revenue',
      goal: 'col.goal',
      attainment: 'kpi.goalAttainment',
      status: 'col.status',
      leads: 'stage.leads',
      converted: 'input.converted',
      conversion: 'kpi.leadConversion',
      cost: 'input.salesMarketingCost',
      customers: 'input.newCustomers',
    });
  const { cac, growth } = s.columns(header, { cac: 'kpi.cac', growth: 'kpi.growthRate' });
  const months = [header + 1, header + 2, header + 3];
  const total = s.row(s.text('common.total'));
  // Revenue, goal, leads, converted, cost, new customers of each month.
  const typed = [
    [100_000, 80_000, 400, 50, 30_000, 12],
    [92_000, 100_000, 500, 40, 36_000, 16],
    [110_400, 150_000, 300, 36, 24_000, 8],
  ];
  months.forEach((row, m) =>
    [revenue, goal, leads, converted, cost, customers].forEach((col, i) =>
      s.set(row, col, typed[m]![i]!),
    ),
  );
  s.compute();

  it('gives each month’s attainment and status, revenue against goal', () => {
    s.check(months[0]!, attainment, 1.25); // 100,000 / 80,000
    s.check(months[0]!, status, s.text(ON)); // 100,000 ≥ 80,000 (swapped: 80,000 < 90,000, Off track)
    s.check(months[1]!, attainment, 0.92); // 92,000 / 100,000
    s.check(months[1]!, status, s.text(RISK)); // 92,000 ≥ 100,000 × 0.9 (swapped: On track)
    s.check(months[2]!, attainment, 0.736); // 110,400 / 150,000
    s.check(months[2]!, status, s.text(OFF)); // 110,400 < 150,000 × 0.9 = 135,000
  });

  it('gives each month’s lead conversion and CAC', () => {
    s.check(months[0]!, conversion, 0.125); // 50 / 400
    s.check(months[0]!, cac, 2_500); // 30,000 / 12
    s.check(months[1]!, conversion, 0.08); // 40 / 500
    s.check(months[1]!, cac, 2_250); // 36,000 / 16
    s.check(months[2]!, conversion, 0.12); // 36 / 300
    s.check(months[2]!, cac, 3_000); // 24,000 / 8
  });

  it('gives growth over the prior month from the second month on', () => {
    expect(s.plan.cells[months[0]!]![growth]).toBeNull(); // no prior month
    s.check(months[1]!, growth, -0.08); // (92,000 − 100,000) / 100,000
    s.check(months[2]!, growth, 0.2); // (110,400 − 92,000) / 92,000 = 18,400 / 92,000
  });

  it('totals the inputs and gives the total’s attainment, status, conversion and CAC', () => {
    s.check(total, revenue, 302_400); // 100,000 + 92,000 + 110,400
    s.check(total, goal, 330_000); // 80,000 + 100,000 + 150,000
    s.check(total, leads, 1_200); // 400 + 500 + 300
    s.check(total, converted, 126); // 50 + 40 + 36
    s.check(total, cost, 90_000); // 30,000 + 36,000 + 24,000
    s.check(total, customers, 36); // 12 + 16 + 8
    s.check(total, attainment, 252 / 275); // 302,400 / 330,000 ≈ 91.6%
    s.check(total, status, s.text(RISK)); // 302,400 ≥ 330,000 × 0.9 = 297,000
    s.check(total, conversion, 0.105); // 126 / 1,200
    s.check(total, cac, 2_500); // 90,000 / 36
  });

  everyFormulaChecked(s);
});
