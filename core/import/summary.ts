// The headline KPIs of a deal table, money kept per currency: a check of an import, not the template's formulas.
import type { Deal } from './types';

export interface DealSummary {
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  /** won / (won + lost); null when nothing has closed. */
  readonly winRate: number | null;
  /** Revenue of won deals per currency: amounts in different currencies are never added. */
  readonly revenueWon: Readonly<Record<string, number>>;
  readonly openPipeline: Readonly<Record<string, number>>;
  /** Mean calendar days from created to closed over won deals; null when none was won. */
  readonly averageCycleDays: number | null;
}

function addTo(totals: Record<string, number>, currency: string, amount: number): void {
  totals[currency] = (totals[currency] ?? 0) + amount;
}

export function summarise(deals: readonly Deal[]): DealSummary {
  let won = 0;
  let lost = 0;
  let cycleDays = 0;
  const revenueWon: Record<string, number> = {};
  const openPipeline: Record<string, number> = {};
  for (const deal of deals) {
    if (deal.outcome === 'won') {
      won++;
      addTo(revenueWon, deal.currency, deal.amount);
      cycleDays += (deal.closed ?? deal.created) - deal.created;
    } else if (deal.outcome === 'lost') lost++;
    else addTo(openPipeline, deal.currency, deal.amount);
  }
  return {
    deals: deals.length,
    won,
    lost,
    open: deals.length - won - lost,
    winRate: won + lost === 0 ? null : won / (won + lost),
    revenueWon,
    openPipeline,
    averageCycleDays: won === 0 ? null : cycleDays / won,
  };
}
