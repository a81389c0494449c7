import { DEMO_IDS, RunningSandbox } from '../../src';
import { graph } from '../support/graph';

/** A fixed sandbox time, so insights history and dates are the same on every run. */
export const CLOCK_START = '2026-11-29T15:00:00Z';
export const ACT = `act_${DEMO_IDS.adAccounts.autoHome}`;
export const AUTO_CAMPAIGN = '120210000000000101';
export const AUTO_ADSET = '120210000000001101';
export const AUTO_AD = '120210000000011101';

/** A valid lead campaign for an insurance agency: financial products special category, campaign budget absent. */
export const leadCampaign = (extra: Record<string, string> = {}): Record<string, string> => ({
  name: 'Test – Auto leads',
  objective: 'OUTCOME_LEADS',
  status: 'PAUSED',
  special_ad_categories: JSON.stringify(['FINANCIAL_PRODUCTS_SERVICES']),
  special_ad_category_country: JSON.stringify(['US']),
  ...extra,
});

export const sacTargeting = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ geo_locations: { countries: ['US'] }, targeting_automation: { advantage_audience: 0 }, ...extra });

export const leadAdSet = (campaignId: string, extra: Record<string, string> = {}): Record<string, string> => ({
  name: 'Test – US adults',
  campaign_id: campaignId,
  status: 'PAUSED',
  optimization_goal: 'LEAD_GENERATION',
  billing_event: 'IMPRESSIONS',
  destination_type: 'ON_AD',
  promoted_object: JSON.stringify({ page_id: DEMO_IDS.pages.main }),
  daily_budget: '2500',
  targeting: sacTargeting(),
  ...extra,
});

/** A ~60-day token, for tests that move the clock by hours (short-lived tokens expire within two hours). */
export async function longLived(sandbox: RunningSandbox, shortLived: string): Promise<string> {
  const exchanged = await graph(sandbox, 'GET', 'oauth/access_token', {
    params: { grant_type: 'fb_exchange_token', client_id: sandbox.appId, client_secret: sandbox.appSecret, fb_exchange_token: shortLived },
  });
  return exchanged.body.access_token as string;
}
