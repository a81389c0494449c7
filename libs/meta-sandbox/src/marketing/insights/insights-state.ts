import type { World } from '../../world/world';

/** A restated day (control surface): delivery scaled, conversions moved, for one ad or a whole account. */
export interface Restatement {
  spendFactor: number;
  leadsDelta: number;
}

/** Forced insights throttling: what `x-fb-ads-insights-throttle` shows and which error a call over 100 % gets. */
export interface InsightsThrottle {
  appPct: number;
  accountPct: Map<string, number>;
  /** 80000 (ads_insights BUC), 4 (1504022 "Too Many API Requests") or 17 (user request limit). */
  code: 80000 | 4 | 17;
}

export interface InsightsState {
  /** Bumped to restate the unsettled days now, without moving the clock. */
  revision: number;
  /** Keyed by `${adId}|${date}` or `act:${accountId}|${date}`. */
  restatements: Map<string, Restatement>;
  throttle?: InsightsThrottle;
}

export const insightsState = (world: World): InsightsState =>
  world.ext<InsightsState>('marketing.insights', () => ({ revision: 0, restatements: new Map() }));

export function restatementOf(state: InsightsState, accountId: string, adId: string, date: string): Restatement | undefined {
  const ad = state.restatements.get(`${adId}|${date}`);
  const account = state.restatements.get(`act:${accountId}|${date}`);
  if (!ad && !account) return undefined;
  return { spendFactor: (ad?.spendFactor ?? 1) * (account?.spendFactor ?? 1), leadsDelta: ad?.leadsDelta ?? 0 };
}
