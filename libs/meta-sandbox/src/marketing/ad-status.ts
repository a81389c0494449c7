import type { World } from '../world/world';
import type { AdRecord, AdSetRecord, CampaignRecord, ConfiguredStatus } from './marketing-state';
import { marketing } from './marketing-state';
import { parseEnum, parseList } from './marketing-params';

export const WRITE_STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'] as const;

export const parseStatus = (raw: string): ConfiguredStatus => parseEnum(raw, 'status', WRITE_STATUSES) as ConfiguredStatus;

/** Campaign `effective_status`: its own status (IN_PROCESS/WITH_ISSUES are not simulated). */
export const campaignEffectiveStatus = (campaign: CampaignRecord): string => campaign.status;

/** An ad set shows CAMPAIGN_PAUSED when its campaign is paused (notes §5.1). */
export function adsetEffectiveStatus(world: World, adset: AdSetRecord): string {
  if (adset.status !== 'ACTIVE') return adset.status;
  const campaign = marketing(world).campaigns.get(adset.campaignId);
  if (!campaign || campaign.status === 'ACTIVE') return 'ACTIVE';
  return campaign.status === 'PAUSED' ? 'CAMPAIGN_PAUSED' : campaign.status;
}

/** An ad shows ADSET_PAUSED / CAMPAIGN_PAUSED when a parent is paused. */
export function adEffectiveStatus(world: World, ad: AdRecord): string {
  if (ad.status !== 'ACTIVE') return ad.status;
  const adset = marketing(world).adsets.get(ad.adsetId);
  if (!adset) return 'ACTIVE';
  const parent = adsetEffectiveStatus(world, adset);
  if (parent === 'ACTIVE') return 'ACTIVE';
  return parent === 'PAUSED' ? 'ADSET_PAUSED' : parent;
}

/**
 * List edges hide deleted and archived objects unless an `effective_status` filter asks for them (notes §5).
 */
export function statusFilter(modifiers: Record<string, string>): (effective: string) => boolean {
  const raw = modifiers['effective_status'];
  if (raw) {
    const wanted = new Set(parseList(raw, 'effective_status'));
    return (effective) => wanted.has(effective);
  }
  return (effective) => effective !== 'DELETED' && effective !== 'ARCHIVED';
}
