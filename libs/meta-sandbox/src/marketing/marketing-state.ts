import type { World } from '../world/world';

/** Write statuses; `effective_status` is derived from these, the parents', review and issues. */
export type ConfiguredStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';

/** A stretch of sandbox time during which an object's own status was ACTIVE; `to` is open while it still is. */
export interface ActiveSpan {
  from: number;
  to?: number;
}

/**
 * An entry of `issues_info` (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-issues-info/):
 * set from the control surface ("a payment method failed", "the form was archived"); the object shows WITH_ISSUES.
 */
export interface IssueRecord {
  errorCode: number;
  summary: string;
  message: string;
  /** HARD_ERROR stops delivery; SOFT_ERROR only warns. */
  type: 'HARD_ERROR' | 'SOFT_ERROR';
}

/**
 * How an ad delivers when it may: its daily spend and auction prices. Insights replay a deterministic history from
 * it for every day the ad was allowed to deliver (its active spans, its parents', its review, its schedule).
 */
export interface DeliveryProfile {
  /** What the ad spends on a full day of delivery, in minor units of the account currency. */
  dailySpendMinor: number;
  /** Cost per 1,000 impressions, in minor units. */
  cpmMinor: number;
  /** Clicks per impression. */
  ctr: number;
  /** Whether the creative is a video (adds `video_view` actions). */
  video: boolean;
  /** Budget changes after creation: from that instant on the ad spends `factor` times its original daily spend. */
  spendChanges?: { from: number; factor: number }[];
}

/** The review every new ad (and every ad whose creative changes) goes through before it may deliver. */
export interface AdReview {
  submittedAt: number;
  /** When the verdict is out; until then the ad is PENDING_REVIEW. */
  decidedAt: number;
  verdict: 'APPROVED' | 'DISAPPROVED';
  /** `ad_review_feedback.global`: policy name → what the reviewer says. */
  feedback?: Record<string, string>;
}

/** `attribution_spec` entries on ad sets and ad accounts. */
export interface AttributionEntry {
  event_type: 'CLICK_THROUGH' | 'VIEW_THROUGH' | 'ENGAGED_VIDEO_VIEW';
  window_days: number;
}

interface Tracked {
  id: string;
  accountId: string;
  name: string;
  status: ConfiguredStatus;
  activeSpans: ActiveSpan[];
  issues: IssueRecord[];
  createdTime: number;
  updatedTime: number;
}

export interface CampaignRecord extends Tracked {
  objective: string;
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
  buyingType: string;
  bidStrategy?: string;
  /** Minor units as strings (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group). */
  dailyBudget?: string;
  lifetimeBudget?: string;
  startTime?: number;
  stopTime?: number;
}

export interface AdSetRecord extends Tracked {
  campaignId: string;
  optimizationGoal: string;
  billingEvent: string;
  destinationType?: string;
  promotedObject?: Record<string, unknown>;
  targeting: Record<string, unknown>;
  attributionSpec: AttributionEntry[];
  dailyBudget?: string;
  lifetimeBudget?: string;
  bidAmount?: number;
  bidStrategy?: string;
  startTime: number;
  endTime?: number;
}

export interface AdRecord extends Tracked {
  campaignId: string;
  adsetId: string;
  creativeId: string;
  review: AdReview;
  /** The stretches of time the ad stood approved; a new creative or a refusal closes the current one. */
  approvedSpans: ActiveSpan[];
  /** Absent for ads that never spend (the demo's disapproved ad). */
  delivery?: DeliveryProfile;
  /**
   * From when insights count the leads the sandbox holds for this ad; before, lead counts are drawn. Absent: the
   * demo history's window (60 days before the world was built). Benchmark ads set it to when they were built.
   */
  heldLeadsFrom?: number;
}

export interface CreativeRecord {
  id: string;
  accountId: string;
  name: string;
  pageId?: string;
  objectStorySpec?: Record<string, unknown>;
  assetFeedSpec?: Record<string, unknown>;
  /** What the person sees: headline (`name` in link_data), primary text (`message`), description, image. */
  title?: string;
  body?: string;
  description?: string;
  imageHash?: string;
  videoId?: string;
  callToActionType?: string;
  leadGenFormId?: string;
  status: 'ACTIVE' | 'DELETED';
  createdTime: number;
}

