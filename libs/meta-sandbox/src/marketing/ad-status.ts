import type { World } from '../world/world';
import type { AdRecord, AdSetRecord, CampaignRecord, ConfiguredStatus } from './marketing-state';
import { marketing } from './marketing-state';
import { parseEnum } from './marketing-params';

export const WRITE_STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'] as const;

/** Every `effective_status` Meta lists for ads, ad sets and campaigns (the filter accepts any of them on any edge). */
export const EFFECTIVE_STATUSES = [
  'ACTIVE',
  'PAUSED',
  'DELETED',
  'PENDING_REVIEW',
  'DISAPPROVED',
  'PREAPPROVED',
  'PENDING_BILLING_INFO',
  'CAMPAIGN_PAUSED',
  'ARCHIVED',
  'ADSET_PAUSED',
  'IN_PROCESS',
  'WITH_ISSUES',
] as const;

export const parseStatus = (raw: string): ConfiguredStatus => parseEnum(raw, 'status', WRITE_STATUSES) as ConfiguredStatus;

type Tracked = CampaignRecord | AdSetRecord | AdRecord;

/**
 * The one way an object's own status changes (API write, control surface, seed): it keeps the spans of time the
 * object was ACTIVE, which decide when it delivered, and bumps `updated_time` so `updated_since` syncs see it.
 */
export function setStatus(world: World, record: Tracked, status: ConfiguredStatus, at: number): void {
  if (record.status === status) return;
  if (record.status === 'ACTIVE') {
    const open = record.activeSpans[record.activeSpans.length - 1];
    if (open && open.to === undefined) open.to = at;
  }
  if (status === 'ACTIVE') record.activeSpans.push({ from: at });
  record.status = status;
  record.updatedTime = at;
  marketing(world).revision++;
}

const gone = (status: string): boolean => status === 'DELETED' || status === 'ARCHIVED';

/** Campaign `effective_status`: its own status, or WITH_ISSUES while it has issues. */
export function campaignEffectiveStatus(campaign: CampaignRecord): string {
  if (campaign.status !== 'ACTIVE') return campaign.status;
  return campaign.issues.length > 0 ? 'WITH_ISSUES' : 'ACTIVE';
}

/**
 * An ad set shows CAMPAIGN_PAUSED when its campaign is paused, and its campaign's DELETED/ARCHIVED
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/).
 */
export function adsetEffectiveStatus(world: World, adset: AdSetRecord): string {
  const campaign = marketing(world).campaigns.get(adset.campaignId);
  if (gone(adset.status)) return adset.status;
  if (campaign && gone(campaign.status)) return campaign.status;
  if (adset.status === 'PAUSED') return 'PAUSED';
  if (campaign?.status === 'PAUSED') return 'CAMPAIGN_PAUSED';
  return adset.issues.length > 0 || (campaign?.issues.length ?? 0) > 0 ? 'WITH_ISSUES' : 'ACTIVE';
}

/**
 * An ad: deleted or archived (its own or a parent's) first, then its review (PENDING_REVIEW until the verdict,
 * DISAPPROVED after a refusal, whatever the status), then PAUSED / ADSET_PAUSED / CAMPAIGN_PAUSED, then
 * WITH_ISSUES (https://developers.facebook.com/docs/marketing-api/reference/adgroup/).
 */
export function adEffectiveStatus(world: World, ad: AdRecord, now: number): string {
  if (gone(ad.status)) return ad.status;
  const adset = marketing(world).adsets.get(ad.adsetId);
  const parent = adset ? adsetEffectiveStatus(world, adset) : 'ACTIVE';
  if (gone(parent)) return parent;
  if (now < ad.review.decidedAt) return 'PENDING_REVIEW';
  if (ad.review.verdict === 'DISAPPROVED') return 'DISAPPROVED';
  if (ad.status === 'PAUSED') return 'PAUSED';
  if (parent === 'PAUSED') return 'ADSET_PAUSED';
  if (parent === 'CAMPAIGN_PAUSED') return 'CAMPAIGN_PAUSED';
  return ad.issues.length > 0 || parent === 'WITH_ISSUES' ? 'WITH_ISSUES' : 'ACTIVE';
}
