import { isoTimestampSql as iso } from '../../database/iso-timestamp.sql';

/**
 * SQL text of a lead row (`leads` under `alias`) as the JSON object other modules send out about it
 * (`WebhookLeadSnapshot` in libs/contracts), for a statement that reads it in the transaction of the change: the
 * lead store owns the columns, so the shape of a lead outside lives here.
 */
export function leadSnapshotJsonSql(alias: string): string {
  const l = alias;
  return `json_build_object(
    'id', ${l}.id, 'status', ${l}.status, 'source', ${l}.source,
    'fullName', ${l}.full_name, 'firstName', ${l}.first_name, 'lastName', ${l}.last_name,
    'email', ${l}.email, 'phone', ${l}.phone, 'phoneE164', ${l}.phone_e164,
    'city', ${l}.city, 'state', ${l}.state, 'zipCode', ${l}.zip_code, 'country', ${l}.country,
    'productInterest', ${l}.product_interest, 'customFields', ${l}.custom_fields,
    'premiumValue', ${l}.premium_value::text, 'premiumCurrency', ${l}.premium_currency,
    'metaLeadId', (SELECT mm.meta_lead_id FROM meta_lead_mappings mm WHERE mm.organisation_id = ${l}.organisation_id AND mm.legeai_lead_id = ${l}.id LIMIT 1),
    'pageId', ${l}.page_id, 'formId', ${l}.form_id, 'campaignId', ${l}.campaign_id, 'campaignName', ${l}.campaign_name, 'adId', ${l}.ad_id,
    'isOrganic', ${l}.is_organic, 'isTest', ${l}.is_test,
    'duplicateOfId', ${l}.duplicate_of_id, 'possibleDuplicate', ${l}.possible_duplicate,
    'receivedAt', ${iso(`${l}.received_at`)}, 'statusChangedAt', ${iso(`${l}.status_changed_at`)}, 'updatedAt', ${iso(`${l}.updated_at`)})`;
}
