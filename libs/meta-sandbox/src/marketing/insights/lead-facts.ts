import type { World } from '../../world/world';
import { localDate } from '../../core/time-zones';
import { marketing } from '../marketing-state';

/** Leads an ad brought on one local day: all of them, and those credited to a view rather than a click. */
export interface DayLeads {
  total: number;
  viewThrough: number;
}

interface LeadFacts {
  /** adId → local date → leads. */
  byAd: Map<string, Map<string, DayLeads>>;
  /** Leads counted, to know when new ones arrived; and the newest lead's time. */
  counted: number;
  latest: number;
}

const facts = new WeakMap<World, LeadFacts>();

/**
 * Instant-form leads are submitted moments after the click, so a lead counts on its submission day for every click
 * window; a fixed share (by lead id) is credited to a view instead, as some people open the form later from their
 * notifications. Deterministic, so the same lead always lands in the same bucket.
 */
export const isViewThrough = (leadId: string): boolean => Number(BigInt(leadId) % 100n) < 8;

function count(world: World, asOf: number): LeadFacts {
  const ads = marketing(world).ads;
  const out: LeadFacts = { byAd: new Map(), counted: world.leads.size, latest: 0 };
  for (const lead of world.leads.values()) {
    if (!lead.ad || lead.isTest || lead.createdTime > asOf) continue;
    const ad = ads.get(lead.ad.adId);
    const account = ad && world.adAccounts.get(ad.accountId);
    if (!ad || !account) continue;
    const date = localDate(lead.createdTime, account.timezoneName);
    let perDay = out.byAd.get(ad.id);
    if (!perDay) out.byAd.set(ad.id, (perDay = new Map()));
    const day = perDay.get(date) ?? { total: 0, viewThrough: 0 };
    day.total++;
    if (isViewThrough(lead.id)) day.viewThrough++;
    perDay.set(date, day);
    out.latest = Math.max(out.latest, lead.createdTime);
  }
  return out;
}

/**
 * Per ad and day of the ad account's time zone, the leads the sandbox holds: insights report exactly these (same
 * ad ids, same days). Recounted only when leads were added or removed since the last answer (leads are never
 * edited; test leads, which come and go, do not count).
 */
export function leadFacts(world: World): Map<string, Map<string, DayLeads>> {
  let current = facts.get(world);
  if (!current || current.counted !== world.leads.size) facts.set(world, (current = count(world, Infinity)));
  return current.byAd;
}

/** The same counts as of an earlier instant (an async report answers as of when it was queued). */
export function leadFactsAsOf(world: World, asOf: number): Map<string, Map<string, DayLeads>> {
  const now = leadFacts(world);
  return facts.get(world)!.latest <= asOf ? now : count(world, asOf).byAd;
}
