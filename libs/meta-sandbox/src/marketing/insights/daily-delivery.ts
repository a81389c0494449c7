import type { World } from '../../world/world';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord } from '../marketing-state';
import type { DayLeads } from './lead-facts';
import { createRng } from '../../core/rng';
import { dayEndMs, dayStartMs, localDate } from '../../core/time-zones';
import { formOfAd } from '../marketing-state';
import { deliveringMs, deliveryWindows } from '../delivery-window';
import { insightsState, restatementOf } from './insights-state';

/** One ad's delivery on one local day, in whole units (spend in minor units of the account currency). */
export interface DayMetrics {
  impressions: number;
  reach: number;
  clicks: number;
  linkClicks: number;
  spendMinor: number;
  leads: number;
  /** Of `leads`, those credited to a view rather than a click. */
  viewLeads: number;
  postEngagement: number;
  videoViews: number;
  landingPageViews: number;
}

export const METRIC_KEYS: (keyof DayMetrics)[] = [
  'impressions',
  'reach',
  'clicks',
  'linkClicks',
  'spendMinor',
  'leads',
  'viewLeads',
  'postEngagement',
  'videoViews',
  'landingPageViews',
];

const DAY_MS = 86_400_000;

/** The budget in force on a day (its middle): the last change made before then. */
function spendFactorAt(profile: NonNullable<AdRecord['delivery']>, at: number): number {
  let factor = 1;
  for (const change of profile.spendChanges ?? []) if (change.from <= at) factor = change.factor;
  return factor;
}
/**
 * Days younger than this keep being restated (recent days change until attribution settles:
 * https://developers.facebook.com/docs/marketing-api/insights/best-practices).
 */
const SETTLE_MS = 72 * 3_600_000;
/** Unsettled numbers move at most once per this period of sandbox time. */
const RESTATE_STEP_MS = 6 * 3_600_000;
/** The demo leads reach back this far: before it, lead counts are drawn at the rate the held leads show. */
const LEAD_HISTORY_DAYS = 60;

/**
 * The synthetic history. Final numbers come from a generator seeded by (world seed, ad, day), so any day can be
 * computed alone and the same seed always tells the same story; a day counts only the share of it the ad was
 * delivering (paused, in review, outside its schedule or not yet over: less). The last three days are restated:
 * they start a little low and wobble until they settle. Leads are not synthetic where the world holds leads: from
 * the demo history's first day on they are exactly the leads the API serves for that ad and day.
 */
