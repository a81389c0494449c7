import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSource } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { leadsConfig } from '../../../config/leads.config';
import { Lead } from '../../leads/entities/lead.entity';
import type { GraphLead } from '../graph/graph-lead';
import { parseGraphTime } from '../graph/graph-time';
import { findPersonDuplicate } from '../mapping/duplicate-finder';
import type { FormMapping } from '../mapping/form-mapping';
import { mapGraphLead } from '../mapping/lead-mapper';
import { personLockKeys } from './person-lock-keys';

export type IngestSource = 'webhook' | 'backfill' | 'replay';

export interface IngestInput {
  organisationId: string;
  graphLead: GraphLead;
  /** Meta's page id. */
  pageId: string;
  source: IngestSource;
}

export interface IngestResult {
  /** `existing` when this Meta lead was already stored for the organisation (nothing was written). */
  outcome: 'created' | 'existing';
  leadId: string;
  /** The earlier lead of the same person this one was linked to, when it is a person-level duplicate. */
  duplicateOfId: string | null;
  /** When the answers were mapped to lead fields (inside the transaction). */
  mappedAt: Date;
}

interface FormRow {
  id: string;
  questions: unknown[] | null;
  mapping: FormMapping | null;
}

/**
 * Stores a Meta lead exactly once per organisation. Webhook jobs, replays and the reconciliation sweep all come
 * here; the unique (organisation_id, meta_lead_id) of `meta_lead_mappings` decides which of several concurrent
 * copies creates the lead (`INSERT … ON CONFLICT DO NOTHING` waits for an in-flight copy and then yields to it).
 */
@Injectable()
export class LeadIngestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(leadsConfig.KEY) private readonly leads: ConfigType<typeof leadsConfig>,
  ) {}

  ingest(input: IngestInput): Promise<IngestResult> {
    return this.db.transaction('READ COMMITTED', (tx) => this.ingestIn(tx, input));
  }

  private async ingestIn(tx: EntityManager, { organisationId, graphLead, pageId, source }: IngestInput): Promise<IngestResult> {
    const formId = graphLead.form_id ?? null;
    const form = formId ? await this.form(tx, organisationId, formId) : null;
    const mapped = mapGraphLead(
      graphLead,
      { formId: formId ?? '', pageId, questions: form?.questions ?? [], mapping: form?.mapping ?? null },
      { defaultCountry: this.leads.defaultCountry },
    );
    const mappedAt = new Date();
    const createdTime = parseGraphTime(graphLead.created_time);

    const claimed = (await tx.query(
      `INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, form_id, lead_form_id, source, meta_created_time)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, meta_lead_id) DO NOTHING
       RETURNING id`,
      [organisationId, graphLead.id, formId, form?.id ?? null, source, createdTime],
    )) as { id: string }[];
    if (claimed.length === 0) return this.existing(tx, organisationId, graphLead.id, mappedAt);

    const lead = mapped.lead;
    const key = { emailNormalized: lead.emailNormalized ?? null, phoneE164: lead.phoneE164 ?? null };
    // Two copies of one person arriving together must see each other: serialise per organisation and person.
    for (const lockKey of personLockKeys(organisationId, key)) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockKey]);
    }
    const receivedAt = lead.receivedAt ?? createdTime ?? new Date();
    const duplicate = await findPersonDuplicate(tx, organisationId, key, receivedAt, this.leads.duplicateWindowDays);

    const missing = mapped.missingRequired;
    const row = tx.getRepository(Lead).create({
      ...lead,
      organisationId,
      source: LeadSource.MetaLeadAds,
      receivedAt,
      duplicateOfId: duplicate?.leadId ?? null,
      duplicateRule: duplicate?.rule ?? null,
      needsReview: lead.needsReview ?? missing.length > 0,
      reviewReason: lead.reviewReason ?? (missing.length ? `Missing required fields: ${missing.join(', ')}` : null),
    });
    const saved = await tx.getRepository(Lead).save(row);
    await tx.query(`UPDATE meta_lead_mappings SET legeai_lead_id = $3 WHERE organisation_id = $1 AND meta_lead_id = $2`, [
      organisationId,
      graphLead.id,
      saved.id,
    ]);
    if (formId) {
      await tx.query(`UPDATE meta_lead_forms SET leads_count = leads_count + 1 WHERE organisation_id = $1 AND form_id = $2`, [
        organisationId,
        formId,
      ]);
    }
    return { outcome: 'created', leadId: saved.id, duplicateOfId: duplicate?.leadId ?? null, mappedAt };
  }

  private async form(tx: EntityManager, organisationId: string, formId: string): Promise<FormRow | null> {
    const rows = (await tx.query(`SELECT id, questions, mapping FROM meta_lead_forms WHERE organisation_id = $1 AND form_id = $2`, [
      organisationId,
      formId,
    ])) as FormRow[];
    return rows[0] ?? null;
  }

  private async existing(tx: EntityManager, organisationId: string, metaLeadId: string, mappedAt: Date): Promise<IngestResult> {
    const rows = (await tx.query(
      `SELECT m.legeai_lead_id AS "leadId", l.duplicate_of_id AS "duplicateOfId"
         FROM meta_lead_mappings m LEFT JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 AND m.meta_lead_id = $2`,
      [organisationId, metaLeadId],
    )) as { leadId: string | null; duplicateOfId: string | null }[];
    const found = rows[0];
    if (!found?.leadId) throw new Error(`Meta lead ${metaLeadId} is claimed but has no stored lead`);
    return { outcome: 'existing', leadId: found.leadId, duplicateOfId: found.duplicateOfId, mappedAt };
  }
}
