// Outsourced sales scorecard: one row per KPI with its inputs, result, target, benchmark and status.
import type { ParamKind } from '../../args/kinds';
import type { MessageKey } from '../../i18n/index';
import { DECIMAL_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT, daysFormat } from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { COMPANY, companyYear, type CompanyYear } from './example-company';
import { toleranceInput } from './tolerance';

/**
 * One input of a KPI row: its label, kind and example value (the example company's last twelve
 * months, example-company.ts); or a copy of another row's result.
 */
type RowInput =
  | { label: MessageKey; kind: ParamKind; example: (year: CompanyYear) => number }
  | { label: MessageKey; resultOf: number };

interface KpiRow {
  kpi: MessageKey;
  fn: string;
  inputs: RowInput[];
  result: 'rate' | 'money' | 'days' | 'number';
  /** Example target: the team's own figure. */
  target: number;
  lowerIsBetter?: boolean;
  benchmark?: { value: MessageKey; source: MessageKey };
}

const ROWS: KpiRow[] = [
  {
    kpi: 'kpi.leadResponseRate',
    fn: 'LEAD_RESPONSE_RATE',
    inputs: [
      { label: 'input.responded', kind: 'count', example: (y) => y.responded },
      { label: 'input.totalLeads', kind: 'count', example: (y) => y.leads },
    ],
    result: 'rate',
    target: 0.95,
    benchmark: { value: 'bench.leadResponse.value', source: 'bench.leadResponse.source' },
  },
  {
    kpi: 'kpi.leadConversion',
    fn: 'LEAD_CONVERSION',
    inputs: [
      { label: 'input.converted', kind: 'count', example: (y) => y.won },
      { label: 'input.totalLeads', kind: 'count', example: (y) => y.leads },
    ],
    result: 'rate',
    target: 0.05,
  },
  {
    kpi: 'kpi.customerAcquisitionRate',
    fn: 'CUSTOMER_ACQUISITION_RATE',
    inputs: [
      { label: 'input.newCustomers', kind: 'count', example: (y) => y.won },
      { label: 'input.totalLeads', kind: 'count', example: (y) => y.leads },
    ],
    result: 'rate',
    target: 0.04,
  },
  {
    kpi: 'kpi.dealClosureRate',
    fn: 'DEAL_CLOSURE_RATE',
    inputs: [
      { label: 'input.dealsClosed', kind: 'count', example: (y) => y.won },
      { label: 'input.dealsInPipeline', kind: 'count', example: (y) => y.proposals },
    ],
    result: 'rate',
    target: 0.35,
  },
  {
    kpi: 'kpi.salesCycleLength',
    fn: 'SALES_CYCLE_LENGTH',
    inputs: [
      { label: 'input.totalDays', kind: 'days', example: (y) => y.daysToClose },
      { label: 'input.dealsClosed', kind: 'count', example: (y) => y.won },
    ],
    result: 'days',
    target: 45,
    lowerIsBetter: true,
  },
  {
    kpi: 'kpi.cac',
    fn: 'CAC',
    inputs: [
      { label: 'input.salesMarketingCost', kind: 'money', example: (y) => y.salesCost },
      { label: 'input.newCustomers', kind: 'count', example: (y) => y.won },
    ],
    result: 'money',
    target: 7_000,
    lowerIsBetter: true,
  },
  {
    kpi: 'kpi.clv',
    fn: 'CLV',
    inputs: [
      { label: 'input.avgPurchaseValue', kind: 'money', example: () => COMPANY.dealSize },
      { label: 'input.purchasesPerYear', kind: 'number', example: () => COMPANY.purchasesPerYear },
      { label: 'input.lifespanYears', kind: 'years', example: () => COMPANY.lifespanYears },
    ],
    result: 'money',
    target: 40_000,
  },
  {
    kpi: 'kpi.ltvCac',
    fn: 'LTV_CAC_RATIO',
    inputs: [
      { label: 'kpi.clv', resultOf: 6 },
      { label: 'kpi.cac', resultOf: 5 },
    ],
    result: 'number',
    target: 3,
    benchmark: { value: 'bench.ltvCac.value', source: 'bench.ltvCac.source' },
  },
  {
    kpi: 'kpi.salesRoi',
    fn: 'SALES_ROI',
    inputs: [
      { label: 'input.revenue', kind: 'money', example: (y) => y.attributedRevenue },
      { label: 'input.salesCost', kind: 'money', example: (y) => y.partnerCost },
      { label: 'input.grossMargin', kind: 'fraction', example: () => COMPANY.grossMargin },
    ],
    result: 'rate',
    target: 3,
  },
  {
    kpi: 'kpi.csat',
    fn: 'CSAT',
    inputs: [
      { label: 'input.satisfied', kind: 'count', example: (y) => y.satisfied },
      { label: 'input.surveyResponses', kind: 'count', example: (y) => y.surveyed },
    ],
    result: 'rate',
    target: 0.85,
  },
  {
    kpi: 'kpi.retentionRate',
    fn: 'RETENTION_RATE',
    inputs: [
      { label: 'input.customersStart', kind: 'count', example: (y) => y.customersStart },
      { label: 'input.customersEnd', kind: 'count', example: (y) => y.customersEnd },
      { label: 'input.newCustomers', kind: 'count', example: (y) => y.won },
    ],
    result: 'rate',
    target: 0.9,
  },
  {
    kpi: 'kpi.goalAttainment',
    fn: 'GOAL_ATTAINMENT',
    inputs: [
      { label: 'input.actualRevenue', kind: 'signedMoney', example: (y) => y.revenue },
      { label: 'input.revenueGoal', kind: 'money', example: (y) => y.goal },
    ],
    result: 'rate',
    target: 1,
    benchmark: { value: 'bench.goalAttainment.value', source: 'bench.goalAttainment.source' },
  },
];

