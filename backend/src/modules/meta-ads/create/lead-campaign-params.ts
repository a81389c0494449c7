import type { CreateLeadCampaignRequest, LeadCampaignTargeting } from '@legeai/contracts';
import type { GraphParams } from '../../../infra/meta-graph';
import type { SpecialCategoryChoice } from '../guardrails';

/**
 * The Graph parameters of each step of a lead campaign on an instant form
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create). Pure.
 */
export function campaignParams(
  draft: CreateLeadCampaignRequest,
  categories: SpecialCategoryChoice,
  status: 'ACTIVE' | 'PAUSED',
): GraphParams {
  return {
    name: draft.campaign.name,
    objective: 'OUTCOME_LEADS',
    status,
    // Always sent: Meta requires every new campaign to say whether it is in a special ad category ([] = none).
    special_ad_categories: categories.specialAdCategories,
    ...(categories.specialAdCategoryCountry.length ? { special_ad_category_country: categories.specialAdCategoryCountry } : {}),
  };
}

export function adSetParams(draft: CreateLeadCampaignRequest, campaignId: string, status: 'ACTIVE' | 'PAUSED'): GraphParams {
  const { adSet } = draft;
  return {
    name: adSet.name,
    campaign_id: campaignId,
    status,
    optimization_goal: adSet.optimizationGoal,
    billing_event: 'IMPRESSIONS',
    // An instant form opens on Facebook: the ad set promotes the Page that owns the form.
    destination_type: 'ON_AD',
    promoted_object: { page_id: adSet.pageId },
    ...(adSet.budget.type === 'daily' ? { daily_budget: adSet.budget.amountMinor } : { lifetime_budget: adSet.budget.amountMinor }),
    ...(adSet.startTime ? { start_time: adSet.startTime } : {}),
    ...(adSet.endTime ? { end_time: adSet.endTime } : {}),
    targeting: targetingSpec(adSet.targeting),
  };
}

/**
 * Meta's targeting spec (https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting). The
 * countries are where the ads run; regions and cities, when given, narrow within them and replace whole-country
 * targeting (Meta refuses a place together with the country that contains it). Advantage+ audience is off: the
 * audience is exactly the one the guardrails checked.
 */
export function targetingSpec(targeting: LeadCampaignTargeting): Record<string, unknown> {
  const regions = targeting.regions ?? [];
  const cities = targeting.cities ?? [];
  const zips = targeting.zips ?? [];
  const geo: Record<string, unknown> = { location_types: ['home', 'recent'] };
  if (regions.length || cities.length || zips.length) {
    if (regions.length) geo.regions = regions.map((r) => ({ key: r.key }));
    if (cities.length) {
      geo.cities = cities.map((c) => ({
        key: c.key,
        ...(c.radius !== undefined ? { radius: c.radius, distance_unit: c.distanceUnit ?? 'mile' } : {}),
      }));
    }
    if (zips.length) geo.zips = zips.map((key) => ({ key }));
  } else {
    geo.countries = targeting.countries.map((c) => c.toUpperCase());
  }
  return {
    geo_locations: geo,
    ...(targeting.ageMin !== undefined ? { age_min: targeting.ageMin } : {}),
    ...(targeting.ageMax !== undefined ? { age_max: targeting.ageMax } : {}),
    ...(targeting.genders?.length ? { genders: targeting.genders } : {}),
    targeting_automation: { advantage_audience: 0 },
  };
}

/**
 * The creative: a link ad whose call to action opens the lead form. `link` is the placeholder Meta expects on lead ads
 * (the button opens the form, not a website).
 */
export function creativeParams(draft: CreateLeadCampaignRequest, imageHash: string): GraphParams {
  const { ad, adSet } = draft;
  return {
    name: `${ad.name} – creative`,
    object_story_spec: {
      page_id: adSet.pageId,
      link_data: {
        message: ad.primaryText,
        name: ad.headline,
        ...(ad.description ? { description: ad.description } : {}),
        image_hash: imageHash,
        link: 'http://fb.me/',
        call_to_action: { type: ad.callToAction, value: { lead_gen_form_id: ad.leadFormId } },
      },
    },
  };
}

export function adParams(draft: CreateLeadCampaignRequest, adSetId: string, creativeId: string, status: 'ACTIVE' | 'PAUSED'): GraphParams {
  return { name: draft.ad.name, adset_id: adSetId, creative: { creative_id: creativeId }, status };
}
