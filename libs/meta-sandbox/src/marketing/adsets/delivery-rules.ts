import { adsError } from '../marketing-errors';

export const OPTIMIZATION_GOALS = [
  'NONE',
  'APP_INSTALLS',
  'AD_RECALL_LIFT',
  'ENGAGED_USERS',
  'EVENT_RESPONSES',
  'IMPRESSIONS',
  'LEAD_GENERATION',
  'QUALITY_LEAD',
  'LINK_CLICKS',
  'OFFSITE_CONVERSIONS',
  'PAGE_LIKES',
  'POST_ENGAGEMENT',
  'QUALITY_CALL',
  'REACH',
  'LANDING_PAGE_VIEWS',
  'VISIT_INSTAGRAM_PROFILE',
  'VALUE',
  'THRUPLAY',
  'CONVERSATIONS',
  'TWO_SECOND_CONTINUOUS_VIDEO_VIEWS',
] as const;

export const BILLING_EVENTS = [
  'APP_INSTALLS',
  'CLICKS',
  'IMPRESSIONS',
  'LINK_CLICKS',
  'NONE',
  'OFFER_CLAIMS',
  'PAGE_LIKES',
  'POST_ENGAGEMENT',
  'THRUPLAY',
  'PURCHASE',
  'LISTING_INTERACTION',
] as const;

export const DESTINATION_TYPES = [
  'ON_AD',
  'WEBSITE',
  'APP',
  'MESSENGER',
  'WHATSAPP',
  'INSTAGRAM_DIRECT',
  'PHONE_CALL',
  'UNDEFINED',
] as const;

/** Which performance goals each outcome objective offers (subset of Ads Manager's matrix). */
const GOALS_BY_OBJECTIVE: Record<string, string[]> = {
  OUTCOME_LEADS: [
    'LEAD_GENERATION',
    'QUALITY_LEAD',
    'OFFSITE_CONVERSIONS',
    'LINK_CLICKS',
    'LANDING_PAGE_VIEWS',
    'QUALITY_CALL',
    'CONVERSATIONS',
  ],
  OUTCOME_TRAFFIC: ['LINK_CLICKS', 'LANDING_PAGE_VIEWS', 'REACH', 'IMPRESSIONS', 'CONVERSATIONS', 'QUALITY_CALL'],
  OUTCOME_AWARENESS: ['REACH', 'IMPRESSIONS', 'AD_RECALL_LIFT', 'THRUPLAY', 'TWO_SECOND_CONTINUOUS_VIDEO_VIEWS'],
  OUTCOME_ENGAGEMENT: [
    'POST_ENGAGEMENT',
    'PAGE_LIKES',
    'EVENT_RESPONSES',
    'THRUPLAY',
    'CONVERSATIONS',
    'LINK_CLICKS',
    'IMPRESSIONS',
    'REACH',
  ],
  OUTCOME_SALES: ['OFFSITE_CONVERSIONS', 'VALUE', 'LINK_CLICKS', 'LANDING_PAGE_VIEWS', 'IMPRESSIONS', 'REACH', 'CONVERSATIONS'],
  OUTCOME_APP_PROMOTION: ['APP_INSTALLS', 'OFFSITE_CONVERSIONS', 'VALUE', 'LINK_CLICKS'],
};

/** Billing events allowed per performance goal; everything else bills on impressions. */
const BILLING_BY_GOAL: Record<string, string[]> = {
  LINK_CLICKS: ['IMPRESSIONS', 'LINK_CLICKS'],
  POST_ENGAGEMENT: ['IMPRESSIONS', 'POST_ENGAGEMENT'],
  PAGE_LIKES: ['IMPRESSIONS', 'PAGE_LIKES'],
  THRUPLAY: ['IMPRESSIONS', 'THRUPLAY'],
  APP_INSTALLS: ['IMPRESSIONS', 'APP_INSTALLS'],
};

export function checkGoalForObjective(goal: string, objective: string): void {
  const allowed = GOALS_BY_OBJECTIVE[objective];
  if (allowed && !allowed.includes(goal)) {
    throw adsError(
      'goalNotAvailable',
      'Performance goal not available',
      `The performance goal ${goal} isn’t available with the ${objective} objective. Choose one of: ${allowed.join(', ')}.`,
      ['optimization_goal'],
    );
  }
}

export function checkBillingForGoal(billing: string, goal: string): void {
  const allowed = BILLING_BY_GOAL[goal] ?? ['IMPRESSIONS'];
  if (!allowed.includes(billing)) {
    throw adsError(
      'billingNotAvailable',
      'Billing event not available',
      `Ad sets optimized for ${goal} can only be billed on ${allowed.join(' or ')}.`,
      ['billing_event'],
    );
  }
}

/**
 * Instant-form lead ads (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create): the ad set
 * promotes a Page (`promoted_object.page_id`) and the ad opens the form on Facebook (`destination_type=ON_AD`).
 */
export function checkLeadAdSetup(
  goal: string,
  promotedObject: Record<string, unknown> | undefined,
  destinationType: string | undefined,
): void {
  if (goal !== 'LEAD_GENERATION' && goal !== 'QUALITY_LEAD') return;
  if (!promotedObject || typeof promotedObject['page_id'] !== 'string' || promotedObject['page_id'] === '') {
    throw adsError(
      'leadAdPageRequired',
      'Page required for lead ads',
      'Ad sets optimized for leads on instant forms need promoted_object with the page_id of the Page that owns the form.',
      ['promoted_object'],
    );
  }
  if (destinationType !== 'ON_AD') {
    throw adsError('leadAdDestination', 'Conversion location required', 'Lead ads on instant forms need destination_type ON_AD.', [
      'destination_type',
    ]);
  }
}

/** The person must be able to advertise for the Page (the ADVERTISE task), as for any ad that speaks for a Page. */
export function checkPromotedPage(pageId: string, canAdvertise: boolean, blame: string[] = ['promoted_object', 'page_id']): void {
  if (!canAdvertise) {
    throw adsError(
      'pageRoleRequired',
      'Only Admins Can Run Ads for Pages',
      `You can't run ads for Page ${pageId}: ask the Page manager to give you a role that can advertise for it.`,
      blame,
    );
  }
}