export class DeliveryHistory {
  private readonly leadWindowStart = new Map<string, string>();
  private readonly leadRate = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly now: number,
    private readonly leads: Map<string, Map<string, DayLeads>>,
  ) {}

  day(ad: AdRecord, account: AdAccountRecord, date: string): DayMetrics | undefined {
    const profile = ad.delivery;
    if (!profile) return undefined;
    const zone = account.timezoneName;
    const start = dayStartMs(date, zone);
    if (start > this.now) return undefined;
    const end = dayEndMs(date, zone);
    const delivered = deliveringMs(this.world, ad, start, Math.min(end, this.now));
    const held = this.leads.get(ad.id)?.get(date);
    if (delivered <= 0 && !held) return undefined;
    const rng = createRng(`${this.world.seed}/insights/${ad.id}/${date}`);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) ? 0.88 : 1;
    const spend = profile.dailySpendMinor * spendFactorAt(profile, (start + end) / 2) * (0.82 + 0.3 * rng.next()) * weekend;
    const cpm = profile.cpmMinor * (0.85 + 0.3 * rng.next());
    const impressions = (spend / cpm) * 1000;
    const clicks = impressions * profile.ctr * (0.8 + 0.4 * rng.next());
    const linkClicks = clicks * (0.55 + 0.2 * rng.next());
    const hasForm = formOfAd(this.world, ad) !== undefined;
    const final = {
      impressions,
      reach: impressions / (1.06 + 0.22 * rng.next()),
      clicks,
      linkClicks,
      spendMinor: spend,
      postEngagement: clicks + impressions * 0.004 * rng.next(),
      videoViews: profile.video ? impressions * (0.16 + 0.1 * rng.next()) : 0,
      landingPageViews: hasForm ? 0 : linkClicks * (0.72 + 0.15 * rng.next()),
    };
    const restated = restatementOf(insightsState(this.world), ad.accountId, ad.id, date);
    const factor = (delivered / (end - start)) * this.reportedShare(ad, date, end) * (restated?.spendFactor ?? 1);
    const leads = hasForm ? this.leadsOn(ad, zone, date, held, rng.next(), rng.next()) : { total: 0, viewThrough: 0 };
    const total = Math.max(0, leads.total + (restated?.leadsDelta ?? 0));
    const out: DayMetrics = {
      impressions: Math.round(final.impressions * factor),
      reach: Math.round(final.reach * factor),
      clicks: Math.round(final.clicks * factor),
      linkClicks: Math.round(final.linkClicks * factor),
      spendMinor: Math.round(final.spendMinor * factor),
      leads: total,
      viewLeads: Math.min(total, leads.viewThrough),
      postEngagement: Math.round(final.postEngagement * factor),
      videoViews: Math.round(final.videoViews * factor),
      landingPageViews: Math.round(final.landingPageViews * factor),
    };
    // Every lead opened the form from the ad: a day with leads saw at least that many clicks and some impressions.
    out.clicks = Math.max(out.clicks, out.leads);
    out.impressions = Math.max(out.impressions, out.clicks * 20, out.leads > 0 ? 50 : 0);
    out.reach = Math.min(Math.max(out.reach, Math.ceil(out.impressions / 1.3)), out.impressions);
    if (out.impressions > 0) out.spendMinor = Math.max(out.spendMinor, 1);
    return out.impressions > 0 ? out : undefined;
  }

  /** The share of a settled day's numbers reported now: restated for three days after the day ends, then 1. */
  private reportedShare(ad: AdRecord, date: string, end: number): number {
    const age = this.now - end;
    if (age >= SETTLE_MS) return 1;
    const progress = Math.max(0, age) / SETTLE_MS;
    const step = Math.floor(this.now / RESTATE_STEP_MS);
    const revision = insightsState(this.world).revision;
    const wobble = createRng(`${this.world.seed}/restate/${ad.id}/${date}/${step}/${revision}`).next() - 0.5;
    return 0.9 + 0.1 * progress + wobble * 0.06 * (1 - progress);
  }

  private leadsOn(ad: AdRecord, zone: string, date: string, held: DayLeads | undefined, u1: number, u2: number): DayLeads {
    if (date >= this.windowStart(ad, zone)) return held ?? { total: 0, viewThrough: 0 };
    // Before the held leads begin: the rate they show, drawn per day.
    const total = Math.floor(this.rate(ad, zone) * (0.6 + 0.8 * u1) + u2);
    return { total, viewThrough: Math.round(total * 0.08 * u2) };
  }

  /** The first day of held leads: the demo's 60 days back from when the world was built, or the form's first day. */
  private windowStart(ad: AdRecord, zone: string): string {
    let cached = this.leadWindowStart.get(ad.id);
    if (cached === undefined && ad.heldLeadsFrom !== undefined) {
      cached = localDate(ad.heldLeadsFrom, zone);
      this.leadWindowStart.set(ad.id, cached);
    }
    if (cached === undefined) {
      const formId = formOfAd(this.world, ad);
      const form = formId ? this.world.forms.get(formId) : undefined;
      const formAgeDays = form ? Math.round((this.world.createdAt - form.createdTime) / DAY_MS) : 0;
      cached = localDate(this.world.createdAt - Math.max(0, Math.min(LEAD_HISTORY_DAYS, formAgeDays)) * DAY_MS, zone);
      this.leadWindowStart.set(ad.id, cached);
    }
    return cached;
  }

  /** Leads a day the ad held over its days of delivery inside the window (at least a trickle). */
  private rate(ad: AdRecord, zone: string): number {
    let rate = this.leadRate.get(ad.id);
    if (rate === undefined && ad.heldLeadsFrom !== undefined) {
      // No held history to learn from: a cost per lead of about $40.
      rate = (ad.delivery?.dailySpendMinor ?? 0) / 4_000;
      this.leadRate.set(ad.id, rate);
    }
    if (rate === undefined) {
      const start = dayStartMs(this.windowStart(ad, zone), zone);
      const end = Math.min(this.now, this.world.createdAt);
      let total = 0;
      for (const [, count] of this.leads.get(ad.id) ?? []) total += count.total;
      const days = deliveringMs(this.world, ad, start, Math.max(start, end)) / DAY_MS;
      rate = Math.max(0.15, days >= 1 ? total / days : 0);
      if (deliveryWindows(this.world, ad).length === 0) rate = 0;
      this.leadRate.set(ad.id, rate);
    }
    return rate;
  }
}
