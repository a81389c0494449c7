import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadFieldValue, LeadListQuery, LeadSource, LeadStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import type { ConsentResponse, LeadAnswer } from './entities/lead.entity';
import { buildLeadFilter } from './lead-filters';
import type { LeadCursor } from './lead-rows.query';

/** Everything an export row carries of a lead: the row itself, its answers, consent and Meta lead id. */
export interface LeadExportRow {
  id: string;
  cursorAt: string;
  receivedAt: Date;
  status: LeadStatus;
  premiumValue: string | null;
  premiumCurrency: string | null;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  country: string | null;
  dateOfBirth: string | null;
  productInterest: string | null;
  source: LeadSource;
  platform: string | null;
  isOrganic: boolean;
  isTest: boolean;
  pageId: string | null;
  formId: string | null;
  campaignId: string | null;
  campaignName: string | null;
  adsetId: string | null;
  adsetName: string | null;
  adId: string | null;
  adName: string | null;
  metaLeadId: string | null;
  duplicateOfId: string | null;
  duplicateRule: string | null;
  needsReview: boolean;
  rawAnswers: LeadAnswer[];
  consentResponses: ConsentResponse[];
  customFields: Record<string, LeadFieldValue>;
}

/** Which answer keys each form's leads carry (and their Pages): the export's answer columns come from these. */
export interface AnswerKeysOfForm {
  formId: string | null;
  pageId: string | null;
  keys: string[];
}

const EXPORT_COLUMNS = `
  l.id, l.received_at::text AS "cursorAt", l.received_at AS "receivedAt", l.status, l.premium_value AS "premiumValue",
  l.premium_currency AS "premiumCurrency", l.full_name AS "fullName", l.first_name AS "firstName",
  l.last_name AS "lastName", l.email, l.phone, l.phone_e164 AS "phoneE164", l.street_address AS "streetAddress",
  l.city, l.state, l.zip_code AS "zipCode", l.country, l.date_of_birth::text AS "dateOfBirth",
  l.product_interest AS "productInterest", l.source, l.platform, l.is_organic AS "isOrganic", l.is_test AS "isTest",
  l.page_id AS "pageId", l.form_id AS "formId", l.campaign_id AS "campaignId", l.campaign_name AS "campaignName",
  l.adset_id AS "adsetId", l.adset_name AS "adsetName", l.ad_id AS "adId", l.ad_name AS "adName",
  (SELECT mm.meta_lead_id FROM meta_lead_mappings mm WHERE mm.legeai_lead_id = l.id ORDER BY mm.synced_at LIMIT 1) AS "metaLeadId",
  l.duplicate_of_id AS "duplicateOfId", l.duplicate_rule AS "duplicateRule", l.needs_review AS "needsReview",
  l.raw_answers AS "rawAnswers", l.consent_responses AS "consentResponses", l.custom_fields AS "customFields"`;

/** Reads the leads of an export: first which answers occur (for the columns), then keyset chunks of full rows. */
@Injectable()
export class LeadExportRowsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The distinct answer keys per form among the filtered leads. One pass over the matching rows before the first
   * byte is sent: a CSV's header must name every column, and the rows stream after it.
   */
  async answerKeys(organisationId: string, query: LeadListQuery): Promise<AnswerKeysOfForm[]> {
    const { where, params } = buildLeadFilter(organisationId, query);
    const rows = await this.dataSource.query<{ formId: string | null; pageId: string | null; keys: string[] | null }[]>(
      `SELECT l.form_id AS "formId", l.page_id AS "pageId",
              array_agg(DISTINCT a.answer->>'name') FILTER (WHERE a.answer->>'name' IS NOT NULL) AS keys
         FROM leads l
         LEFT JOIN LATERAL jsonb_array_elements(
           CASE jsonb_typeof(l.raw_answers) WHEN 'array' THEN l.raw_answers ELSE '[]'::jsonb END) AS a(answer) ON true
        WHERE ${where}
        GROUP BY l.form_id, l.page_id`,
      params,
    );
    return rows.map((r) => ({ formId: r.formId, pageId: r.pageId, keys: r.keys ?? [] }));
  }

  /** The next `size` leads after `cursor`, in the export's order (keyset: constant cost per chunk). */
  chunk(organisationId: string, query: LeadListQuery, size: number, cursor?: LeadCursor): Promise<LeadExportRow[]> {
    const { where, params } = buildLeadFilter(organisationId, query);
    const all = [...params];
    const descending = query.sort !== 'receivedAt';
    let after = '';
    if (cursor) {
      all.push(cursor.receivedAt, cursor.id);
      after = ` AND (l.received_at, l.id) ${descending ? '<' : '>'} ($${all.length - 1}::timestamptz, $${all.length}::uuid)`;
    }
    all.push(size);
    const dir = descending ? 'DESC' : 'ASC';
    return this.dataSource.query<LeadExportRow[]>(
      `SELECT ${EXPORT_COLUMNS} FROM leads l WHERE ${where}${after}
        ORDER BY l.received_at ${dir}, l.id ${dir} LIMIT $${all.length}`,
      all,
    );
  }
}
