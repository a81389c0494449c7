import type { World } from '../../world/world';
import type { AdRecord } from '../marketing-state';
import { createRng } from '../../core/rng';
import { marketing } from '../marketing-state';
import { DAY_MS, dayStartMs, localDate } from './insights-dates';

/** One ad's delivery on one local day, in whole units (spend in minor units of the account currency). */
export interface DayMetrics {
  impressions: number;
  reach: number;
  clicks: number;
  linkClicks: number;
  spendMinor: number;
  leads: number;
  postEngagement: number;
  videoViews: number;
  landingPageViews: number;
}

export const METRIC_KEYS: (keyof DayMetrics)[] = ['impressions', 'reach', 'clicks', 'linkClicks', 'spendMinor', 'leads', 'postEngagement', 'videoViews', 'landingPageViews'];

/** Days younger than this keep being restated (notes §6.3: recent days change until attribution settles). */
export const SETTLE_MS = 72 * 3_600_000;
/** Unsettled numbers move at most once per this period of sandbox time. */
const RESTATE_STEP_MS = 6 * 3_600_000;

/** How many of the demo world's leads each ad got per local day: insights count the same leads the API serves. */
export type LeadCounts = Map<string, Map<string, number>>;

export function countWorldLeads(world: World, offsetOf: (accountId: string) => number): LeadCounts {
  const ads = marketing(world).ads;
  const counts: LeadCounts = new Map();
  for (const lead of world.leads.values()) {
    if (!lead.ad || lead.isTest) continue;
    const ad = ads.get(lead.ad.adId);
    if (!ad) continue;
    const date = localDate(lead.createdTime, offsetOf(ad.accountId));
    const perDay = counts.get(ad.id) ?? new Map<string, number>();
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    counts.set(ad.id, perDay);
  }
  return counts;
}

/**
 * The synthetic history. Final numbers come from a generator seeded by (world seed, ad, day), so any day can be
 * computed alone and the same seed always tells the same story. Two things tie it to the sandbox clock:
 * - today is partial (the elapsed share of the local day);
 * - the last three days are restated: they start a little low and wobble until they settle.
 * Leads are not synthetic where the world has leads: within the demo leads' window they are the leads the API serves.
 */
export class DeliveryHistory {
  private readonly leadWindowStart = new Map<string, string>();
  private readonly leadRate = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly now: number,
    private readonly leads: LeadCounts,
  ) {}

  day(ad: AdRecord, date: string, offsetHours: number): DayMetrics | undefined {
    const profile = ad.delivery;
    if (!profile) return undefined;
    const start = dayStartMs(date, offsetHours);
    if (start + DAY_MS <= profile.startMs || start > this.now) return undefined;
    const rng = createRng(`${this.world.seed}/insights/${ad.id}/${date}`);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) ? 0.88 : 1;
    const spend = profile.dailySpendMinor * (0.82 + 0.3 * rng.next()) * weekend;
    const cpm = profile.cpmMinor * (0.85 + 0.3 * rng.next());
    const impressions = (spend / cpm) * 1000;
    const clicks = impressions * profile.ctr * (0.8 + 0.4 * rng.next());
    const linkClicks = clicks * (0.55 + 0.2 * rng.next());
    const final: DayMetrics = {
      impressions,
      reach: impressions / (1.06 + 0.22 * rng.next()),
      clicks,
      linkClicks,
      spendMinor: spend,
      leads: 0,
      postEngagement: clicks + impressions * 0.004 * rng.next(),
      videoViews: profile.video ? impressions * (0.16 + 0.1 * rng.next()) : 0,
      landingPageViews: profile.formId ? 0 : linkClicks * (0.72 + 0.15 * rng.next()),
    };
    const factor = this.reportedShare(ad, date, start);
    const out = {} as DayMetrics;
    for (const key of METRIC_KEYS) out[key] = Math.round(final[key] * factor);
    out.leads = profile.formId ? this.leadsOn(ad, date, offsetHours, rng.next(), rng.next()) : 0;
    return out;
  }

  /** The share of a day's final numbers reported now: partial today, restated for three days, then 1. */
  private reportedShare(ad: AdRecord, date: string, start: number): number {
    const elapsed = Math.min(1, Math.max(0, (this.now - start) / DAY_MS));
    const age = this.now - (start + DAY_MS);
    if (age >= SETTLE_MS) return 1;
    const progress = Math.max(0, age) / SETTLE_MS;
    const step = Math.floor(this.now / RESTATE_STEP_MS);
    const revision = marketing(this.world).restatementRevision;
    const wobble = createRng(`${this.world.seed}/restate/${ad.id}/${date}/${step}/${revision}`).next() - 0.5;
    return elapsed * (0.9 + 0.1 * progress + wobble * 0.06 * (1 - progress));
  }

  private leadsOn(ad: AdRecord, date: string, offsetHours: number, u1: number, u2: number): number {
    const windowStart = this.windowStart(ad, offsetHours);
    if (date >= windowStart) return this.leads.get(ad.id)?.get(date) ?? 0;
    // Before the demo leads' window: the same rate the window shows, drawn per day.
    const rate = this.rate(ad, offsetHours);
    return Math.floor(rate * (0.6 + 0.8 * u1) + u2);
  }

  /** The scenario generated leads over the last min(60, form age) days before seeding. */
  private windowStart(ad: AdRecord, offsetHours: number): string {
    let cached = this.leadWindowStart.get(ad.id);
    if (cached === undefined) {
      const state = marketing(this.world);
      const form = ad.delivery?.formId ? this.world.forms.get(ad.delivery.formId) : undefined;
      const formAgeDays = form ? Math.round((state.seededAt - form.createdTime) / DAY_MS) : 0;
      cached = localDate(state.seededAt - Math.min(60, formAgeDays) * DAY_MS, offsetHours);
      this.leadWindowStart.set(ad.id, cached);
    }
    return cached;
  }

  private rate(ad: AdRecord, offsetHours: number): number {
    let rate = this.leadRate.get(ad.id);
    if (rate === undefined) {
      const start = this.windowStart(ad, offsetHours);
      const seededDay = localDate(marketing(this.world).seededAt, offsetHours);
      let total = 0;
      for (const [date, count] of this.leads.get(ad.id) ?? []) if (date >= start && date <= seededDay) total += count;
      const days = Math.max(1, Math.round((Date.parse(seededDay) - Date.parse(start)) / DAY_MS));
      rate = Math.max(0.15, total / days);
      this.leadRate.set(ad.id, rate);
    }
    return rate;
  }
}
