/**
 * SQL text of `meta_ad_accounts` and `meta_lead_forms` for statements of other modules that read them within one
 * statement: MetaInsights' reports take each account's time zone, currency and name next to their facts; the lead
 * store's claim reads a lead's form (its mapping and questions) with the claim, and its lists show the form's name.
 * A round trip to ask this module instead would cost what those statements were built to save. The text is this
 * module's, so the tables' shape stays its owner's concern; the statements embed it as a derived table with the
 * columns named here (page-connection.sql.ts does the same for Pages).
 */

/**
 * The organisation's discovered ad accounts, active or not: columns ad_account_id, timezone, currency, name,
 * is_active.
 */
export function adAccountsSql(organisationSql: string): string {
  return `(SELECT ad_account_id, timezone, currency, ad_account_name AS name, is_active
    FROM meta_ad_accounts WHERE organisation_id = ${organisationSql})`;
}

/**
 * Every organisation's lead forms: columns organisation_id, form_id (Meta's), id (ours), form_name, questions,
 * mapping. Join it on (organisation_id, form_id), unique there.
 */
export const LEAD_FORMS_SQL = `(SELECT organisation_id, form_id, id, form_name, questions, mapping FROM meta_lead_forms)`;
