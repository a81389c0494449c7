import type { GraphContext } from '../../core/graph-context';
import type { World } from '../../world/world';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord, AdReview, AdSetRecord, CreativeRecord, DeliveryProfile } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { createRng } from '../../core/rng';
import { addAd, changeCreative, marketing, nextAdObjectId } from '../marketing-state';
import { isObject, optionalJson, optionalString, requireString, validateOnly } from '../marketing-params';
import { parseStatus, setStatus } from '../ad-status';
import { adsError } from '../marketing-errors';
import { cannotEdit } from '../campaigns/campaign-writes';
import { parseCreativeSpec, saveCreative } from './creative-writes';
import { reviewOf } from './creative-rules';

const DAY_MS = 86_400_000;

/** `creative={"creative_id":"…"}`, or a whole creative spec that is created on the way (inline creative). */
function creativeFor(
  ctx: GraphContext,
  account: AdAccountRecord,
): { creative: CreativeRecord } | { spec: ReturnType<typeof parseCreativeSpec> } {
  const raw = optionalJson(ctx, 'creative');
  if (raw === undefined) throw GraphErrors.invalidParameter('The parameter creative is required');
  if (!isObject(raw)) throw GraphErrors.invalidParameter('Param creative must be a JSON object with creative_id or a creative spec');
  const creativeId = raw['creative_id'];
  if (creativeId === undefined) return { spec: parseCreativeSpec(ctx, account, raw) };
  const creative = marketing(ctx.world).creatives.get(String(creativeId));
  if (!creative || creative.accountId !== account.accountId || creative.status === 'DELETED') {
    throw GraphErrors.invalidParameter(`creative_id ${String(creativeId)} is not a creative of ad account act_${account.accountId}`);
  }
  return { creative };
}

const isLeadAdSet = (adset: AdSetRecord): boolean =>
  adset.optimizationGoal === 'LEAD_GENERATION' || adset.optimizationGoal === 'QUALITY_LEAD';

function checkFitsAdSet(adset: AdSetRecord, creative: Pick<CreativeRecord, 'leadGenFormId' | 'pageId'>): void {
  if (!isLeadAdSet(adset)) return;
  if (!creative.leadGenFormId) {
    throw adsError(
      'leadFormRequired',
      'Lead form required',
      'Ads in a lead ad set need a creative whose call to action opens an instant form (lead_gen_form_id).',
      ['creative'],
    );
  }
  const promotedPage = adset.promotedObject?.['page_id'];
  if (promotedPage !== undefined && creative.pageId !== promotedPage) {
    throw adsError(
      'leadFormOtherPage',
      'Page does not match',
      `The creative speaks for Page ${creative.pageId}, but the ad set promotes Page ${String(promotedPage)}.`,
      ['creative'],
    );
  }
}

/** The review a creative gets: approved after `reviewMs` of sandbox time, or refused by the rule in creative-rules. */
export function reviewFor(world: World, creative: Pick<CreativeRecord, 'title' | 'body' | 'description'>, now: number): AdReview {
  const refusal = reviewOf([creative.title, creative.body, creative.description]);
  return {
    submittedAt: now,
    decidedAt: now + marketing(world).reviewMs,
    verdict: refusal ? 'DISAPPROVED' : 'APPROVED',
    feedback: refusal ? { [refusal.policy]: refusal.message } : undefined,
  };
}

/** Puts an ad under a new review from `now`: it stops delivering until the verdict (and for good if refused). */
export function resubmit(world: World, ad: AdRecord, review: AdReview, now: number): void {
  const open = ad.approvedSpans[ad.approvedSpans.length - 1];
  if (open && open.to === undefined) open.to = Math.max(open.from, now);
  ad.review = review;
  if (review.verdict === 'APPROVED') ad.approvedSpans.push({ from: review.decidedAt });
  marketing(world).revision++;
}

/**
 * How an ad created over the API spends once it may deliver: its share of the budget above it (the ad set's, or the
 * campaign's split over its ad sets), at auction prices drawn from the ad's id so the history is the same each run.
 */
