import { AdObjectStatus, AdReviewProblem, AdAccountSyncStateDto } from '@legeai/contracts';

/** The status a user sets on a campaign, ad set or ad. */
export const AD_STATUS_LABELS: Readonly<Record<AdObjectStatus, string>> = {
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  DELETED: 'Deleted',
  ARCHIVED: 'Archived',
};

/**
 * Meta's `effective_status`: what is delivering, and why not
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#fields).
 */
export const AD_EFFECTIVE_STATUS_LABELS: Readonly<Record<string, string>> = {
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  DELETED: 'Deleted',
  ARCHIVED: 'Archived',
  CAMPAIGN_PAUSED: 'Campaign paused',
  ADSET_PAUSED: 'Ad set paused',
  IN_PROCESS: 'Processing',
  WITH_ISSUES: 'Has issues',
  DISAPPROVED: 'Rejected',
  PENDING_REVIEW: 'In review',
  PREAPPROVED: 'Pre-approved',
  PENDING_BILLING_INFO: 'Billing details needed',
};

/** ODAX objectives (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#odax). */
export const AD_OBJECTIVE_LABELS: Readonly<Record<string, string>> = {
  OUTCOME_LEADS: 'Leads',
  OUTCOME_SALES: 'Sales',
  OUTCOME_TRAFFIC: 'Traffic',
  OUTCOME_AWARENESS: 'Awareness',
  OUTCOME_ENGAGEMENT: 'Engagement',
  OUTCOME_APP_PROMOTION: 'App promotion',
  LEAD_GENERATION: 'Lead generation (legacy)',
};

export const AD_OPTIMIZATION_GOAL_LABELS: Readonly<Record<string, string>> = {
  LEAD_GENERATION: 'Leads',
  QUALITY_LEAD: 'Quality leads',
  LINK_CLICKS: 'Link clicks',
  LANDING_PAGE_VIEWS: 'Landing page views',
  REACH: 'Reach',
  IMPRESSIONS: 'Impressions',
  OFFSITE_CONVERSIONS: 'Website conversions',
  CONVERSATIONS: 'Conversations',
};

export const AD_CALL_TO_ACTION_LABELS: Readonly<Record<string, string>> = {
  SIGN_UP: 'Sign up',
  LEARN_MORE: 'Learn more',
  GET_QUOTE: 'Get quote',
  APPLY_NOW: 'Apply now',
  SUBSCRIBE: 'Subscribe',
  CONTACT_US: 'Contact us',
};

/** https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category */
export const SPECIAL_AD_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  FINANCIAL_PRODUCTS_SERVICES: 'Financial products and services',
  CREDIT: 'Credit',
  EMPLOYMENT: 'Employment',
  HOUSING: 'Housing',
  ISSUES_ELECTIONS_POLITICS: 'Social issues, elections or politics',
  ONLINE_GAMBLING_AND_GAMING: 'Online gambling and gaming',
  NONE: 'None',
};

export const BID_STRATEGY_LABELS: Readonly<Record<string, string>> = {
  LOWEST_COST_WITHOUT_CAP: 'Highest volume',
  LOWEST_COST_WITH_BID_CAP: 'Bid cap',
  COST_CAP: 'Cost per result goal',
  LOWEST_COST_WITH_MIN_ROAS: 'ROAS goal',
};

export const AD_SYNC_STATE_LABELS: Readonly<Record<AdAccountSyncStateDto['state'], string>> = {
  never: 'Never synced',
  queued: 'Waiting to sync',
  running: 'Syncing',
  ok: 'Up to date',
  failed: 'Sync failed',
  paused: 'Paused by Meta throttling',
};

export const AD_PROBLEM_KIND_LABELS: Readonly<Record<AdReviewProblem['kind'], string>> = {
  review_rejected: 'Rejected in review',
  delivery_issue: 'Delivery issue',
};

/** Meta's gender codes in targeting. */
export const GENDER_LABELS: Readonly<Record<string, string>> = {
  '1': 'Men',
  '2': 'Women',
};