export interface MarketingState {
  campaigns: Map<string, CampaignRecord>;
  adsets: Map<string, AdSetRecord>;
  ads: Map<string, AdRecord>;
  creatives: Map<string, CreativeRecord>;
  /** Children in creation order, so lists and nested expansion never scan every object of the world. */
  index: {
    campaignsByAccount: Map<string, CampaignRecord[]>;
    adsetsByAccount: Map<string, AdSetRecord[]>;
    adsetsByCampaign: Map<string, AdSetRecord[]>;
    adsByAccount: Map<string, AdRecord[]>;
    adsByCampaign: Map<string, AdRecord[]>;
    adsByAdset: Map<string, AdRecord[]>;
    /** Ads whose creative opens a lead form, by form: who may bring a new lead for it. */
    adsByForm: Map<string, AdRecord[]>;
    creativesByAccount: Map<string, CreativeRecord[]>;
  };
  /** Sandbox ms an ad stays PENDING_REVIEW (control surface: `PUT /marketing/review`). */
  reviewMs: number;
  /** Bumped by every status, schedule or review change: cached delivery windows are recomputed after one. */
  revision: number;
  private: { nextId: bigint };
}

/** Ads created over the API wait this long in review (sandbox time) before they may deliver. */
export const DEFAULT_REVIEW_MS = 30_000;

export const marketing = (world: World): MarketingState =>
  world.ext<MarketingState>('marketing', () => ({
    campaigns: new Map(),
    adsets: new Map(),
    ads: new Map(),
    creatives: new Map(),
    index: {
      campaignsByAccount: new Map(),
      adsetsByAccount: new Map(),
      adsetsByCampaign: new Map(),
      adsByAccount: new Map(),
      adsByCampaign: new Map(),
      adsByAdset: new Map(),
      adsByForm: new Map(),
      creativesByAccount: new Map(),
    },
    reviewMs: DEFAULT_REVIEW_MS,
    revision: 0,
    private: { nextId: 0n },
  }));

const push = <T>(map: Map<string, T[]>, key: string, item: T): void => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

/** Stores a campaign and makes `/{id}` find it. */
export function addCampaign(world: World, campaign: CampaignRecord): void {
  const state = marketing(world);
  state.campaigns.set(campaign.id, campaign);
  push(state.index.campaignsByAccount, campaign.accountId, campaign);
  world.register(campaign.id, 'Campaign');
  state.revision++;
}

export function addAdSet(world: World, adset: AdSetRecord): void {
  const state = marketing(world);
  state.adsets.set(adset.id, adset);
  push(state.index.adsetsByAccount, adset.accountId, adset);
  push(state.index.adsetsByCampaign, adset.campaignId, adset);
  world.register(adset.id, 'AdSet');
  state.revision++;
}

export function addAd(world: World, ad: AdRecord): void {
  const state = marketing(world);
  state.ads.set(ad.id, ad);
  push(state.index.adsByAccount, ad.accountId, ad);
  push(state.index.adsByCampaign, ad.campaignId, ad);
  push(state.index.adsByAdset, ad.adsetId, ad);
  const formId = formOfAd(world, ad);
  if (formId) push(state.index.adsByForm, formId, ad);
  world.register(ad.id, 'Ad');
  state.revision++;
}

/** Points an ad at another creative, keeping the by-form index right. */
export function changeCreative(world: World, ad: AdRecord, creativeId: string): void {
  const state = marketing(world);
  const before = formOfAd(world, ad);
  if (before)
    state.index.adsByForm.set(
      before,
      (state.index.adsByForm.get(before) ?? []).filter((other) => other !== ad),
    );
  ad.creativeId = creativeId;
  const after = formOfAd(world, ad);
  if (after) push(state.index.adsByForm, after, ad);
}

export function addCreative(world: World, creative: CreativeRecord): void {
  const state = marketing(world);
  state.creatives.set(creative.id, creative);
  push(state.index.creativesByAccount, creative.accountId, creative);
  world.register(creative.id, 'AdCreative');
}

/** Ad object ids: 18 digits like Meta's (`120215…`), in a range apart from the fixed demo ids (`120210…`). */
export function nextAdObjectId(world: World): string {
  const state = marketing(world);
  state.private.nextId += 1n;
  return String(120_215_000_000_000_000n + state.private.nextId * 7919n);
}

/** The lead form an ad sends people to, through its creative. */
export function formOfAd(world: World, ad: AdRecord): string | undefined {
  return marketing(world).creatives.get(ad.creativeId)?.leadGenFormId;
}