export function deliveryProfileFor(world: World, adset: AdSetRecord, adId: string, video: boolean): DeliveryProfile {
  const state = marketing(world);
  const campaign = state.campaigns.get(adset.campaignId)!;
  const perDay = (daily: string | undefined, lifetime: string | undefined, start: number, end: number | undefined) =>
    daily ? Number(daily) : lifetime && end ? Number(lifetime) / Math.max(1, (end - start) / DAY_MS) : 0;
  const adsetBudget = perDay(adset.dailyBudget, adset.lifetimeBudget, adset.startTime, adset.endTime);
  const budget =
    adsetBudget > 0
      ? adsetBudget
      : perDay(campaign.dailyBudget, campaign.lifetimeBudget, campaign.startTime ?? campaign.createdTime, campaign.stopTime) /
        Math.max(1, state.index.adsetsByCampaign.get(campaign.id)?.length ?? 1);
  const siblings = (state.index.adsByAdset.get(adset.id)?.length ?? 0) + 1;
  const rng = createRng(`${world.seed}/delivery/${adId}`);
  return {
    dailySpendMinor: Math.round((budget / siblings) * (0.86 + rng.next() * 0.1)),
    cpmMinor: rng.int(1400, 2300),
    ctr: 0.008 + rng.next() * 0.01,
    video,
  };
}

/** `POST /act_{id}/ads`: an ad set and a creative; the ad then goes through review. */
export function createAd(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = requireString(ctx, 'name');
  const adsetId = requireString(ctx, 'adset_id');
  const state = marketing(ctx.world);
  const adset = state.adsets.get(adsetId);
  if (!adset || adset.accountId !== account.accountId) {
    throw GraphErrors.invalidParameter(`Param adset_id ${adsetId} is not an ad set of ad account act_${account.accountId}`);
  }
  if (adset.status === 'DELETED' || adset.status === 'ARCHIVED') throw cannotEdit('ad set', adset.status);
  const campaign = state.campaigns.get(adset.campaignId);
  if (campaign && (campaign.status === 'DELETED' || campaign.status === 'ARCHIVED')) throw cannotEdit('campaign', campaign.status);
  const chosen = creativeFor(ctx, account);
  checkFitsAdSet(adset, 'creative' in chosen ? chosen.creative : chosen.spec);
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED')
    throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating an ad');
  if (validateOnly(ctx)) return { success: true };
  const creative = 'creative' in chosen ? chosen.creative : saveCreative(ctx, account, chosen.spec);
  const now = ctx.runtime.clock.now();
  const id = nextAdObjectId(ctx.world);
  const review = reviewFor(ctx.world, creative, now);
  const ad: AdRecord = {
    id,
    accountId: account.accountId,
    campaignId: adset.campaignId,
    adsetId: adset.id,
    name,
    status,
    activeSpans: status === 'ACTIVE' ? [{ from: now }] : [],
    issues: [],
    creativeId: creative.id,
    review,
    approvedSpans: review.verdict === 'APPROVED' ? [{ from: review.decidedAt }] : [],
    delivery: deliveryProfileFor(ctx.world, adset, id, creative.videoId !== undefined),
    createdTime: now,
    updatedTime: now,
  };
  addAd(ctx.world, ad);
  return { id: ad.id };
}

/** `POST /{ad-id}`: name, status, a new creative (which goes through review again). */
export function updateAd(ctx: GraphContext, ad: AdRecord): { success: true } {
  const status = optionalString(ctx, 'status');
  const nextStatus = status === undefined ? undefined : parseStatus(status);
  if (ad.status === 'DELETED' || (ad.status === 'ARCHIVED' && nextStatus !== 'DELETED')) throw cannotEdit('ad', ad.status);
  const state = marketing(ctx.world);
  const adsetId = optionalString(ctx, 'adset_id');
  if (adsetId !== undefined && adsetId !== ad.adsetId) {
    throw adsError('lockedField', 'Field cannot be changed', 'adset_id cannot be changed on an existing ad. Create a new ad instead.', [
      'adset_id',
    ]);
  }
  const account = ctx.world.adAccounts.get(ad.accountId)!;
  const chosen = ctx.params['creative'] !== undefined ? creativeFor(ctx, account) : undefined;
  if (chosen) checkFitsAdSet(state.adsets.get(ad.adsetId)!, 'creative' in chosen ? chosen.creative : chosen.spec);
  const name = optionalString(ctx, 'name');
  if (validateOnly(ctx)) return { success: true };
  const now = ctx.runtime.clock.now();
  if (name !== undefined) ad.name = name;
  if (chosen) {
    const creative = 'creative' in chosen ? chosen.creative : saveCreative(ctx, account, chosen.spec);
    changeCreative(ctx.world, ad, creative.id);
    resubmit(ctx.world, ad, reviewFor(ctx.world, creative, now), now);
  }
  ad.updatedTime = now;
  if (nextStatus !== undefined) setStatus(ctx.world, ad, nextStatus, now);
  return { success: true };
}

export function deleteAd(ctx: GraphContext, ad: AdRecord): { success: true } {
  setStatus(ctx.world, ad, 'DELETED', ctx.runtime.clock.now());
  return { success: true };
}
