import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSource } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { leadsConfig } from '../../../config/leads.config';
import { Lead } from '../../leads/entities/lead.entity';
import type { GraphLead } from '../graph/graph-lead';
import { parseGraphTime } from '../graph/graph-time';
import { personDuplicateQuery } from '../mapping/duplicate-finder';
import type { FormMapping } from '../mapping/form-mapping';
import { mapGraphLead } from '../mapping/lead-mapper';
import { FormLeadCounts } from './form-lead-counts';
import { LeadTableStatistics } from './lead-table-statistics';
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

export interface IngestHooks {
  /** More work for the storing transaction, run after the lead is stored (or found) and committed with it. */
  within?: (tx: EntityManager, result: IngestResult) => Promise<void>;
  /** Work after the commit, on the same connection. */
  afterCommit?: (manager: EntityManager) => Promise<void>;
}

/**
 * Stores a Meta lead exactly once per organisation. Webhook jobs, replays and the reconciliation sweep all come
 * here; the unique (organisation_id, meta_lead_id) of `meta_lead_mappings` decides which of several concurrent
 * copies creates the lead (`INSERT … ON CONFLICT DO NOTHING` waits for an in-flight copy and then yields to it).
 * The form's lead count is bumped after the commit, in bulk (`FormLeadCounts`), not inside the transaction.
 */
@Injectable()
export class LeadIngestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(leadsConfig.KEY) private readonly leads: ConfigType<typeof leadsConfig>,
    private readonly formCounts: FormLeadCounts,
    private readonly statistics: LeadTableStatistics,
  ) {}

  /**
   * `within` joins the transaction (the pipeline records the lead's timeline step there); `afterCommit` runs on the
   * same connection once the transaction committed, without going back to the pool for another one.
   */
  async ingest(input: IngestInput, hooks: IngestHooks = {}): Promise<IngestResult> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      // READ COMMITTED is PostgreSQL's default; not naming it saves a statement per lead.
      await runner.startTransaction();
      let result: IngestResult;
      try {
        result = await this.ingestIn(runner.manager, input);
        if (hooks.within) await hooks.within(runner.manager, result);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      if (result.outcome === 'created') {
        if (input.graphLead.form_id) this.formCounts.add(input.organisationId, input.graphLead.form_id);
        this.statistics.noteStored();
      }
      if (hooks.afterCommit) await hooks.afterCommit(runner.manager);
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * Three statements for a new lead: claim the Meta lead id (reading the form's mapping with it), take the person
   * locks, then find the earlier lead of the same person, insert the lead and link the claim to it (one statement,
   * whose snapshot is taken after the locks were granted, so it sees a concurrent copy of the person that committed
   * while this one waited).
   */
  private async ingestIn(tx: EntityManager, { organisationId, graphLead, pageId, source }: IngestInput): Promise<IngestResult> {
    const formId = graphLead.form_id ?? null;
    const createdTime = parseGraphTime(graphLead.created_time);
    const [claim] = (await tx.query(
      `WITH form AS (
         SELECT id, questions, mapping FROM meta_lead_forms WHERE organisation_id = $1 AND form_id = $3),
       claimed AS (
         INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, form_id, lead_form_id, source, meta_created_time)
         VALUES ($1, $2, $3, (SELECT id FROM form), $4, $5)
         ON CONFLICT (organisation_id, meta_lead_id) DO NOTHING
         RETURNING id)
       SELECT (SELECT id FROM claimed) AS "claimedId", (SELECT questions FROM form) AS questions, (SELECT mapping FROM form) AS mapping`,
      [organisationId, graphLead.id, formId, source, createdTime],
    )) as { claimedId: string | null; questions: unknown[] | null; mapping: FormMapping | null }[];
    if (!claim.claimedId) return this.existing(tx, organisationId, graphLead.id, new Date());

    const mapped = mapGraphLead(
      graphLead,
      { formId: formId ?? '', pageId, questions: claim.questions ?? [], mapping: claim.mapping ?? null },
      { defaultCountry: this.leads.defaultCountry },
    );
    const mappedAt = new Date();
    const lead = mapped.lead;
    const key = { emailNormalized: lead.emailNormalized ?? null, phoneE164: lead.phoneE164 ?? null };
    // Two copies of one person arriving together must see each other: serialise per organisation and person. The
    // keys are sorted and taken in that order.
    const lockKeys = personLockKeys(organisationId, key);
    if (lockKeys.length) {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n`,
        [lockKeys],
      );
    }
    const receivedAt = lead.receivedAt ?? createdTime ?? new Date();
    const missing = mapped.missingRequired;
    const [insertSql, insertParams] = tx
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values({
        ...lead,
        organisationId,
        source: LeadSource.MetaLeadAds,
        receivedAt,
        duplicateOfId: () => '(SELECT id FROM duplicate)',
        duplicateRule: () => '(SELECT rule FROM duplicate)',
        needsReview: lead.needsReview ?? missing.length > 0,
        reviewReason: lead.reviewReason ?? (missing.length ? `Missing required fields: ${missing.join(', ')}` : null),
      })
      .returning(['id'])
      .getQueryAndParameters();
    const n = insertParams.length;
    const duplicate = personDuplicateQuery(organisationId, key, receivedAt, this.leads.duplicateWindowDays, n + 3) ?? {
      sql: `SELECT NULL::uuid AS id, NULL::text AS rule WHERE false`,
      params: [],
    };
    const [stored] = (await tx.query(
      `WITH duplicate AS (${duplicate.sql}),
       lead AS (${insertSql}),
       linked AS (
         UPDATE meta_lead_mappings SET legeai_lead_id = (SELECT id FROM lead) WHERE organisation_id = $${n + 1} AND meta_lead_id = $${n + 2})
       SELECT (SELECT id FROM lead) AS "leadId", (SELECT id FROM duplicate) AS "duplicateOfId"`,
      [...insertParams, organisationId, graphLead.id, ...duplicate.params],
    )) as { leadId: string; duplicateOfId: string | null }[];
    return { outcome: 'created', leadId: stored.leadId, duplicateOfId: stored.duplicateOfId, mappedAt };
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
