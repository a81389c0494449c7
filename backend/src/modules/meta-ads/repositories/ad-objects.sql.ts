/**
 * SQL text of the MetaAds mirror (`meta_campaigns`, `meta_ad_sets`, `meta_ads`) for statements of other modules
 * that read it within one statement: MetaInsights' reports name their objects and find each campaign's ad account
 * next to their facts. The text is this module's, so the tables' shape stays its owner's concern; the statements
 * embed it as a derived table with the columns named here.
 */

export type MirroredLevel = 'campaign' | 'adset' | 'ad';

const TABLE_AND_ID: Record<MirroredLevel, [string, string]> = {
  campaign: ['meta_campaigns', 'campaign_id'],
  adset: ['meta_ad_sets', 'ad_set_id'],
  ad: ['meta_ads', 'ad_id'],
};

/** Each mirrored campaign of the organisation with its ad account: columns campaign_id, ad_account_id. */
export function campaignAccountsSql(organisationSql: string): string {
  return `SELECT campaign_id, ad_account_id FROM meta_campaigns WHERE organisation_id = ${organisationSql}`;
}

/** The mirrored objects of a level in the organisation, deleted ones included: columns object_id, name. */
export function adObjectNamesSql(level: MirroredLevel, organisationSql: string): string {
  const [table, id] = TABLE_AND_ID[level];
  return `(SELECT ${id} AS object_id, name FROM ${table} WHERE organisation_id = ${organisationSql})`;
}
