import type { World } from '../world/world';
import type { AdRef, LeadFormRecord } from '../world/types';
import { DEMO_AD_REFS } from '../world/demo-ad-plan';

const DAY_MS = 86_400_000;

/** The ads that could have brought a lead for a form at an instant: those delivering then with that form. */
export type AdCandidates = (form: LeadFormRecord, atMs: number) => AdRef[];

interface AttributionState {
  resolve?: AdCandidates;
}

const state = (world: World): AttributionState => world.ext<AttributionState>('leads.attribution', () => ({}));

/**
 * The Marketing API module installs the resolver that reads its live objects (a paused campaign stops bringing
 * leads, an ad created over the API starts once approved). Until then, and for the history a scenario builds
 * before any module seeds, the demo plan says which ads were delivering.
 */
export function setAdCandidates(world: World, resolve: AdCandidates): void {
  state(world).resolve = resolve;
}

export function adCandidates(world: World, form: LeadFormRecord, atMs: number): AdRef[] {
  const resolve = state(world).resolve;
  return resolve ? resolve(form, atMs) : plannedAdsAt(world, form, atMs);
}

/** Whether the form has ads at all in the demo plan (decides organic-only forms, as before the plan had windows). */
export const formHasPlannedAds = (form: LeadFormRecord): boolean => (DEMO_AD_REFS[form.id]?.length ?? 0) > 0;

function plannedAdsAt(world: World, form: LeadFormRecord, atMs: number): AdRef[] {
  return (DEMO_AD_REFS[form.id] ?? [])
    .filter(({ delivery }) => {
      const from = world.createdAt - delivery.fromDaysAgo * DAY_MS;
      const until = delivery.untilDaysAgo === undefined ? Infinity : world.createdAt - delivery.untilDaysAgo * DAY_MS;
      return atMs >= from && atMs < until;
    })
    .map(({ adId, adName, adsetId, adsetName, campaignId, campaignName }) => ({
      adId,
      adName,
      adsetId,
      adsetName,
      campaignId,
      campaignName,
    }));
}
