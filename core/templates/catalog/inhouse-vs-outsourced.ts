// In-house vs outsourced: the same KPIs for both teams side by side, the difference and who is ahead.
import type { ParamKind } from '../../args/kinds';
import type { MessageKey } from '../../i18n/index';
import { PERCENT_FORMAT, WHOLE_FORMAT, daysFormat } from '../../i18n/number-format';
import { cellRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { COMPANY, companyYear, type CompanyYear } from './example-company';

/** The example company's own inbound team over the same year: slower and dearer per deal. */
const IN_HOUSE = { cost: 420_000, won: 60, leads: 1_100, cycleDays: 58, start: 270, lost: 30 };
/** Customers the partner's deals brought in before the year, and how many of them left. */
const OUTSOURCED = { start: 150, lost: 15 };

/**
 * Inputs in row order from row 6, with example values for the in-house and the outsourced team:
 * the partner's figures are the example company's last twelve months (example-company.ts).
 */
const INPUTS: {
  label: MessageKey;
  kind: ParamKind;
  examples: (y: CompanyYear) => [number, number];
}[] = [
  {
    label: 'input.salesMarketingCost',
    kind: 'money',
    examples: (y) => [IN_HOUSE.cost, y.partnerCost],
  },
  { label: 'input.newCustomers', kind: 'count', examples: (y) => [IN_HOUSE.won, y.won] },
  { label: 'input.totalLeads', kind: 'count', examples: (y) => [IN_HOUSE.leads, y.leads] },
  { label: 'input.converted', kind: 'count', examples: (y) => [IN_HOUSE.won, y.won] },
  {
    label: 'input.totalDays',
    kind: 'days',
    examples: (y) => [IN_HOUSE.won * IN_HOUSE.cycleDays, y.daysToClose],
  },
  { label: 'input.dealsClosed', kind: 'count', examples: (y) => [IN_HOUSE.won, y.won] },
  {
    label: 'input.revenue',
    kind: 'money',
    examples: (y) => [IN_HOUSE.won * COMPANY.dealSize, y.attributedRevenue],
  },
  {
    label: 'input.grossMargin',
    kind: 'fraction',
    examples: () => [COMPANY.grossMargin, COMPANY.grossMargin],
  },
  {
    label: 'input.customersStart',
    kind: 'count',
    examples: () => [IN_HOUSE.start, OUTSOURCED.start],
  },
  {
    label: 'input.customersEnd',
    kind: 'count',
    examples: (y) => [
      IN_HOUSE.start - IN_HOUSE.lost + IN_HOUSE.won,
      OUTSOURCED.start - OUTSOURCED.lost + y.won,
    ],
  },
];
const FIRST_INPUT = 6;
const [COST, NEW, LEADS, CONVERTED, DAYS, CLOSED, REVENUE, MARGIN, START, END] = INPUTS.map(
  (_, i) => FIRST_INPUT + i,
) as number[];

interface Comparison {
  kpi: MessageKey;
  fn: string;
  inputs: number[];
  format: 'money' | 'rate' | 'days';
  higherIsBetter: boolean;
}

const COMPARISONS: Comparison[] = [
  {
    kpi: 'kpi.costPerDeal',
    fn: 'CAC',
    inputs: [COST!, NEW!],
    format: 'money',
    higherIsBetter: false,
  },
  {
    kpi: 'kpi.leadConversion',
    fn: 'LEAD_CONVERSION',
    inputs: [CONVERTED!, LEADS!],
    format: 'rate',
    higherIsBetter: true,
  },
  {
    kpi: 'kpi.salesCycleLength',
    fn: 'SALES_CYCLE_LENGTH',
    inputs: [DAYS!, CLOSED!],
    format: 'days',
    higherIsBetter: false,
  },
  {
    kpi: 'kpi.salesRoi',
    fn: 'SALES_ROI',
    inputs: [REVENUE!, COST!, MARGIN!],
    format: 'rate',
    higherIsBetter: true,
  },
  {
    kpi: 'kpi.retentionRate',
    fn: 'RETENTION_RATE',
    inputs: [START!, END!, NEW!],
    format: 'rate',
    higherIsBetter: true,
  },
];

function build(b: SheetBuilder): void {
  const year = companyYear(b.ctx.currentMonth);
  const teams = [b.tr('col.inHouse'), b.tr('col.outsourced')];
  const formats = { money: b.money, rate: PERCENT_FORMAT, days: daysFormat(b.options.lang) };
  const points = `0.0 "${b.tr('unit.percentagePoints')}"`;
  b.heading(b.tr('inhouse-vs-outsourced.name'), b.tr('inhouse-vs-outsourced.purpose'), 5);
  b.value(4, 0, b.tr('section.inputs'), 'section');
  b.headers(5, 0, [b.tr('col.item'), ...teams]);
  INPUTS.forEach((input, i) => {
    const row = FIRST_INPUT + i;
    const format =
      input.kind === 'money' ? b.money : input.kind === 'fraction' ? PERCENT_FORMAT : WHOLE_FORMAT;
    b.value(row, 0, b.tr(input.label), 'label');
    input
      .examples(year)
      .forEach((example, team) => b.input(row, 1 + team, example, { kind: input.kind }, format));
  });

  const header = FIRST_INPUT + INPUTS.length + 2;
  b.value(header - 1, 0, b.tr('section.results'), 'section');
  b.headers(header, 0, [b.tr('col.kpi'), ...teams, b.tr('col.difference'), b.tr('col.ahead')]);
  COMPARISONS.forEach((comparison, i) => {
    const row = header + 1 + i;
    const format = formats[comparison.format];
    b.value(row, 0, b.tr(comparison.kpi), 'label');
    for (const team of [0, 1]) {
      const args = comparison.inputs.map((input) => cellRef(input, 1 + team));
      b.calc(row, 1 + team, { kind: 'call', fn: comparison.fn, args }, format);
    }
    // Two rates differ by percentage points, not by a percentage of either: shown as "pp".
    const difference =
      comparison.format === 'rate'
        ? ({ kind: 'difference', a: cellRef(row, 2), b: cellRef(row, 1), scale: 100 } as const)
        : ({ kind: 'difference', a: cellRef(row, 2), b: cellRef(row, 1) } as const);
    b.calc(row, 3, difference, comparison.format === 'rate' ? points : format, 'body');
    const labels = { a: teams[0]!, b: teams[1]!, even: b.tr('common.even') };
    b.calc(
      row,
      4,
      {
        kind: 'ahead',
        a: cellRef(row, 1),
        b: cellRef(row, 2),
        higherIsBetter: comparison.higherIsBetter,
        labels,
      },
      undefined,
      'body',
    );
  });
  b.paragraph(header + COMPARISONS.length + 2, 0, b.tr('inhouse-vs-outsourced.note'));
  b.columnWidths([160, 110, 110, 130, 110]);
  // Two tables with different headings: only the labels column stays in view.
  b.freeze(0, 1);
}

export const inhouseVsOutsourced: TemplateDefinition = {
  id: 'inhouse-vs-outsourced',
  name: 'inhouse-vs-outsourced.name',
  purpose: 'inhouse-vs-outsourced.purpose',
  kpis: COMPARISONS.map((c) => c.kpi),
  build,
};
