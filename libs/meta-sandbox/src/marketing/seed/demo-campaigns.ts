import type { World } from '../../world/world';
import type { DemoAdPlan, DemoAdSetPlan, DemoCampaignPlan } from '../../world/demo-ad-plan';
import type { ActiveSpan, AdRecord, AdSetRecord, CampaignRecord, CreativeRecord } from '../marketing-state';
import { createRng } from '../../core/rng';
import { DEMO_CAMPAIGN_PLAN } from '../../world/demo-ad-plan';
import { DEMO_IDS } from '../../world/demo-ids';
import { addAd, addAdSet, addCampaign, addCreative, nextAdObjectId } from '../marketing-state';
import { DEFAULT_ATTRIBUTION } from '../attribution-spec';
import { seedDemoImage } from '../images/demo-images';

const DAY_MS = 86_400_000;

const span = (from: number, to: number | undefined): ActiveSpan[] => (to === undefined ? [{ from }] : [{ from, to }]);

function targetingOf(adset: DemoAdSetPlan): Record<string, unknown> {
  return {
    geo_locations: adset.regions
      ? { regions: adset.regions, location_types: ['home', 'recent'] }
      : { countries: ['US'], location_types: ['home', 'recent'] },
    age_min: 18,
    age_max: 65,
    ...(adset.locales ? { locales: adset.locales } : {}),
    ...(adset.publisherPlatforms ? { publisher_platforms: adset.publisherPlatforms } : {}),
    targeting_automation: { advantage_audience: 0 },
  };
}

/**
 * Harbor Point's campaigns from the demo plan (`world/demo-ad-plan.ts`): fifteen campaigns over the two ad accounts,
 * most of them lead campaigns on the agency's forms, with a paused campaign, completed ones, a paused ad set and ads,
 * and one ad refused in review. Ids are the plan's, so demo leads resolve; status history is the plan's, so
 * insights show delivery exactly when the leads say the ads ran.
 */
export function seedDemoCampaigns(world: World): void {
  if (!world.adAccounts.has(DEMO_IDS.adAccounts.autoHome)) return;
  const at = (daysAgo: number | undefined) => (daysAgo === undefined ? undefined : world.createdAt - daysAgo * DAY_MS);
  for (const plan of DEMO_CAMPAIGN_PLAN) {
    const start = at(plan.startDaysAgo)!;
    const paused = at(plan.pausedDaysAgo);
    const campaign: CampaignRecord = {
      id: plan.id,
      accountId: plan.accountId,
      name: plan.name,
      objective: plan.objective,
      status: paused === undefined ? 'ACTIVE' : 'PAUSED',
      activeSpans: span(start, paused),
      issues: [],
      specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
      specialAdCategoryCountry: ['US'],
      buyingType: 'AUCTION',
      bidStrategy: plan.dailyBudget || plan.lifetimeBudget ? 'LOWEST_COST_WITHOUT_CAP' : undefined,
      dailyBudget: plan.dailyBudget === undefined ? undefined : String(plan.dailyBudget),
      lifetimeBudget: plan.lifetimeBudget === undefined ? undefined : String(plan.lifetimeBudget),
      startTime: start,
      stopTime: at(plan.stopDaysAgo),
      createdTime: start - DAY_MS,
      updatedTime: paused ?? start,
    };
    addCampaign(world, campaign);
    const adCount = plan.adsets.reduce((sum, adset) => sum + adset.ads.length, 0);
    for (const adsetPlan of plan.adsets) seedAdSet(world, plan, campaign, adsetPlan, adCount, at);
  }
}

