import type { World } from '../../world/world';
import type { AdRecord, AdSetRecord, CampaignRecord, CreativeRecord } from '../marketing-state';
import { createRng } from '../../core/rng';
import { addAd, addAdSet, addCampaign, addCreative, marketing, nextAdObjectId } from '../marketing-state';
import { DEFAULT_ATTRIBUTION } from '../attribution-spec';
import { seedDemoImage } from '../images/demo-images';

const DAY_MS = 86_400_000;

export interface LargeAccountRequest {
  /** Numeric id of an existing ad account (the demo's, so a logged-in token already reaches it). */
  accountId: string;
  campaigns?: number;
  adsetsPerCampaign?: number;
  adsPerAdset?: number;
  /** How far back the campaigns start: insights then hold this many days of daily facts. */
  historyDays?: number;
}

export interface LargeAccountSummary {
  accountId: string;
  campaigns: number;
  adsets: number;
  ads: number;
  historyDays: number;
}

/** Defaults: the Ads benchmark's 300 campaigns, 1,500 ad sets and 6,000 ads, with two years of history. */
export const LARGE_ACCOUNT_DEFAULTS = { campaigns: 300, adsetsPerCampaign: 5, adsPerAdset: 4, historyDays: 730 };

const PRODUCTS = ['Auto', 'Home', 'Renters', 'Life', 'Health', 'Umbrella', 'Pet', 'Travel'];
const AUDIENCES = ['Broad US', 'NJ & NY', 'Homeowners', 'New parents', 'Small business', 'Retargeting 30d', 'Spanish speakers'];

/**
 * Adds a benchmark-sized set of lead campaigns to an ad account, deterministic for the world's seed: mostly active,
 * some paused, some completed, every ad on one of the account's Pages' active lead forms with delivery from its
 * start. Objects are light (no per-object work beyond indexing), so 6,000 ads take well under a second.
 */
