import { LeadSource, LeadStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { Lead } from '../../src/modules/leads/entities/lead.entity';

let sequence = 0;

/** Inserts a lead of the organisation straight into the store; sensible defaults, any column overridable. */
export async function insertLead(dataSource: DataSource, organisationId: string, over: Partial<Lead> = {}): Promise<Lead> {
  sequence += 1;
  const repo = dataSource.getRepository(Lead);
  return repo.save(
    repo.create({
      organisationId,
      fullName: `Lead ${sequence}`,
      email: `lead${sequence}@example.test`,
      emailNormalized: `lead${sequence}@example.test`,
      phone: null,
      phoneE164: null,
      source: LeadSource.MetaLeadAds,
      status: LeadStatus.New,
      receivedAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000),
      rawAnswers: [],
      consentResponses: [],
      ...over,
    }),
  );
}

/**
 * A lead form of the organisation (with the integration and page it needs), so leads with this form id get its name
 * and the mapping endpoints see its questions.
 * The token columns hold placeholders: nothing here calls Meta.
 */
export async function insertLeadForm(
  dataSource: DataSource,
  organisationId: string,
  formId: string,
  formName: string,
  questions: unknown[] = [],
): Promise<string> {
  const [integration] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO meta_integrations (organisation_id, access_token_ciphertext, access_token_key_id, status)
     VALUES ($1, 'placeholder', 'test', 'disconnected') RETURNING id`,
    [organisationId],
  );
  const [page] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO meta_pages (organisation_id, integration_id, page_id, page_name) VALUES ($1, $2, $3, 'Test page') RETURNING id`,
    // A Page is connected by one organisation at a time: one per organisation, even for the same form id.
    [organisationId, integration.id, `page-${formId}-${organisationId.slice(0, 8)}`],
  );
  const [form] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO meta_lead_forms (organisation_id, page_id, form_id, form_name, questions) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [organisationId, page.id, formId, formName, JSON.stringify(questions)],
  );
  return form.id;
}

/** Links Meta's leadgen id to a stored lead, as ingestion does. */
export async function insertMetaLeadMapping(
  dataSource: DataSource,
  organisationId: string,
  leadId: string,
  metaLeadId: string,
  formId: string | null = null,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, legeai_lead_id, form_id) VALUES ($1, $2, $3, $4)`,
    [organisationId, metaLeadId, leadId, formId],
  );
}