function seedAdSet(
  world: World,
  plan: DemoCampaignPlan,
  campaign: CampaignRecord,
  adsetPlan: DemoAdSetPlan,
  campaignAds: number,
  at: (daysAgo: number | undefined) => number | undefined,
): void {
  const start = at(adsetPlan.startDaysAgo) ?? campaign.startTime!;
  const paused = at(adsetPlan.pausedDaysAgo);
  const form = plan.formId ? world.forms.get(plan.formId) : undefined;
  const adset: AdSetRecord = {
    id: adsetPlan.id,
    accountId: plan.accountId,
    campaignId: plan.id,
    name: adsetPlan.name,
    status: paused === undefined ? 'ACTIVE' : 'PAUSED',
    activeSpans: span(start, paused),
    issues: [],
    optimizationGoal: form ? (adsetPlan.optimizationGoal ?? 'LEAD_GENERATION') : 'LINK_CLICKS',
    billingEvent: 'IMPRESSIONS',
    destinationType: form ? 'ON_AD' : 'WEBSITE',
    promotedObject: form ? { page_id: form.pageId } : undefined,
    targeting: targetingOf(adsetPlan),
    attributionSpec: DEFAULT_ATTRIBUTION,
    dailyBudget: adsetPlan.dailyBudget === undefined ? undefined : String(adsetPlan.dailyBudget),
    bidStrategy: adsetPlan.dailyBudget ? 'LOWEST_COST_WITHOUT_CAP' : undefined,
    startTime: start,
    endTime: campaign.stopTime,
    createdTime: start - DAY_MS,
    updatedTime: paused ?? start,
  };
  addAdSet(world, adset);
  // Ads share the budget above them: the ad set's, or the campaign's across all its ads.
  const days = campaign.stopTime && campaign.startTime ? (campaign.stopTime - campaign.startTime) / DAY_MS : 1;
  const budget = adsetPlan.dailyBudget
    ? adsetPlan.dailyBudget / adsetPlan.ads.length
    : (plan.dailyBudget ?? (plan.lifetimeBudget ?? 0) / days) / campaignAds;
  for (const adPlan of adsetPlan.ads) seedAd(world, plan, adset, adPlan, budget, at);
}

function seedAd(
  world: World,
  plan: DemoCampaignPlan,
  adset: AdSetRecord,
  adPlan: DemoAdPlan,
  dailySpend: number,
  at: (daysAgo: number | undefined) => number | undefined,
): void {
  const start = at(adPlan.startDaysAgo) ?? adset.startTime;
  const paused = at(adPlan.pausedDaysAgo);
  const form = plan.formId ? world.forms.get(plan.formId) : undefined;
  const pageId = form?.pageId ?? DEMO_IDS.pages.main;
  const image = seedDemoImage(world, plan.accountId, adPlan.image, world.createdAt - 200 * DAY_MS);
  const callToAction = form
    ? { type: adPlan.callToAction, value: { lead_gen_form_id: form.id } }
    : { type: adPlan.callToAction, value: { link: 'https://harborpoint-insurance.example/blog/lower-your-premium' } };
  const creative: CreativeRecord = {
    id: nextAdObjectId(world),
    accountId: plan.accountId,
    name: `${adPlan.name} – creative`,
    pageId,
    objectStorySpec: {
      page_id: pageId,
      link_data: {
        message: adPlan.message,
        name: adPlan.headline,
        ...(adPlan.description ? { description: adPlan.description } : {}),
        link: form ? 'https://fb.me/' : 'https://harborpoint-insurance.example/blog/lower-your-premium',
        image_hash: image.hash,
        call_to_action: callToAction,
      },
    },
    title: adPlan.headline,
    body: adPlan.message,
    description: adPlan.description,
    imageHash: image.hash,
    videoId: adPlan.video ? String((BigInt(adPlan.id) % 10_000_000_000n) + 90_000_000_000n) : undefined,
    callToActionType: adPlan.callToAction,
    leadGenFormId: form?.id,
    status: 'ACTIVE',
    createdTime: start - DAY_MS,
  };
  addCreative(world, creative);
  const refused = adPlan.disapproved;
  const rng = createRng(`${world.seed}/delivery/${adPlan.id}`);
  const ad: AdRecord = {
    id: adPlan.id,
    accountId: plan.accountId,
    campaignId: plan.id,
    adsetId: adset.id,
    name: adPlan.name,
    status: paused === undefined ? 'ACTIVE' : 'PAUSED',
    activeSpans: span(start, paused),
    issues: [],
    creativeId: creative.id,
    review: {
      submittedAt: start - DAY_MS,
      decidedAt: refused ? start - DAY_MS + 3_600_000 : start,
      verdict: refused ? 'DISAPPROVED' : 'APPROVED',
      feedback: refused ? { [refused.policy]: refused.message } : undefined,
    },
    approvedSpans: refused ? [] : [{ from: start }],
    delivery: {
      dailySpendMinor: Math.round(dailySpend * (0.86 + rng.next() * 0.1)),
      cpmMinor: form ? rng.int(1400, 2300) : rng.int(700, 1100),
      ctr: form ? 0.008 + rng.next() * 0.01 : 0.014 + rng.next() * 0.01,
      video: adPlan.video ?? false,
    },
    createdTime: start - DAY_MS,
    updatedTime: paused ?? start,
  };
  addAd(world, ad);
}
