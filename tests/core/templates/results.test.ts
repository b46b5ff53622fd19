// Key results of the example data, recomputed by hand from the plan's own inputs and checked in HyperFormula.
// HyperFormula rounds results to 10 significant digits, so values compare to 9 decimals (amounts in thousands to 6).
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
    const rate = typed(r, 'Leads converted') / typed(r, 'Leads received');
    expect(value(r, result)).toBeCloseTo(rate, 9);
    // The example company converts about one lead in twenty: At risk against its 5% target.
    expect(rate).toBeGreaterThan(0.045);
    expect(rate).toBeLessThan(0.05);
    expect(value(r, status)).toBe('At risk');
  });
  it('marks a cost under its target On track and a retention far under it Off track', () => {
    const cac = row('Customer acquisition cost (CAC)');
    const cost = typed(cac, 'Sales and marketing cost') / typed(cac, 'New customers');
    expect(value(cac, result)).toBeCloseTo(cost, 9);
    expect(value(cac, status)).toBe('On track');
    // Lower is better: attainment is target / result.
    expect(value(cac, attainment)).toBeCloseTo(input(cac, column('Your target')) / cost, 9);
    const retention = row('Retention rate');
    const kept = typed(retention, 'Customers at end') - typed(retention, 'New customers');
    expect(value(retention, result)).toBeCloseTo(kept / typed(retention, 'Customers at start'), 9);
    expect(value(retention, status)).toBe('Off track');
  });
  it('LTV:CAC divides the CLV row by the CAC row', () => {
    const r = row('Customer lifetime value (CLV)');
    const clv =
      typed(r, 'Average purchase value') *
      typed(r, 'Purchases per year') *
      typed(r, 'Customer lifespan (years)');
    expect(value(r, result)).toBe(clv);
    const cac = value(row('Customer acquisition cost (CAC)'), result) as number;
    expect(value(row('LTV:CAC ratio'), result)).toBeCloseTo(clv / cac, 9);
  });
  it('shows a mix of statuses, as a real team’s scorecard does', () => {
    const statuses = plan.cells
      .slice(header + 1, header + 13)
      .map((_, i) => value(header + 1 + i, status));
    for (const text of ['On track', 'At risk', 'Off track']) expect(statuses).toContain(text);
  });
});

describe('roi', () => {
  const { row, input, value } = sheet('roi');
  const typed = (label: string) => input(row(label), 1);
  it('adds every cost and computes profit, ROI and break-even by the spec formulas', () => {
    const revenue = typed('Revenue attributed to the vendor');
    const margin = typed('Gross margin');
    const total =
      typed('Monthly retainer') +
      typed('Fee per appointment') * typed('Appointments set') +
      typed('Commission on revenue') * revenue +
      typed('Your oversight time (hours)') * typed('Cost of an hour of your time') +
      typed('Tools and training');
    expect(value(row('Total cost'), 1)).toBeCloseTo(total, 9);
    const profit = revenue * margin + typed('Cost savings against an in-house team') - total;
    expect(value(row('Profit'), 1)).toBeCloseTo(profit, 9);
    expect(value(row('Sales ROI'), 1)).toBeCloseTo(profit / total, 9);
    expect(value(row('Break-even revenue'), 1)).toBeCloseTo(total / margin, 9);
    expect(value(row('Cost of sales'), 1)).toBeCloseTo(total / revenue, 9);
  });
});

describe('unit-economics', () => {
  const { row, input, value } = sheet('unit-economics');
  const typed = (label: string) => input(row(label), 1);
  it('discounts CLV as an annuity and compares LTV:CAC and payback with their benchmarks', () => {
    const margin = typed('Gross margin');
    const rate = typed('Yearly discount rate');
    const annual = typed('Average purchase value') * typed('Purchases per year') * margin;
    const clv = (annual * (1 - (1 + rate) ** -typed('Customer lifespan (years)'))) / rate;
    const cac = typed('Sales and marketing cost') / typed('New customers');
    const results = row('Customer lifetime value (CLV)');
    expect(value(results, 1)).toBeCloseTo(clv, 6);
    expect(value(row('LTV:CAC ratio'), 1)).toBeCloseTo(clv / cac, 9);
    expect(value(row('LTV:CAC ratio'), 3)).toBe('On track');
    const payback = cac / (typed('Monthly revenue per customer') * margin);
    expect(value(row('CAC payback'), 1)).toBeCloseTo(payback, 9);
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
  const { row, input, value } = sheet('inhouse-vs-outsourced');
  const typed = (label: string, team: 1 | 2) => input(row(label), team);
  it('names the team ahead: lower cost per deal wins, higher conversion wins', () => {
    const cost = row('Cost per deal');
    const perDeal = (team: 1 | 2) =>
      typed('Sales and marketing cost', team) / typed('New customers', team);
    expect(value(cost, 1)).toBeCloseTo(perDeal(1), 6);
    expect(value(cost, 2)).toBeCloseTo(perDeal(2), 6);
    expect(value(cost, 3)).toBeCloseTo(perDeal(2) - perDeal(1), 6);
    // The partner costs far less per deal than the firm's own team.
    expect(perDeal(2)).toBeLessThan(perDeal(1));
    expect(value(cost, 4)).toBe('Outsourced');
    const conversion = row('Lead conversion');
    const rate = (team: 1 | 2) => typed('Leads converted', team) / typed('Leads received', team);
    expect(value(conversion, 4)).toBe(rate(1) > rate(2) ? 'In-house' : 'Outsourced');
    // Percentage points: the difference of the two rates times 100.
    expect(value(conversion, 3)).toBeCloseTo((rate(2) - rate(1)) * 100, 6);
  });
});
