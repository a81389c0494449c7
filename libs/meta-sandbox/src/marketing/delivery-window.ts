import type { World } from '../world/world';
import type { ActiveSpan, AdRecord } from './marketing-state';
import { marketing } from './marketing-state';

/**
 * When an ad was allowed to deliver: while it, its ad set and its campaign were all ACTIVE, after its review
 * approved it, and inside the ad set's and campaign's schedule. Insights replay delivery only inside these spans and
 * live leads go only to ads inside one now, so spend, impressions and leads stop together when someone pauses.
 */
function intersect(a: ActiveSpan[], b: ActiveSpan[]): ActiveSpan[] {
  const out: ActiveSpan[] = [];
  for (const left of a) {
    for (const right of b) {
      const from = Math.max(left.from, right.from);
      const to = Math.min(left.to ?? Infinity, right.to ?? Infinity);
      if (from < to) out.push(to === Infinity ? { from } : { from, to });
    }
  }
  return out.sort((x, y) => x.from - y.from);
}

const cache = new WeakMap<AdRecord, { revision: number; windows: ActiveSpan[] }>();

export function deliveryWindows(world: World, ad: AdRecord): ActiveSpan[] {
  const state = marketing(world);
  const cached = cache.get(ad);
  if (cached && cached.revision === state.revision) return cached.windows;
  const adset = state.adsets.get(ad.adsetId);
  const campaign = state.campaigns.get(ad.campaignId);
  let windows: ActiveSpan[] = [];
  if (ad.delivery && adset && campaign) {
    const starts = [adset.startTime, campaign.startTime ?? -Infinity];
    const ends = [adset.endTime, campaign.stopTime].filter((end): end is number => end !== undefined);
    const schedule: ActiveSpan = ends.length > 0 ? { from: Math.max(...starts), to: Math.min(...ends) } : { from: Math.max(...starts) };
    windows = [schedule].filter((span) => span.to === undefined || span.from < span.to);
    for (const spans of [ad.approvedSpans, ad.activeSpans, adset.activeSpans, campaign.activeSpans]) windows = intersect(windows, spans);
  }
  cache.set(ad, { revision: state.revision, windows });
  return windows;
}

export const isDelivering = (world: World, ad: AdRecord, at: number): boolean =>
  deliveryWindows(world, ad).some((span) => at >= span.from && at < (span.to ?? Infinity));

/** How many ms of [from, to) the ad was delivering. */
export function deliveringMs(world: World, ad: AdRecord, from: number, to: number): number {
  let total = 0;
  for (const span of deliveryWindows(world, ad)) {
    const start = Math.max(from, span.from);
    const end = Math.min(to, span.to ?? Infinity);
    if (end > start) total += end - start;
  }
  return total;
}
