// One fictional company behind every template's example data: a mid-size B2B software firm that outsources appointment setting to a partner.
import { TEMPLATE_SHAPES } from '../options';
import { monthAt } from './periods';

/*
 * The story: a software firm selling annual subscriptions (about 12,000 a year each, 75% gross
 * margin) gets about 240 leads a month. An outsourcing partner answers them, qualifies them and
 * books meetings for the firm's account executives (a 6,000 monthly retainer, 150 per meeting,
 * 5% of the first year's value of each deal won). Demand follows the seasons (busy autumn, slow
 * July and December) and grows about 10% a year; July is the weak month, when holidays empty
 * calendars and meetings fall through. Every figure is a fixed function of the calendar month,
 * so the funnel, the dashboard, the activity log and the scorecard tell the same story of the
 * same months, and a plan is the same whenever it is built for the same month.
 */

/** A month's demand against an average month, January to December. */
const SEASON = [1.0, 1.05, 1.1, 1.0, 0.95, 0.9, 0.7, 0.85, 1.15, 1.2, 1.1, 0.8];
/** How well a month's meetings turn into deals against an average month: July is weak. */
const FOLLOW_THROUGH = [1.0, 1.05, 1.0, 0.95, 1.05, 0.95, 0.65, 0.9, 1.1, 1.05, 1.0, 0.9];
/** Small month-to-month variation of the partner's response and qualification, by month. */
const WOBBLE = [1.01, 0.98, 1.02, 0.99, 1.0, 1.03, 0.97, 1.0, 1.02, 0.98, 1.01, 0.99];
/** Growth of demand and revenue per month (about 10% a year). */
const MONTHLY_GROWTH = 1.008;
/** The month the growth counts from: its figures are the base ones. */
const BASE = { year: 2025, month: 1 };

export const COMPANY = {
  leadsPerMonth: 240,
  responseRate: 0.9,
  qualifiedRate: 0.5,
  meetingRate: 0.45,
  proposalRate: 0.6,
  winRate: 0.4,
  /** First-year value of a subscription (its annual contract value). */
  dealSize: 12_000,
  purchasesPerYear: 1,
  lifespanYears: 4,
  grossMargin: 0.75,
  discountRate: 0.1,
  /** The partner's terms. */
  retainer: 6_000,
  feePerMeeting: 150,
  commission: 0.05,
  /** The firm's own marketing and account executives, per month. */
  ownSalesCost: 55_000,
  /** Revenue from existing subscriptions in the base month, and the month's revenue goal. */
  recurringRevenue: 300_000,
  revenueGoal: 480_000,
  /** Average days from first contact to a signed deal. */
  cycleDays: 47,
  customersAtStart: 420,
  /** Customers lost in a year, as a share of those at its start. */
  yearlyChurn: 0.2,
} as const;

/** One month of the company: the funnel's counts, revenue and its goal, sales and marketing cost. */
export interface CompanyMonth {
  leads: number;
  responded: number;
  qualified: number;
  meetings: number;
  proposals: number;
  won: number;
  revenue: number;
  goal: number;
  /** What the partner charged: retainer, meeting fees and commission. */
  partnerCost: number;
  /** All sales and marketing cost: the partner's and the firm's own. */
  salesCost: number;
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** The company's figures for a calendar month (1–12). */
export function companyMonth(year: number, month: number): CompanyMonth {
  const i = month - 1;
  const growth = MONTHLY_GROWTH ** ((year - BASE.year) * 12 + (month - BASE.month));
  const c = COMPANY;
  const leads = Math.round(c.leadsPerMonth * SEASON[i]! * growth);
  const responded = Math.min(leads, Math.round(leads * c.responseRate * WOBBLE[i]!));
  const qualified = Math.round(responded * c.qualifiedRate * WOBBLE[(i + 5) % 12]!);
  const meetings = Math.round(qualified * c.meetingRate * FOLLOW_THROUGH[i]!);
  const proposals = Math.round(meetings * c.proposalRate);
  const won = Math.round(proposals * c.winRate * Math.sqrt(FOLLOW_THROUGH[i]!));
  const partnerCost = Math.round(
    c.retainer + c.feePerMeeting * meetings + c.commission * won * c.dealSize,
  );
  return {
    leads,
    responded,
    qualified,
    meetings,
    proposals,
    won,
    revenue: roundTo(c.recurringRevenue * growth + won * c.dealSize * 1.5, 1_000),
    goal: roundTo(c.revenueGoal * growth, 5_000),
    partnerCost,
    salesCost: roundTo(c.ownSalesCost + partnerCost, 100),
  };
}

/**
 * Shares of a whole count for `parts` people (reps), by fixed weights, that add up to it exactly
 * (largest remainders): the activity log's reps book the funnel's meetings between them.
 */
export function split(count: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, (_, r) => 1.3 - 0.1 * (r % 5));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / sum);
  const shares = exact.map(Math.floor);
  const order = exact.map((x, r) => [x - shares[r]!, r] as const).sort((a, b) => b[0] - a[0]);
  const left = count - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) shares[order[k]![1]]! += 1;
  return shares;
}

/** The weak month of the story (July): the survey's scores dip in it, as the funnel does. */
export const WEAK_MONTH = 7;

/** The survey's answers to "How likely are you to recommend us?", in a typical month. */
const SCORES = [10, 9, 8, 9, 7, 10, 6, 9, 8, 10, 3, 9];

/** The scores of `answers` survey answers in a month: lower in the weak month. */
export function surveyScores(month: number, answers: number): number[] {
  return Array.from({ length: answers }, (_, r) => {
    const score = SCORES[(r + 5 * month) % SCORES.length]!;
    return month === WEAK_MONTH && r % 2 === 0 ? Math.max(0, score - 3) : score;
  });
}

/** A customer counts as satisfied from a score of 7 up (the CSAT question's yes). */
export const SATISFIED_FROM = 7;

/** The example company's year before `currentMonth`, as the one-period templates show it. */
export interface CompanyYear extends CompanyMonth {
  /** Days from first contact to signature, added over the year's deals. */
  daysToClose: number;
  /** First-year value of the deals the partner's meetings brought in. */
  attributedRevenue: number;
  /** The survey's satisfied answers and all its answers, as the satisfaction sheet logs them. */
  satisfied: number;
  surveyed: number;
  customersStart: number;
  customersEnd: number;
}

/** The twelve months before `currentMonth` ("YYYY-MM"), added up, with what follows from them. */
export function companyYear(currentMonth: string): CompanyYear {
  const months = Array.from({ length: 12 }, (_, i) => monthAt(currentMonth, i - 12));
  const figures = months.map(({ year, month }) => companyMonth(year, month));
  const total = (key: keyof CompanyMonth) => figures.reduce((sum, m) => sum + m[key], 0);
  const answers = TEMPLATE_SHAPES.satisfaction.rows!.default;
  const scores = months.flatMap(({ month }) => surveyScores(month, answers));
  const won = total('won');
  const c = COMPANY;
  return {
    leads: total('leads'),
    responded: total('responded'),
    qualified: total('qualified'),
    meetings: total('meetings'),
    proposals: total('proposals'),
    won,
    revenue: total('revenue'),
    goal: total('goal'),
    partnerCost: total('partnerCost'),
    salesCost: total('salesCost'),
    daysToClose: won * c.cycleDays,
    attributedRevenue: won * c.dealSize,
    satisfied: scores.filter((score) => score >= SATISFIED_FROM).length,
    surveyed: scores.length,
    customersStart: c.customersAtStart,
    customersEnd: c.customersAtStart - Math.round(c.customersAtStart * c.yearlyChurn) + won,
  };
}