const FIRST_ROW = 5;
// What a reader looks for first sits beside the KPI's name, inside a laptop's window: result,
// target, status; how it is computed (direction, inputs) and the benchmark follow.
const RESULT = 1;
const TARGET = 2;
const STATUS = 3;
const ATTAINMENT = 4;
const LOWER = 5;
const FIRST_INPUT = 6;
const REFERENCE = 12;
const SOURCE = 13;

function resultFormat(b: SheetBuilder, result: KpiRow['result']): string {
  if (result === 'rate') return PERCENT_FORMAT;
  if (result === 'money') return b.money;
  return result === 'days' ? daysFormat(b.options.lang) : DECIMAL_FORMAT;
}

function inputFormat(b: SheetBuilder, kind: ParamKind): string {
  if (kind === 'money' || kind === 'signedMoney') return b.money;
  if (kind === 'fraction') return PERCENT_FORMAT;
  return WHOLE_FORMAT;
}

function build(b: SheetBuilder): void {
  const year = companyYear(b.ctx.currentMonth);
  const yes = b.tr('common.yes');
  const no = b.tr('common.no');
  b.heading(b.tr('scorecard.name'), b.tr('scorecard.purpose'), SOURCE + 1);
  b.headers(FIRST_ROW - 1, 0, [
    b.tr('col.kpi'),
    b.tr('col.result'),
    b.tr('col.yourTarget'),
    b.tr('col.status'),
    b.tr('col.attainment'),
    b.tr('col.lowerIsBetter'),
    b.tr('col.input', { n: 1 }),
    b.tr('col.value'),
    b.tr('col.input', { n: 2 }),
    b.tr('col.value'),
    b.tr('col.input', { n: 3 }),
    b.tr('col.value'),
    b.tr('col.reference'),
    b.tr('col.source'),
  ]);
  const last = FIRST_ROW + ROWS.length - 1;
  const tolerance = toleranceInput(b, last + 2, 0, 'name');
  ROWS.forEach((kpi, i) => {
    const row = FIRST_ROW + i;
    b.value(row, 0, b.tr(kpi.kpi), 'name');
    const refs = kpi.inputs.map((input, j) => {
      const col = FIRST_INPUT + j * 2;
      b.value(row, col, b.tr(input.label), 'name');
      if ('resultOf' in input) {
        const copied = { kind: 'copy', ref: cellRef(FIRST_ROW + input.resultOf, RESULT) } as const;
        b.calc(row, col + 1, copied, resultFormat(b, ROWS[input.resultOf]!.result), 'body');
      } else {
        const example = input.example(year);
        b.input(row, col + 1, example, { kind: input.kind }, inputFormat(b, input.kind));
      }
      return cellRef(row, col + 1);
    });
    const result = cellRef(row, RESULT);
    const target = cellRef(row, TARGET);
    const format = resultFormat(b, kpi.result);
    b.calc(row, RESULT, { kind: 'call', fn: kpi.fn, args: refs }, format);
    b.input(row, TARGET, kpi.target, { kind: kpi.result === 'rate' ? 'ratio' : 'number' }, format);
    // Which way is better is part of the KPI, not example data: always filled, in the sheet's words.
    const lower = cellRef(row, LOWER);
    b.input(row, LOWER, kpi.lowerIsBetter ? yes : no, { list: [yes, no] }, undefined, {
      keep: true,
    });
    b.calc(
      row,
      STATUS,
      {
        kind: 'call',
        fn: 'KPI_STATUS',
        args: [result, target, { ref: lower, isNot: yes }, tolerance],
      },
      undefined,
      'status',
    );
    // Where lower is better, attainment is target ÷ result, so above 100% still means better.
    b.calc(
      row,
      ATTAINMENT,
      {
        kind: 'ifText',
        ref: lower,
        equals: yes,
        then: { kind: 'call', fn: 'GOAL_ATTAINMENT', args: [target, result] },
        otherwise: { kind: 'call', fn: 'GOAL_ATTAINMENT', args: [result, target] },
      },
      PERCENT_FORMAT,
      'body',
    );
    if (kpi.benchmark) {
      b.input(row, REFERENCE, b.tr(kpi.benchmark.value), 'text', undefined, {
        keep: true,
        role: 'reference',
      });
      b.value(row, SOURCE, b.tr(kpi.benchmark.source), 'source');
    }
  });
  b.statusColours(rangeRef(FIRST_ROW, STATUS, last, STATUS));
  const disclaimer = b.paragraph(last + 3, 0, b.tr('common.attainmentNote'));
  b.paragraph(disclaimer, 0, b.tr('common.benchmarkDisclaimer'));
  // Room to type a number; labels, names and sources widen their columns to fit.
  b.columnWidths([120, 90, 80, 90, 90, 90, 100, 80, 100, 80, 100, 80, 120, 120]);
  b.freeze(FIRST_ROW, 1);
}

export const scorecard: TemplateDefinition = {
  id: 'scorecard',
  name: 'scorecard.name',
  purpose: 'scorecard.purpose',
  kpis: ROWS.map((row) => row.kpi),
  build,
};
