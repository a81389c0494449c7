/**
 * The Marketing API objects as the Graph API answers them (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group,
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign, https://developers.facebook.com/docs/marketing-api/reference/adgroup,
 * https://developers.facebook.com/docs/marketing-api/reference/ad-creative). Budgets are minor-unit strings.
 */
export interface GraphIssue {
  level?: string;
  error_code?: number;
  error_summary?: string;
  error_message?: string;
  error_type?: string;
}

interface GraphAdObject {
  id: string;
  account_id?: string;
  name?: string;
  status?: string;
  effective_status?: string;
  updated_time?: string;
  issues_info?: GraphIssue[];
}

export interface GraphCampaign extends GraphAdObject {
  objective?: string;
  special_ad_categories?: string[];
  special_ad_category_country?: string[];
  daily_budget?: string;
  lifetime_budget?: string;
  bid_strategy?: string;
  start_time?: string;
  stop_time?: string;
}

export interface GraphAdSet extends GraphAdObject {
  campaign_id?: string;
  optimization_goal?: string;
  billing_event?: string;
  destination_type?: string;
  promoted_object?: { page_id?: string } & Record<string, unknown>;
  daily_budget?: string;
  lifetime_budget?: string;
  bid_strategy?: string;
  start_time?: string;
  end_time?: string;
  targeting?: Record<string, unknown>;
}

export interface GraphCreative {
  id: string;
  name?: string;
  title?: string;
  body?: string;
  image_url?: string;
  image_hash?: string;
  call_to_action_type?: string;
  object_story_spec?: Record<string, unknown>;
  asset_feed_spec?: Record<string, unknown>;
}

export interface GraphAd extends GraphAdObject {
  campaign_id?: string;
  adset_id?: string;
  creative?: GraphCreative;
  /** Present once a review refused the ad: `{ global: { policy: message } }`. */
  ad_review_feedback?: { global?: Record<string, string> } & Record<string, unknown>;
}

const COMMON = 'id,account_id,name,status,effective_status,updated_time,issues_info';
export const CAMPAIGN_FIELDS = `${COMMON},objective,special_ad_categories,special_ad_category_country,daily_budget,lifetime_budget,bid_strategy,start_time,stop_time`;
export const AD_SET_FIELDS = `${COMMON},campaign_id,optimization_goal,billing_event,destination_type,promoted_object,daily_budget,lifetime_budget,bid_strategy,start_time,end_time,targeting`;
/** The creative comes along by field expansion: one request per page of ads, not one per ad. */
export const AD_FIELDS = `${COMMON},campaign_id,adset_id,ad_review_feedback,creative{id,name,title,body,image_url,image_hash,call_to_action_type,object_story_spec,asset_feed_spec}`;

export type AdEdge = 'campaigns' | 'adsets' | 'ads';
export const FIELDS_OF: Record<AdEdge, string> = { campaigns: CAMPAIGN_FIELDS, adsets: AD_SET_FIELDS, ads: AD_FIELDS };
