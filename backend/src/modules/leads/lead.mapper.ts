import { LeadDetailDto, LeadSummaryDto } from '@legeai/contracts';
import { isoTimestampSql } from '../../database/iso-timestamp.sql';
import { LEAD_FORMS_SQL } from '../meta-assets';
import { Lead } from './entities/lead.entity';

/** What a leads-table row needs: the entity's columns plus the joined form name. */
export type LeadSummaryRow = Pick<
  Lead,
  | 'id'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'phoneE164'
  | 'status'
  | 'source'
  | 'formId'
  | 'campaignId'
  | 'campaignName'
  | 'isOrganic'
  | 'isTest'
  | 'duplicateOfId'
  | 'duplicateRule'
  | 'possibleDuplicate'
  | 'needsReview'
  | 'premiumValue'
  | 'premiumCurrency'
> & { formName: string | null; /** ISO 8601, as the API shows it. */ receivedAt: string };

/**
 * The SELECT list producing a LeadSummaryRow from `leads l` and its form `f` (LEAD_FORM_JOIN). Aliases are the entity's
 * property names, so raw rows and entities map through the same function. The time comes as the API's ISO text: a
 * page of the list is read on every request, and a Date per row was parsed only to be formatted back.
 */
export const LEAD_SUMMARY_COLUMNS = `
  l.id, l.full_name AS "fullName", l.email, l.phone, l.phone_e164 AS "phoneE164", l.status, l.source,
  l.form_id AS "formId", f.form_name AS "formName", l.campaign_id AS "campaignId", l.campaign_name AS "campaignName",
  l.is_organic AS "isOrganic", l.is_test AS "isTest", l.duplicate_of_id AS "duplicateOfId",
  l.duplicate_rule AS "duplicateRule", l.possible_duplicate AS "possibleDuplicate", l.needs_review AS "needsReview", l.premium_value AS "premiumValue",
  l.premium_currency AS "premiumCurrency", ${isoTimestampSql('l.received_at')} AS "receivedAt"`;

/** Form names come from the organisation's own forms only; (organisation_id, form_id) is unique there. */
export const LEAD_FORM_JOIN = `LEFT JOIN ${LEAD_FORMS_SQL} f ON f.organisation_id = l.organisation_id AND f.form_id = l.form_id`;

export function toLeadSummary(row: LeadSummaryRow): LeadSummaryDto {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    phoneE164: row.phoneE164,
    status: row.status,
    source: row.source,
    formId: row.formId,
    formName: row.formName,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    isOrganic: row.isOrganic,
    isTest: row.isTest,
    duplicateOfId: row.duplicateOfId,
    duplicateRule: row.duplicateRule,
    duplicateState: row.duplicateOfId ? (row.possibleDuplicate ? 'possible' : 'duplicate') : null,
    needsReview: row.needsReview,
    premiumValue: row.premiumValue,
    premiumCurrency: row.premiumCurrency,
    receivedAt: row.receivedAt,
  };
}

/** The detail's fields that come from the lead row alone; `LeadDetailReader` adds the form, history and currency. */
export type LeadDetailCore = Omit<
  LeadDetailDto,
  | 'formLocale'
  | 'answers'
  | 'consent'
  | 'pageName'
  | 'premiumUnknown'
  | 'currency'
  | 'statusHistory'
  | 'customFields'
  | 'contactMasked'
  | 'duplicateLinks'
>;

export function toLeadDetail(lead: Lead, formName: string | null, metaLeadId: string | null): LeadDetailCore {
  return {
    ...toLeadSummary({ ...lead, formName, receivedAt: lead.receivedAt.toISOString() }),
    firstName: lead.firstName,
    lastName: lead.lastName,
    emailNormalized: lead.emailNormalized,
    streetAddress: lead.streetAddress,
    city: lead.city,
    state: lead.state,
    zipCode: lead.zipCode,
    country: lead.country,
    dateOfBirth: lead.dateOfBirth,
    productInterest: lead.productInterest,
    rawAnswers: lead.rawAnswers.map((a) => ({ name: a.name, values: [...a.values] })),
    consentResponses: lead.consentResponses.map((c) => ({ checkboxKey: c.checkboxKey, isChecked: c.isChecked })),
    attribution: {
      pageId: lead.pageId,
      formId: lead.formId,
      adId: lead.adId,
      adName: lead.adName,
      adsetId: lead.adsetId,
      adsetName: lead.adsetName,
      campaignId: lead.campaignId,
      campaignName: lead.campaignName,
      platform: lead.platform,
      isOrganic: lead.isOrganic,
      isTest: lead.isTest,
      metaLeadId,
    },
    reviewReason: lead.reviewReason,
    statusChangedAt: lead.statusChangedAt.toISOString(),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}
