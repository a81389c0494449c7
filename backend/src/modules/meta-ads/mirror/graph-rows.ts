import type { AdCreativeSummary, AdObjectLevel, AdReviewProblem } from '@legeai/contracts';
import type { MetaAd } from '../entities/meta-ad.entity';
import type { MetaAdSet } from '../entities/meta-ad-set.entity';
import type { MetaCampaign } from '../entities/meta-campaign.entity';
import type { GraphAd, GraphAdSet, GraphCampaign, GraphCreative, GraphIssue } from '../graph/graph-ad-objects';
import { summariseTargeting } from './targeting-summary';

/** What a mirror row is made of: everything but its local id and bookkeeping dates. */
export type CampaignRow = Omit<MetaCampaign, 'id' | 'createdAt' | 'updatedAt'>;
export type AdSetRow = Omit<MetaAdSet, 'id' | 'createdAt' | 'updatedAt'>;
export type AdRow = Omit<MetaAd, 'id' | 'createdAt' | 'updatedAt'>;

/** Meta's `2026-11-20T14:03:11+0000` (or any ISO time) as a Date; null when absent or unreadable. */
export function graphTime(value: string | undefined | null): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

const minor = (value: string | undefined): number | null => {
  if (value === undefined || value === null || value === '' || value === '0') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const gone = (status: string | undefined): boolean => status === 'DELETED' || status === 'ARCHIVED';
const account = (adAccountId: string, raw: string | undefined) => (raw ? `act_${raw.replace(/^act_/, '')}` : adAccountId);

/** `issues_info` (delivery issues) and `ad_review_feedback` (a refusal in review) as the console's problems. */
export function problemsOf(
  level: AdObjectLevel,
  objectId: string,
  issues: GraphIssue[] | undefined,
  review?: GraphAd['ad_review_feedback'],
): AdReviewProblem[] {
  const problems: AdReviewProblem[] = [];
  for (const [title, message] of Object.entries(review?.global ?? {}))
    problems.push({ level, objectId, kind: 'review_rejected', title, message: String(message) });
  for (const issue of issues ?? []) {
    problems.push({
      level,
      objectId,
      kind: 'delivery_issue',
      title: issue.error_summary ?? 'Delivery issue',
      message: issue.error_message ?? issue.error_summary ?? '',
    });
  }
  return problems;
}

export function campaignRow(organisationId: string, adAccountId: string, g: GraphCampaign, syncedAt: Date): CampaignRow {
  return {
    organisationId,
    adAccountId: account(adAccountId, g.account_id),
    campaignId: g.id,
    name: g.name ?? g.id,
    status: g.status ?? 'UNKNOWN',
    effectiveStatus: g.effective_status ?? g.status ?? 'UNKNOWN',
    objective: g.objective ?? 'UNKNOWN',
    specialAdCategories: (g.special_ad_categories ?? []).filter((c) => c !== 'NONE'),
    specialAdCategoryCountry: g.special_ad_category_country ?? [],
    dailyBudgetMinor: minor(g.daily_budget),
    lifetimeBudgetMinor: minor(g.lifetime_budget),
    bidStrategy: g.bid_strategy ?? null,
    startTime: graphTime(g.start_time),
    stopTime: graphTime(g.stop_time),
    problems: problemsOf('campaign', g.id, g.issues_info),
    metaUpdatedAt: graphTime(g.updated_time),
    syncedAt,
    deletedAt: gone(g.status) ? syncedAt : null,
  };
}

export function adSetRow(organisationId: string, adAccountId: string, g: GraphAdSet, syncedAt: Date): AdSetRow {
  const summary = summariseTargeting(g.targeting);
  return {
    organisationId,
    adAccountId: account(adAccountId, g.account_id),
    campaignId: g.campaign_id ?? '',
    adSetId: g.id,
    name: g.name ?? g.id,
    status: g.status ?? 'UNKNOWN',
    effectiveStatus: g.effective_status ?? g.status ?? 'UNKNOWN',
    optimizationGoal: g.optimization_goal ?? 'UNKNOWN',
    billingEvent: g.billing_event ?? null,
    destinationType: g.destination_type ?? null,
    pageId: typeof g.promoted_object?.page_id === 'string' ? g.promoted_object.page_id : null,
    dailyBudgetMinor: minor(g.daily_budget),
    lifetimeBudgetMinor: minor(g.lifetime_budget),
    bidStrategy: g.bid_strategy ?? null,
    startTime: graphTime(g.start_time),
    endTime: graphTime(g.end_time),
    targeting: g.targeting ?? {},
    targetingText: summary.text,
    targetCountries: summary.countries,
    targetRegions: summary.regions,
    targetCities: summary.cities,
    targetZips: summary.zips,
    ageMin: summary.ageMin,
    ageMax: summary.ageMax,
    genders: summary.genders,
    problems: problemsOf('adset', g.id, g.issues_info),
    metaUpdatedAt: graphTime(g.updated_time),
    syncedAt,
    deletedAt: gone(g.status) ? syncedAt : null,
  };
}

export function adRow(organisationId: string, adAccountId: string, g: GraphAd, syncedAt: Date): AdRow {
  const creative = g.creative ? creativeSummary(g.creative) : null;
  return {
    organisationId,
    adAccountId: account(adAccountId, g.account_id),
    campaignId: g.campaign_id ?? '',
    adSetId: g.adset_id ?? '',
    adId: g.id,
    name: g.name ?? g.id,
    status: g.status ?? 'UNKNOWN',
    effectiveStatus: g.effective_status ?? g.status ?? 'UNKNOWN',
    creative: creative?.summary ?? null,
    leadFormId: creative?.leadFormId ?? null,
    problems: problemsOf('ad', g.id, g.issues_info, g.ad_review_feedback),
    metaUpdatedAt: graphTime(g.updated_time),
    syncedAt,
    deletedAt: gone(g.status) ? syncedAt : null,
  };
}

type Spec = Record<string, unknown>;
const obj = (value: unknown): Spec | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Spec) : undefined;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The creative as the console shows it. The headline and primary text are the creative's `title` and `body`, or its
 * link data's `name` and `message`; the lead form is the call to action's `lead_gen_form_id`
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create).
 */
export function creativeSummary(c: GraphCreative): { summary: AdCreativeSummary; leadFormId: string | null } {
  const story = obj(c.object_story_spec);
  const data = obj(story?.['link_data']) ?? obj(story?.['video_data']);
  const cta = obj(data?.['call_to_action']);
  const feedActions = Array.isArray(c.asset_feed_spec?.['call_to_actions']) ? (c.asset_feed_spec['call_to_actions'] as unknown[]) : [];
  const formId =
    obj(cta?.['value'])?.['lead_gen_form_id'] ??
    feedActions.map((a) => obj(obj(a)?.['value'])?.['lead_gen_form_id']).find((id) => id !== undefined);
  return {
    summary: {
      creativeId: c.id,
      name: text(c.name),
      body: text(c.body) ?? text(data?.['message']),
      headline: text(c.title) ?? text(data?.['name']) ?? text(data?.['title']),
      description: text(data?.['description']),
      callToAction: text(c.call_to_action_type) ?? text(cta?.['type']),
      imageUrl: text(c.image_url),
      imageHash: text(c.image_hash) ?? text(data?.['image_hash']),
    },
    leadFormId: typeof formId === 'string' || typeof formId === 'number' ? String(formId) : null,
  };
}
