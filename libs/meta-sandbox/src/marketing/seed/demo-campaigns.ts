import type { World } from '../../world/world';
import type { AdRecord, AdSetRecord, CampaignRecord, CreativeRecord } from '../marketing-state';
import { DEMO_AD_REFS, DEMO_IDS } from '../../world/demo-ids';
import { marketing, nextAdObjectId } from '../marketing-state';

const DAY_MS = 86_400_000;

interface CampaignPlan {
  objective: 'OUTCOME_LEADS' | 'OUTCOME_TRAFFIC';
  /** Campaign budget (CBO) or per-ad-set budget, minor units per day. */
  campaignBudget?: number;
  adsetBudget?: number;
  startedDaysAgo: number;
}

/** How each demo campaign is set up; lead campaigns start just after their form was created. */
const PLANS: Record<string, CampaignPlan> = {
  '120210000000000101': { objective: 'OUTCOME_LEADS', campaignBudget: 6000, startedDaysAgo: 118 },
  '120210000000000102': { objective: 'OUTCOME_LEADS', adsetBudget: 3500, startedDaysAgo: 88 },
  '120210000000000103': { objective: 'OUTCOME_LEADS', adsetBudget: 2500, startedDaysAgo: 98 },
  '120210000000000201': { objective: 'OUTCOME_LEADS', campaignBudget: 4500, startedDaysAgo: 73 },
  '120210000000000202': { objective: 'OUTCOME_LEADS', adsetBudget: 4000, startedDaysAgo: 58 },
  '120210000000000203': { objective: 'OUTCOME_LEADS', adsetBudget: 2000, startedDaysAgo: 43 },
};

/** The one non-lead campaign: blog traffic, months older than the lead campaigns. */
export const DEMO_TRAFFIC_REF = {
  adAccountId: DEMO_IDS.adAccounts.autoHome,
  campaignId: '120210000000000104',
  campaignName: 'Agency blog – Traffic',
  adsetId: '120210000000001401',
  adsetName: 'Homeowners & drivers – broad',
  adId: '120210000000014101',
  adName: 'Blog – 5 ways to lower your premium',
};
const TRAFFIC_PLAN: CampaignPlan = { objective: 'OUTCOME_TRAFFIC', adsetBudget: 2000, startedDaysAgo: 190 };

const SAC_TARGETING = (locale: 'en' | 'es' | 'ja') => ({
  geo_locations: { countries: ['US'], location_types: ['home', 'recent'] },
  age_min: 18,
  age_max: 65,
  ...(locale === 'en' ? {} : { locales: [locale === 'es' ? 23 : 11] }),
  targeting_automation: { advantage_audience: 0 },
});

/**
 * Harbor Point's campaigns: auto, home, life and health insurance lead campaigns (with the fixed ids the demo leads
 * point at) and a blog traffic campaign, each with months of delivery history for insights.
 */
export function seedDemoCampaigns(world: World): void {
  if (!world.adAccounts.has(DEMO_IDS.adAccounts.autoHome)) return;
  const rng = world.rng.stream('marketing');
  const state = marketing(world);
  const now = world.clock.now();
  const refs = Object.entries(DEMO_AD_REFS).flatMap(([formId, list]) => list.map((ref) => ({ ...ref, formId: formId as string | undefined })));
  refs.push({ ...DEMO_TRAFFIC_REF, formId: undefined });
  for (const ref of refs) {
    const plan = PLANS[ref.campaignId] ?? TRAFFIC_PLAN;
    const form = ref.formId ? world.forms.get(ref.formId) : undefined;
    const startMs = now - plan.startedDaysAgo * DAY_MS;
    let campaign = state.campaigns.get(ref.campaignId);
    if (!campaign) {
      campaign = {
        id: ref.campaignId,
        accountId: ref.adAccountId,
        name: ref.campaignName,
        objective: plan.objective,
        status: 'ACTIVE',
        specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
        specialAdCategoryCountry: ['US'],
        buyingType: 'AUCTION',
        bidStrategy: plan.campaignBudget ? 'LOWEST_COST_WITHOUT_CAP' : undefined,
        dailyBudget: plan.campaignBudget ? String(plan.campaignBudget) : undefined,
        startTime: startMs,
        createdTime: startMs - DAY_MS,
        updatedTime: startMs,
      } satisfies CampaignRecord;
      state.campaigns.set(campaign.id, campaign);
      world.register(campaign.id, 'Campaign');
    }
    if (!state.adsets.has(ref.adsetId)) {
      const locale = form?.locale.startsWith('ES') ? 'es' : form?.locale.startsWith('JA') ? 'ja' : 'en';
      const adset: AdSetRecord = {
        id: ref.adsetId,
        accountId: ref.adAccountId,
        campaignId: ref.campaignId,
        name: ref.adsetName,
        status: 'ACTIVE',
        optimizationGoal: form ? 'LEAD_GENERATION' : 'LINK_CLICKS',
        billingEvent: 'IMPRESSIONS',
        destinationType: form ? 'ON_AD' : 'WEBSITE',
        promotedObject: form ? { page_id: form.pageId } : undefined,
        targeting: SAC_TARGETING(locale),
        dailyBudget: plan.adsetBudget ? String(plan.adsetBudget) : undefined,
        bidStrategy: plan.adsetBudget ? 'LOWEST_COST_WITHOUT_CAP' : undefined,
        startTime: startMs,
        createdTime: startMs - DAY_MS,
        updatedTime: startMs,
      };
      state.adsets.set(adset.id, adset);
      world.register(adset.id, 'AdSet');
    }
    const creative: CreativeRecord = {
      id: nextAdObjectId(world),
      accountId: ref.adAccountId,
      name: `${ref.adName} – creative`,
      objectStorySpec: {
        page_id: form?.pageId ?? DEMO_IDS.pages.main,
        link_data: {
          message: ref.adName,
          link: form ? 'https://fb.me/' : 'https://harborpoint-insurance.example/blog/lower-your-premium',
          call_to_action: form ? { type: 'GET_QUOTE', value: { lead_gen_form_id: form.id } } : { type: 'LEARN_MORE' },
        },
      },
      callToActionType: form ? 'GET_QUOTE' : 'LEARN_MORE',
      leadGenFormId: form?.id,
      status: 'ACTIVE',
      createdTime: startMs - DAY_MS,
    };
    state.creatives.set(creative.id, creative);
    world.register(creative.id, 'AdCreative');
    const siblings = refs.filter((other) => (plan.campaignBudget ? other.campaignId === ref.campaignId : other.adsetId === ref.adsetId)).length;
    const budget = plan.campaignBudget ?? plan.adsetBudget ?? 2000;
    const ad: AdRecord = {
      id: ref.adId,
      accountId: ref.adAccountId,
      campaignId: ref.campaignId,
      adsetId: ref.adsetId,
      name: ref.adName,
      status: 'ACTIVE',
      creativeId: creative.id,
      createdTime: startMs - DAY_MS,
      updatedTime: startMs,
      delivery: {
        startMs,
        dailySpendMinor: Math.round((budget / siblings) * (0.86 + rng.next() * 0.1)),
        cpmMinor: form ? rng.int(1400, 2300) : rng.int(700, 1100),
        ctr: form ? 0.008 + rng.next() * 0.01 : 0.014 + rng.next() * 0.01,
        formId: form?.id,
        video: /video|reel/i.test(ref.adName),
      },
    };
    state.ads.set(ad.id, ad);
    world.register(ad.id, 'Ad');
  }
}
