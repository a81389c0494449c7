/**
 * SQL text of the lead store's tables (`leads`, `meta_lead_mappings`) for statements of other modules that must
 * read leads within one statement: MetaInsights' reports join facts with leads by campaign, ad set and ad, and
 * MetaConversions' outbox reads a lead's Meta id and flags in the transaction of its change. A round trip per lead to
 * ask this module instead would cost what those statements were built to save. The text is this module's, so the
 * tables' shape stays its owner's concern; the statements embed it as a derived table with the columns named here.
 */

/**
 * The leads that can count for an ad object, received in [`fromSql`, `toSql`): attributed to a campaign, neither
 * organic nor test. Columns: campaign_id, adset_id, ad_id, status, premium_value, premium_currency, received_at.
 * Read by the index on (organisation_id, received_at).
 */
export function attributedLeadsSql(organisationSql: string, fromSql: string, toSql: string): string {
  return `SELECT l.campaign_id, l.adset_id, l.ad_id, l.status, l.premium_value, l.premium_currency, l.received_at
      FROM leads l
      WHERE l.organisation_id = ${organisationSql} AND NOT l.is_organic AND NOT l.is_test AND l.campaign_id IS NOT NULL
        AND l.received_at >= ${fromSql} AND l.received_at < ${toSql}`;
}

/**
 * Meta-sourced leads with their Meta id: columns organisation_id, lead_id, meta_lead_id, meta_created_time,
 * is_organic, is_test. Join it on (organisation_id, lead_id).
 */
export const META_SOURCED_LEADS_SQL = `(SELECT m.organisation_id, m.legeai_lead_id AS lead_id, m.meta_lead_id, m.meta_created_time,
      l.is_organic, l.is_test
    FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id)`;

/** Every lead's contact details for hashed match keys: columns lead_id, email (normalised when known), phone_e164. */
export const LEAD_CONTACTS_SQL = `(SELECT l.id AS lead_id, COALESCE(l.email_normalized, l.email) AS email, l.phone_e164 FROM leads l)`;
