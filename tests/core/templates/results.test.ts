// Key results of the example data, recomputed by hand from the plan's own inputs and checked in HyperFormula.
// HyperFormula rounds results to 10 significant digits, so values compare to 9 decimals.
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/index';
import { buildPlan } from '../../../core/templates/index';
import type { Lang, TemplateId } from '../../../core/templates/options';
import type { SheetPlan } from '../../../core/templates/plan';
import { evaluateWithHyperFormula, type EngineValue } from '../../support/hyperformula-plan';

function sheet(id: TemplateId, lang: Lang = 'en') {
  const built = buildPlan(id, { lang }, { startMonth: '2026-01' }, { functionPrefix: '' });
  if (!built.ok) throw new Error('plan refused');
  const plan: SheetPlan = built.plan;
  const values = evaluateWithHyperFormula(plan);
  /** The row whose first cell reads `label`. */
  const row = (label: string) => {
    const index = plan.cells.findIndex((r) => r[0]?.value === label);
    if (index < 0) throw new Error(`no row "${label}"`);
    return index;
  };
  const input = (r: number, c: number) => plan.cells[r]![c]!.value as number;
  const value = (r: number, c: number): EngineValue => values[r]![c]!;
  return { plan, row, input, value };
}

describe('scorecard', () => {
  const { plan, row, input, value } = sheet('scorecard');
  const header = row('KPI');
  const column = (text: string) => plan.cells[header]!.findIndex((cell) => cell?.value === text);
  const [result, status, attainment] = ['Result', 'Status', 'Attainment'].map(column) as [
    number,
    number,
    number,
  ];
  /** The example value typed right of the input labelled `label` in row `r`. */
  const typed = (r: number, label: string) =>
    input(r, plan.cells[r]!.findIndex((cell) => cell?.value === label) + 1);
  it('lead conversion is converted / leads of the example data', () => {
    const r = row('Lead conversion');
    expect(value(r, result)).toBeCloseTo(
      typed(r, 'Leads converted') / typed(r, 'Leads received'),
      9,
    );
    expect(value(r, result)).toBeCloseTo(60 / 500, 9);
  });
  it('marks a cost under its target On track and a retention within 10% of it At risk', () => {
    const cac = row('Customer acquisition cost (CAC)');
    expect(value(cac, result)).toBe(60_000 / 25);
    expect(value(cac, status)).toBe('On track');
    // Lower is better: attainment is target / result.
    expect(value(cac, attainment)).toBeCloseTo(2_500 / 2_400, 9);
    const retention = row('Retention rate');
    expect(value(retention, result)).toBeCloseTo((190 - 20) / 200, 9);
    expect(value(retention, status)).toBe('At risk');
  });
  it('LTV:CAC divides the CLV row by the CAC row', () => {
    const clv = 4_000 * 2 * 3;
    expect(value(row('Customer lifetime value (CLV)'), result)).toBe(clv);
    expect(value(row('LTV:CAC ratio'), result)).toBeCloseTo(clv / 2_400, 9);
  });
});

describe('roi', () => {
  const { row, value } = sheet('roi');
  it('adds every cost and computes profit, ROI and break-even by the spec formulas', () => {
    const total = 6_000 + 150 * 40 + 0.05 * 180_000 + 20 * 60 + 1_500;
    expect(value(row('Total cost'), 1)).toBeCloseTo(total, 9);
    const profit = 180_000 * 0.6 + 10_000 - total;
    expect(value(row('Profit'), 1)).toBeCloseTo(profit, 9);
    expect(value(row('Sales ROI'), 1)).toBeCloseTo(profit / total, 9);
    expect(value(row('Break-even revenue'), 1)).toBeCloseTo(total / 0.6, 9);
    expect(value(row('Cost of sales'), 1)).toBeCloseTo(total / 180_000, 9);
  });
});

describe('unit-economics', () => {
  const { row, value } = sheet('unit-economics');
  it('discounts CLV as an annuity and compares LTV:CAC and payback with their benchmarks', () => {
    const annual = 4_000 * 2 * 0.6;
    const clv = (annual * (1 - 1.1 ** -3)) / 0.1;
    const cac = 60_000 / 25;
    const results = row('Customer lifetime value (CLV)');
    expect(value(results, 1)).toBeCloseTo(clv, 6);
    expect(value(row('LTV:CAC ratio'), 1)).toBeCloseTo(clv / cac, 9);
    expect(value(row('LTV:CAC ratio'), 3)).toBe('On track');
    expect(value(row('CAC payback'), 1)).toBeCloseTo(cac / (700 * 0.6), 9);
    expect(value(row('CAC payback'), 3)).toBe('On track');
  });
});

describe('vendor-evaluation', () => {
  const { plan, row, input, value } = sheet('vendor-evaluation');
  it('weights each vendor’s scores and ranks the vendors', () => {
    const first = row('What is their track record?');
    const scoreRow = row('Weighted score');
    const vendors = plan.columnWidths.length - 2;
    const scores: number[] = [];
    for (let v = 0; v < vendors; v++) {
      let weighted = 0;
      let weights = 0;
      for (let q = 0; q < 6; q++) {
        weighted += input(first + q, 2 + v) * input(first + q, 1);
        weights += input(first + q, 1);
      }
      scores.push(weighted / weights);
      expect(value(scoreRow, 2 + v)).toBeCloseTo(weighted / weights, 9);
    }
    for (let v = 0; v < vendors; v++)
      expect(value(scoreRow + 1, 2 + v)).toBe(1 + scores.filter((s) => s > scores[v]!).length);
  });
});

describe.each(['en', 'fi'] as const)('satisfaction (%s)', (lang) => {
  const { plan, input, value } = sheet('satisfaction', lang);
  it('computes each period’s NPS and CSAT from that period’s answers only', () => {
    const summary = plan.cells.findIndex((r) => r[0]?.role === 'header') + 1;
    const log = plan.cells.findIndex((r, i) => i > summary && r[0]?.role === 'header') + 1;
    const answers = 8;
    for (const period of [0, 5]) {
      const scores: number[] = [];
      let satisfied = 0;
      for (let a = 0; a < answers; a++) {
        const r = log + period * answers + a;
        scores.push(input(r, 3));
        if (plan.cells[r]![4]!.value === t(lang, 'common.yes')) satisfied++;
      }
      const promoters = scores.filter((s) => s >= 9).length;
      const detractors = scores.filter((s) => s <= 6).length;
      expect(value(summary + period, 2)).toBeCloseTo(((promoters - detractors) / answers) * 100, 9);
      expect(value(summary + period, 5)).toBeCloseTo(satisfied / answers, 9);
    }
  });
});

describe('inhouse-vs-outsourced', () => {
  const { row, value } = sheet('inhouse-vs-outsourced');
  it('names the team ahead: lower cost per deal wins, higher conversion wins', () => {
    const cost = row('Cost per deal');
    expect(value(cost, 1)).toBe(250_000 / 50);
    expect(value(cost, 2)).toBe(180_000 / 45);
    expect(value(cost, 3)).toBe(180_000 / 45 - 250_000 / 50);
    expect(value(cost, 4)).toBe('Outsourced');
    const conversion = row('Lead conversion');
    // 120 / 1,000 = 12% in-house against 130 / 1,200 ≈ 10.8% outsourced.
    expect(value(conversion, 4)).toBe('In-house');
  });
});