export function buildLargeAccount(world: World, request: LargeAccountRequest): LargeAccountSummary {
  const account = world.adAccounts.get(request.accountId);
  if (!account) throw new Error(`Unknown ad account ${request.accountId}`);
  const campaigns = request.campaigns ?? LARGE_ACCOUNT_DEFAULTS.campaigns;
  const adsetsPerCampaign = request.adsetsPerCampaign ?? LARGE_ACCOUNT_DEFAULTS.adsetsPerCampaign;
  const adsPerAdset = request.adsPerAdset ?? LARGE_ACCOUNT_DEFAULTS.adsPerAdset;
  const historyDays = request.historyDays ?? LARGE_ACCOUNT_DEFAULTS.historyDays;
  const pages = new Set([...world.pages.values()].filter((page) => page.businessId === account.businessId).map((page) => page.id));
  const forms = [...world.forms.values()].filter((form) => form.status === 'ACTIVE' && pages.has(form.pageId));
  if (forms.length === 0) throw new Error(`Ad account ${request.accountId} has no Page with an active lead form`);
  const rng = createRng(`${world.seed}/large-account/${request.accountId}/${marketing(world).campaigns.size}`);
  const now = world.clock.now();
  const image = seedDemoImage(world, account.accountId, 'auto', now - (historyDays + 1) * DAY_MS);
  for (let c = 0; c < campaigns; c++) {
    const form = forms[c % forms.length];
    const start = now - historyDays * DAY_MS + rng.int(0, Math.min(60, historyDays)) * DAY_MS;
    const roll = rng.next();
    const pausedAt = roll < 0.1 ? start + (now - start) * (0.3 + 0.6 * rng.next()) : undefined;
    const stopTime = roll >= 0.1 && roll < 0.15 ? start + (now - start) * (0.2 + 0.5 * rng.next()) : undefined;
    const product = PRODUCTS[c % PRODUCTS.length];
    const campaign: CampaignRecord = {
      id: nextAdObjectId(world),
      accountId: account.accountId,
      name: `${product} leads – ${AUDIENCES[c % AUDIENCES.length]} #${c + 1}`,
      objective: 'OUTCOME_LEADS',
      status: pausedAt ? 'PAUSED' : 'ACTIVE',
      activeSpans: pausedAt ? [{ from: start, to: pausedAt }] : [{ from: start }],
      issues: [],
      specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
      specialAdCategoryCountry: ['US'],
      buyingType: 'AUCTION',
      startTime: start,
      stopTime,
      createdTime: start - DAY_MS,
      updatedTime: pausedAt ?? start,
    };
    addCampaign(world, campaign);
    for (let s = 0; s < adsetsPerCampaign; s++) {
      const dailyBudget = 1000 + rng.int(0, 40) * 100;
      const adset: AdSetRecord = {
        id: nextAdObjectId(world),
        accountId: account.accountId,
        campaignId: campaign.id,
        name: `${AUDIENCES[(c + s) % AUDIENCES.length]} – set ${s + 1}`,
        status: 'ACTIVE',
        activeSpans: [{ from: start }],
        issues: [],
        optimizationGoal: 'LEAD_GENERATION',
        billingEvent: 'IMPRESSIONS',
        destinationType: 'ON_AD',
        promotedObject: { page_id: form.pageId },
        targeting: { geo_locations: { countries: ['US'] }, age_min: 18, age_max: 65, targeting_automation: { advantage_audience: 0 } },
        attributionSpec: DEFAULT_ATTRIBUTION,
        dailyBudget: String(dailyBudget),
        bidStrategy: 'LOWEST_COST_WITHOUT_CAP',
        startTime: start,
        endTime: stopTime,
        createdTime: start - DAY_MS,
        updatedTime: start,
      };
      addAdSet(world, adset);
      for (let a = 0; a < adsPerAdset; a++) {
        const adId = nextAdObjectId(world);
        const headline = `${product} insurance quote in minutes`;
        const creative: CreativeRecord = {
          id: nextAdObjectId(world),
          accountId: account.accountId,
          name: `${product} creative ${a + 1}`,
          pageId: form.pageId,
          objectStorySpec: {
            page_id: form.pageId,
            link_data: {
              message: `Compare ${product.toLowerCase()} coverage with a local agent.`,
              name: headline,
              link: 'https://fb.me/',
              image_hash: image.hash,
              call_to_action: { type: 'GET_QUOTE', value: { lead_gen_form_id: form.id } },
            },
          },
          title: headline,
          body: `Compare ${product.toLowerCase()} coverage with a local agent.`,
          imageHash: image.hash,
          callToActionType: 'GET_QUOTE',
          leadGenFormId: form.id,
          status: 'ACTIVE',
          createdTime: start - DAY_MS,
        };
        addCreative(world, creative);
        const ad: AdRecord = {
          id: adId,
          accountId: account.accountId,
          campaignId: campaign.id,
          adsetId: adset.id,
          name: `${product} – variant ${String.fromCharCode(65 + a)}`,
          status: 'ACTIVE',
          activeSpans: [{ from: start }],
          issues: [],
          creativeId: creative.id,
          review: { submittedAt: start - DAY_MS, decidedAt: start, verdict: 'APPROVED' },
          approvedSpans: [{ from: start }],
          heldLeadsFrom: now,
          delivery: {
            dailySpendMinor: Math.round((dailyBudget / adsPerAdset) * (0.86 + rng.next() * 0.1)),
            cpmMinor: rng.int(1400, 2300),
            ctr: 0.008 + rng.next() * 0.01,
            video: a % 4 === 0,
          },
          createdTime: start - DAY_MS,
          updatedTime: start,
        };
        addAd(world, ad);
      }
    }
  }
  return {
    accountId: account.accountId,
    campaigns,
    adsets: campaigns * adsetsPerCampaign,
    ads: campaigns * adsetsPerCampaign * adsPerAdset,
    historyDays,
  };
}
