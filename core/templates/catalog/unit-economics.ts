// CLV and CAC: lifetime value, acquisition cost, LTV:CAC and CAC payback against the usual benchmarks.
import type { ParamKind } from '../../args/kinds';
import type { MessageKey } from '../../i18n/index';
import {
  DECIMAL_FORMAT,
  PERCENT_FORMAT,
  WHOLE_FORMAT,
  monthsFormat,
} from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { COMPANY, companyYear, type CompanyYear } from './example-company';
import { toleranceInput } from './tolerance';

interface Input {
  row: number;
  label: MessageKey;
  kind: ParamKind;
  /** From the example company's last twelve months (example-company.ts). */
  example: (year: CompanyYear) => number;
}

const CLV_INPUTS: Input[] = [
  { row: 6, label: 'input.avgPurchaseValue', kind: 'money', example: () => COMPANY.dealSize },
  {
    row: 7,
    label: 'input.purchasesPerYear',
    kind: 'number',
    example: () => COMPANY.purchasesPerYear,
  },
  { row: 8, label: 'input.lifespanYears', kind: 'years', example: () => COMPANY.lifespanYears },
  { row: 9, label: 'input.grossMargin', kind: 'fraction', example: () => COMPANY.grossMargin },
  { row: 10, label: 'input.discountRate', kind: 'fraction', example: () => COMPANY.discountRate },
];
const CAC_INPUTS: Input[] = [
  { row: 13, label: 'input.salesMarketingCost', kind: 'money', example: (y) => y.salesCost },
  { row: 14, label: 'input.newCustomers', kind: 'count', example: (y) => y.won },
  {
    row: 15,
    label: 'input.monthlyRevenuePerCustomer',
    kind: 'money',
    example: () => (COMPANY.dealSize * COMPANY.purchasesPerYear) / 12,
  },
];
const RESULT_HEADER = 17;
const ref = (row: number) => cellRef(row, 1);

function format(b: SheetBuilder, kind: ParamKind): string {
  if (kind === 'money') return b.money;
  return kind === 'fraction' ? PERCENT_FORMAT : WHOLE_FORMAT;
}

function build(b: SheetBuilder): void {
  const year = companyYear(b.ctx.currentMonth);
  b.heading(b.tr('unit-economics.name'), b.tr('unit-economics.purpose'), 6);
  b.headers(4, 0, [b.tr('col.item'), b.tr('col.value')]);
  b.value(5, 0, b.tr('section.clvInputs'), 'section');
  b.value(12, 0, b.tr('section.cacInputs'), 'section');
  for (const input of [...CLV_INPUTS, ...CAC_INPUTS]) {
    b.value(input.row, 0, b.tr(input.label), 'label');
    b.input(input.row, 1, input.example(year), { kind: input.kind }, format(b, input.kind));
  }

  b.value(RESULT_HEADER - 1, 0, b.tr('section.results'), 'section');
  b.headers(RESULT_HEADER, 0, [
    b.tr('col.kpi'),
    b.tr('col.value'),
    b.tr('col.yourTarget'),
    b.tr('col.status'),
    b.tr('col.reference'),
    b.tr('col.source'),
  ]);
  const [clv, cac, ratio, payback] = [1, 2, 3, 4].map((i) => RESULT_HEADER + i) as [
    number,
    number,
    number,
    number,
  ];
  b.value(clv, 0, b.tr('kpi.clv'), 'label');
  b.calc(
    clv,
    1,
    { kind: 'call', fn: 'CLV', args: CLV_INPUTS.map((input) => ref(input.row)) },
    b.money,
  );
  b.value(cac, 0, b.tr('kpi.cac'), 'label');
  b.calc(cac, 1, { kind: 'call', fn: 'CAC', args: [ref(13), ref(14)] }, b.money);

  const tolerance = toleranceInput(b, payback + 2, 0);
  b.value(ratio, 0, b.tr('kpi.ltvCac'), 'label');
  b.calc(
    ratio,
    1,
    { kind: 'call', fn: 'LTV_CAC_RATIO', args: [ref(clv), ref(cac)] },
    DECIMAL_FORMAT,
  );
  b.input(ratio, 2, 3, { kind: 'number' }, DECIMAL_FORMAT);
  b.calc(
    ratio,
    3,
    { kind: 'call', fn: 'KPI_STATUS', args: [ref(ratio), cellRef(ratio, 2), undefined, tolerance] },
    undefined,
    'status',
  );
  b.input(ratio, 4, b.tr('bench.ltvCac.value'), 'text', undefined, {
    keep: true,
    role: 'reference',
  });
  b.value(ratio, 5, b.tr('bench.ltvCac.source'), 'source');

  const months = monthsFormat(b.options.lang);
  b.value(payback, 0, b.tr('kpi.cacPayback'), 'label');
  b.calc(
    payback,
    1,
    { kind: 'call', fn: 'CAC_PAYBACK_MONTHS', args: [ref(cac), ref(15), ref(9)] },
    months,
  );
  b.input(payback, 2, 12, { kind: 'months' }, months);
  b.calc(
    payback,
    3,
    { kind: 'call', fn: 'KPI_STATUS', args: [ref(payback), cellRef(payback, 2), false, tolerance] },
    undefined,
    'status',
  );
  b.input(payback, 4, b.tr('bench.cacPayback.value'), 'text', undefined, {
    keep: true,
    role: 'reference',
  });
  b.value(payback, 5, b.tr('bench.cacPayback.source'), 'source');

  b.statusColours(rangeRef(ratio, 3, payback, 3));
  const disclaimer = b.paragraph(payback + 3, 0, b.tr('unit-economics.note'));
  b.paragraph(disclaimer, 0, b.tr('common.benchmarkDisclaimer'));
  b.columnWidths([160, 110, 100, 100, 160, 160]);
  // The inputs and the results head their columns differently, and the sheet is short: no
  // heading is frozen over the wrong table.
  b.freeze(0);
}

export const unitEconomics: TemplateDefinition = {
  id: 'unit-economics',
  name: 'unit-economics.name',
  purpose: 'unit-economics.purpose',
  kpis: ['kpi.clv', 'kpi.cac', 'kpi.ltvCac', 'kpi.cacPayback'],
  build,
};
