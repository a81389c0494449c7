import type { World } from '../world/world';

/** Write statuses (notes §5.1); `effective_status` is derived from these and the parents'. */
export type ConfiguredStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';

/**
 * How a seeded ad delivered in the past, so insights can replay a deterministic history for it. Ads created over
 * the API have none: they show no delivery (Meta omits rows without delivery).
 */
export interface DeliveryProfile {
  /** Unix ms of the first day of delivery. */
  startMs: number;
  /** What the ad spends on an average day, in minor units of the account currency. */
  dailySpendMinor: number;
  /** Cost per 1,000 impressions, in minor units. */
  cpmMinor: number;
  /** Clicks per impression. */
  ctr: number;
  /** The lead form the ad sends people to, for lead ads. */
  formId?: string;
  /** Whether the creative is a video (adds `video_view` actions). */
  video: boolean;
}

export interface CampaignRecord {
  id: string;
  accountId: string;
  name: string;
  objective: string;
  status: ConfiguredStatus;
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
  buyingType: string;
  bidStrategy?: string;
  /** Minor units as strings (notes §5.1). */
  dailyBudget?: string;
  lifetimeBudget?: string;
  startTime?: number;
  stopTime?: number;
  createdTime: number;
  updatedTime: number;
}

export interface AdSetRecord {
  id: string;
  accountId: string;
  campaignId: string;
  name: string;
  status: ConfiguredStatus;
  optimizationGoal: string;
  billingEvent: string;
  destinationType?: string;
  promotedObject?: Record<string, unknown>;
  targeting: Record<string, unknown>;
  dailyBudget?: string;
  lifetimeBudget?: string;
  bidAmount?: number;
  bidStrategy?: string;
  startTime: number;
  endTime?: number;
  createdTime: number;
  updatedTime: number;
}

export interface AdRecord {
  id: string;
  accountId: string;
  campaignId: string;
  adsetId: string;
  name: string;
  status: ConfiguredStatus;
  creativeId: string;
  createdTime: number;
  updatedTime: number;
  delivery?: DeliveryProfile;
}

export interface CreativeRecord {
  id: string;
  accountId: string;
  name: string;
  objectStorySpec?: Record<string, unknown>;
  title?: string;
  body?: string;
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
  /** Sandbox time when the world was seeded: the demo leads were generated back from this instant. */
  seededAt: number;
  /** Bumped by the control surface to restate the unsettled days of insights without moving the clock. */
  restatementRevision: number;
  private: { nextId: bigint };
}

export const marketing = (world: World): MarketingState =>
  world.ext<MarketingState>('marketing', () => ({
    campaigns: new Map(),
    adsets: new Map(),
    ads: new Map(),
    creatives: new Map(),
    seededAt: world.clock.now(),
    restatementRevision: 0,
    private: { nextId: 0n },
  }));

/** Ad object ids: 18 digits like Meta's (`120215…`), in a range apart from the fixed demo ids (`120210…`). */
export function nextAdObjectId(world: World): string {
  const state = marketing(world);
  state.private.nextId += 1n;
  return String(120_215_000_000_000_000n + state.private.nextId * 7919n);
}
