/**
 * A lead as the Graph API answers `GET /{leadgen-id}` with `GRAPH_LEAD_FIELDS`
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). The ad fields need
 * `ads_management` besides `leads_retrieval`; they are absent for organic and test leads.
 */
export interface GraphLead {
  id: string;
  created_time: string;
  field_data: { name: string; values: string[] }[];
  custom_disclaimer_responses?: { checkbox_key: string; is_checked: string | boolean }[];
  form_id?: string;
  ad_id?: string;
  ad_name?: string;
  adset_id?: string;
  adset_name?: string;
  campaign_id?: string;
  campaign_name?: string;
  is_organic?: boolean;
  platform?: string;
  partner_name?: string;
}

/** The `fields=` list of a lead read: everything the mapper and the attribution columns use. */
export const GRAPH_LEAD_FIELDS = [
  'id',
  'created_time',
  'field_data',
  'custom_disclaimer_responses',
  'form_id',
  'ad_id',
  'ad_name',
  'adset_id',
  'adset_name',
  'campaign_id',
  'campaign_name',
  'is_organic',
  'platform',
  'partner_name',
].join(',');
