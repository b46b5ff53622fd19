// Retainer vs pay-for-performance: one forecast priced under four contract models, side by side.
import type { MessageKey } from '../../i18n/index';
import { PERCENT_FORMAT, WHOLE_FORMAT } from '../../i18n/number-format';
import { cellRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { COMPANY, companyYear } from './example-company';

const MODELS: readonly MessageKey[] = [
  'model.retainer',
  'model.perAppointment',
  'model.commission',
  'model.hybrid',
];
/**
 * Example retainer, fee per appointment and commission rate of each model; the hybrid is the
 * example company's contract with its partner (example-company.ts).
 */
const EXAMPLE_TERMS = [
  [15_000, 0, 0],
  [0, 300, 0],
  [0, 0, 0.12],
  [COMPANY.retainer, COMPANY.feePerMeeting, COMPANY.commission],
];
const ref = (row: number) => cellRef(row, 1);
const [APPOINTMENTS, DEALS, DEAL_SIZE, MARGIN, RATE, REVENUE] = [6, 7, 8, 9, 10, 11];
const TERMS_HEADER = 13;
const [RETAINER, FEE, COMMISSION] = [14, 15, 16];
const [COST, PER_APPOINTMENT, PER_DEAL, ROI] = [19, 20, 21, 22];

function build(b: SheetBuilder): void {
  const money = b.money;
  b.heading(b.tr('pricing-models.name'), b.tr('pricing-models.purpose'), MODELS.length + 1);
  b.value(4, 0, b.tr('section.forecast'), 'section');
  b.headers(5, 0, [b.tr('col.item'), b.tr('col.value')]);
  // A month as the example company's last twelve went on average.
  const year = companyYear(b.ctx.currentMonth);
  const forecast = [
    {
      row: APPOINTMENTS,
      label: 'input.appointments',
      kind: 'count',
      example: Math.round(year.meetings / 12),
      format: WHOLE_FORMAT,
    },
    {
      row: DEALS,
      label: 'input.dealsWon',
      kind: 'count',
      example: Math.round(year.won / 12),
      format: WHOLE_FORMAT,
    },
    {
      row: DEAL_SIZE,
      label: 'input.avgDealSize',
      kind: 'money',
      example: COMPANY.dealSize,
      format: money,
    },
    {
      row: MARGIN,
      label: 'input.grossMargin',
      kind: 'fraction',
      example: COMPANY.grossMargin,
      format: PERCENT_FORMAT,
    },
  ] as const;
  for (const input of forecast) {
    b.value(input.row, 0, b.tr(input.label), 'label');
    b.input(input.row, 1, input.example, { kind: input.kind }, input.format);
  }
  b.value(RATE, 0, b.tr('kpi.appointmentToDeal'), 'label');
  b.calc(
    RATE,
    1,
    { kind: 'call', fn: 'STAGE_CONVERSION', args: [ref(DEALS), ref(APPOINTMENTS)] },
    PERCENT_FORMAT,
  );
  b.value(REVENUE, 0, b.tr('pricing-models.revenue'), 'label');
  b.calc(REVENUE, 1, { kind: 'product', refs: [ref(DEALS), ref(DEAL_SIZE)] }, money);

  b.value(TERMS_HEADER - 1, 0, b.tr('section.pricing'), 'section');
  b.headers(TERMS_HEADER, 0, [b.tr('col.item'), ...MODELS.map((m) => b.tr(m))]);
  const terms = [
    { row: RETAINER, label: 'input.retainer', kind: 'money', format: money },
    { row: FEE, label: 'input.feePerAppointment', kind: 'money', format: money },
    { row: COMMISSION, label: 'input.commissionRate', kind: 'fraction', format: PERCENT_FORMAT },
  ] as const;
  terms.forEach((term, t) => {
    b.value(term.row, 0, b.tr(term.label), 'label');
    MODELS.forEach((_, m) =>
      b.input(term.row, 1 + m, EXAMPLE_TERMS[m]![t], { kind: term.kind }, term.format),
    );
  });
  const results = [
    { row: COST, label: 'pricing-models.cost', format: money },
    { row: PER_APPOINTMENT, label: 'kpi.costPerAppointment', format: money },
    { row: PER_DEAL, label: 'kpi.costPerDeal', format: money },
    { row: ROI, label: 'kpi.salesRoi', format: PERCENT_FORMAT },
  ] as const;
  b.value(COST - 1, 0, b.tr('section.results'), 'section');
  for (const result of results) b.value(result.row, 0, b.tr(result.label), 'label');
  MODELS.forEach((_, m) => {
    const at = (row: number) => cellRef(row, 1 + m);
    const cost = at(COST);
    b.calc(
      COST,
      1 + m,
      {
        kind: 'call',
        fn: 'OUTSOURCING_COST',
        args: [at(RETAINER), at(FEE), ref(APPOINTMENTS), at(COMMISSION), ref(REVENUE)],
      },
      money,
    );
    b.calc(
      PER_APPOINTMENT,
      1 + m,
      { kind: 'call', fn: 'COST_PER_APPOINTMENT', args: [cost, ref(APPOINTMENTS)] },
      money,
    );
    b.calc(PER_DEAL, 1 + m, { kind: 'call', fn: 'CAC', args: [cost, ref(DEALS)] }, money);
    b.calc(
      ROI,
      1 + m,
      { kind: 'call', fn: 'SALES_ROI', args: [ref(REVENUE), cost, ref(MARGIN)] },
      PERCENT_FORMAT,
    );
  });
  const termsNote = b.paragraph(ROI + 2, 0, b.tr('pricing-models.qualityNote'));
  b.paragraph(termsNote, 0, b.tr('pricing-models.termsNote'));
  b.columnWidths([160, 140, 150, 150, 150]);
  // The forecast, terms and results tables head their columns differently: only labels freeze.
  b.freeze(0, 1);
}

export const pricingModels: TemplateDefinition = {
  id: 'pricing-models',
  name: 'pricing-models.name',
  purpose: 'pricing-models.purpose',
  kpis: ['pricing-models.cost', 'kpi.costPerAppointment', 'kpi.costPerDeal', 'kpi.salesRoi'],
  build,
};
