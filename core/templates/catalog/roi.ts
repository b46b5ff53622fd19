// ROI calculator: the costs and benefits of an outsourced sales contract, with ROI and break-even.
import { PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { COMPANY, companyMonth } from './example-company';
import { monthAt } from './periods';

const ref = (row: number) => cellRef(row, 1);

function build(b: SheetBuilder): void {
  const money = b.money;
  b.heading(b.tr('roi.name'), b.tr('roi.purpose'), 3);
  b.headers(4, 0, [b.tr('col.item'), b.tr('col.value'), b.tr('col.explanation')]);

  b.value(5, 0, b.tr('section.costs'), 'section');
  // Last month of the example company (example-company.ts): the partner's terms, its meetings
  // and the first-year value of the deals they brought.
  const c = COMPANY;
  const { year, month: last } = monthAt(b.ctx.currentMonth, -1);
  const month = companyMonth(year, last);
  const inputs = [
    { row: 6, label: 'input.retainer', kind: 'money', example: c.retainer, format: money },
    {
      row: 7,
      label: 'input.feePerAppointment',
      kind: 'money',
      example: c.feePerMeeting,
      format: money,
    },
    {
      row: 8,
      label: 'input.appointments',
      kind: 'count',
      example: month.meetings,
      format: WHOLE_FORMAT,
    },
    {
      row: 9,
      label: 'input.commissionRate',
      kind: 'fraction',
      example: c.commission,
      format: PERCENT_FORMAT,
    },
    { row: 10, label: 'input.oversightHours', kind: 'number', example: 20, format: WHOLE_FORMAT },
    { row: 11, label: 'input.hourlyCost', kind: 'money', example: 60, format: money },
    { row: 12, label: 'input.toolsTraining', kind: 'money', example: 1_500, format: money },
    {
      row: 15,
      label: 'input.attributedRevenue',
      kind: 'money',
      example: month.won * c.dealSize,
      format: money,
    },
    {
      row: 16,
      label: 'input.grossMargin',
      kind: 'fraction',
      example: c.grossMargin,
      format: PERCENT_FORMAT,
    },
    { row: 17, label: 'input.costSavings', kind: 'signedMoney', example: 10_000, format: money },
  ] as const;
  for (const input of inputs) {
    b.value(input.row, 0, b.tr(input.label), 'label');
    b.input(input.row, 1, input.example, { kind: input.kind }, input.format);
  }
  b.value(14, 0, b.tr('section.benefits'), 'section');

  b.value(19, 0, b.tr('section.results'), 'section');
  const [retainer, fee, appointments, commission, hours, hourly, tools] = [
    6, 7, 8, 9, 10, 11, 12,
  ].map(ref);
  const [revenue, margin, savings] = [15, 16, 17].map(ref);
  const fees = ref(20);
  const oversight = ref(21);
  const total = ref(22);
  const results = [
    {
      label: 'roi.outsourcingFees',
      explain: 'roi.outsourcingFees.explain',
      calc: {
        kind: 'call',
        fn: 'OUTSOURCING_COST',
        args: [retainer, fee, appointments, commission, revenue],
      },
      format: money,
    },
    {
      label: 'roi.oversightCost',
      explain: 'roi.oversightCost.explain',
      calc: { kind: 'product', refs: [hours!, hourly!] },
      format: money,
    },
    {
      label: 'roi.totalCost',
      explain: 'roi.totalCost.explain',
      calc: { kind: 'sum', refs: [fees, oversight, tools!] },
      format: money,
    },
    {
      label: 'kpi.salesProfit',
      explain: 'roi.profit.explain',
      calc: { kind: 'call', fn: 'SALES_PROFIT', args: [revenue, total, margin, savings] },
      format: money,
    },
    {
      label: 'kpi.salesRoi',
      explain: 'roi.roi.explain',
      calc: { kind: 'call', fn: 'SALES_ROI', args: [revenue, total, margin, savings] },
      format: PERCENT_FORMAT,
    },
    {
      label: 'kpi.breakevenRevenue',
      explain: 'roi.breakeven.explain',
      calc: { kind: 'call', fn: 'BREAKEVEN_REVENUE', args: [total, margin] },
      format: money,
    },
    {
      label: 'kpi.costOfSales',
      explain: 'roi.costOfSales.explain',
      calc: { kind: 'call', fn: 'COST_OF_SALES', args: [total, revenue] },
      format: PERCENT_FORMAT,
    },
  ] as const;
  results.forEach((result, i) => {
    const row = 20 + i;
    b.value(row, 0, b.tr(result.label), 'label');
    b.calc(row, 1, result.calc, result.format);
    b.value(row, 2, b.tr(result.explain), 'note');
  });
  b.columnWidths([200, 120, 200]);
  b.freeze(5);
}

export const roi: TemplateDefinition = {
  id: 'roi',
  name: 'roi.name',
  purpose: 'roi.purpose',
  kpis: [
    'roi.totalCost',
    'kpi.salesProfit',
    'kpi.salesRoi',
    'kpi.breakevenRevenue',
    'kpi.costOfSales',
  ],
  build,
};
