import type { AdObjectResults, AdObjectStatus, MetaAdDto, MetaAdSetDto, MetaCampaignDto } from '@legeai/contracts';
import type { AdAccountRef } from '../../meta-assets';
import type { MetaAd } from '../entities/meta-ad.entity';
import type { MetaAdSet } from '../entities/meta-ad-set.entity';
import type { MetaCampaign } from '../entities/meta-campaign.entity';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
/** A row gone at Meta reads as DELETED whatever status it was last seen with. */
const statusOf = (row: { status: string; deletedAt: Date | null }): AdObjectStatus =>
  row.deletedAt ? 'DELETED' : (row.status as AdObjectStatus);
const effectiveOf = (row: { effectiveStatus: string; deletedAt: Date | null }): string => (row.deletedAt ? 'DELETED' : row.effectiveStatus);

export function toCampaignDto(
  row: MetaCampaign,
  account: AdAccountRef | undefined,
  counts: { adSets: number; ads: number },
  results: AdObjectResults | null = null,
): MetaCampaignDto {
  return {
    id: row.id,
    campaignId: row.campaignId,
    adAccountId: row.adAccountId,
    adAccountName: account?.name ?? row.adAccountId,
    name: row.name,
    status: statusOf(row),
    effectiveStatus: effectiveOf(row),
    objective: row.objective,
    specialAdCategories: row.specialAdCategories,
    specialAdCategoryCountry: row.specialAdCategoryCountry,
    currency: account?.currency ?? '',
    dailyBudgetMinor: row.dailyBudgetMinor,
    lifetimeBudgetMinor: row.lifetimeBudgetMinor,
    bidStrategy: row.bidStrategy,
    startTime: iso(row.startTime),
    stopTime: iso(row.stopTime),
    adSetCount: counts.adSets,
    adCount: counts.ads,
    problems: row.problems,
    // Spend and leads come from MetaInsights' facts (AdObjectResultsRegistry); null shows as "No data yet".
    results,
    updatedAt: iso(row.metaUpdatedAt),
    syncedAt: row.syncedAt.toISOString(),
  };
}

export function toAdSetDto(row: MetaAdSet, currency: string, results: AdObjectResults | null = null): MetaAdSetDto {
  return {
    id: row.id,
    adSetId: row.adSetId,
    campaignId: row.campaignId,
    adAccountId: row.adAccountId,
    name: row.name,
    status: statusOf(row),
    effectiveStatus: effectiveOf(row),
    optimizationGoal: row.optimizationGoal,
    billingEvent: row.billingEvent,
    destinationType: row.destinationType,
    pageId: row.pageId,
    currency,
    dailyBudgetMinor: row.dailyBudgetMinor,
    lifetimeBudgetMinor: row.lifetimeBudgetMinor,
    bidStrategy: row.bidStrategy,
    startTime: iso(row.startTime),
    endTime: iso(row.endTime),
    targeting: {
      text: row.targetingText,
      countries: row.targetCountries,
      regions: row.targetRegions,
      cities: row.targetCities,
      zips: row.targetZips,
      ageMin: row.ageMin,
      ageMax: row.ageMax,
      genders: row.genders,
    },
    problems: row.problems,
    results,
    updatedAt: iso(row.metaUpdatedAt),
    syncedAt: row.syncedAt.toISOString(),
  };
}

export function toAdDto(row: MetaAd, leadFormName: string | null, results: AdObjectResults | null = null): MetaAdDto {
  return {
    id: row.id,
    adId: row.adId,
    adSetId: row.adSetId,
    campaignId: row.campaignId,
    adAccountId: row.adAccountId,
    name: row.name,
    status: statusOf(row),
    effectiveStatus: effectiveOf(row),
    creative: row.creative,
    leadFormId: row.leadFormId,
    leadFormName,
    problems: row.problems,
    results,
    updatedAt: iso(row.metaUpdatedAt),
    syncedAt: row.syncedAt.toISOString(),
  };
}
