import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LeadStatus } from '@legeai/contracts';
import { LEAD_FORMS_SQL } from '../../meta-assets';
import { Lead } from '../entities/lead.entity';
import type { StoredDuplicateSettings } from './duplicate-settings.row';
import { personDuplicateQuery, type DuplicateMatchRule, type PersonKey } from './person-duplicates';
import { LeadLifecycleHooks, type LeadLifecycleChange } from '../lead-lifecycle-hooks';

/** Claiming a Meta lead id for an organisation: the row of `meta_lead_mappings` that makes storing it exactly-once. */
export interface LeadClaim {
  organisationId: string;
  metaLeadId: string;
  /** Meta's form id. */
  formId: string | null;
  source: string;
  createdTime: Date | null;
}

/**
 * What a claim reads with it: the claim's id (null when the Meta lead was already claimed), its form's questions and
 * mapping, the organisation's duplicate rule (null: the default), read in the storing transaction so that a rule
 * changed before the lead arrived applies to it, and the organisation's custom fields that are not archived (only
 * read when the mapping names one).
 */
export interface ClaimedLead {
  claimedId: string | null;
  questions: unknown[] | null;
  mapping: unknown;
  duplicateSettings: StoredDuplicateSettings | null;
  customFields?: unknown[] | null;
}

/**
 * The organisation's active custom fields as a jsonb array, for a claim whose form mapping (`mapping`) sends an answer
 * to one (`custom:<key>`); NULL otherwise, which costs no read.
 */
const customFieldsOf = (organisation: string, mapping: string) => `
  (SELECT jsonb_agg(jsonb_build_object('key', d.key, 'label', d.label, 'type', d.type, 'options', d.options) ORDER BY d.position)
     FROM lead_field_definitions d
    WHERE d.organisation_id = ${organisation} AND d.archived_at IS NULL AND strpos((${mapping})::text, '"custom:') > 0)`;

/** A claimed lead to insert; its duplicate columns are filled by the statement from its person key. */
export interface NewLead {
  organisationId: string;
  metaLeadId: string;
  receivedAt: Date;
  person: PersonKey;
  values: QueryDeepPartialEntity<Lead>;
  /** The duplicate rule to match it by (`duplicateRuleOf` the claim's settings). */
  duplicateRule: DuplicateMatchRule;
}

export interface StoredLead {
  leadId: string;
  duplicateOfId: string | null;
}

const NO_DUPLICATE = `SELECT NULL::uuid AS id, NULL::text AS rule, NULL::text AS state WHERE false`;

/** The settings row as JSON (`StoredDuplicateSettings`), read with a claim. */
const DUPLICATE_SETTINGS_JSON = `json_build_object('email', s.email_match, 'phoneAndName', s.phone_name_match, 'phoneOnly', s.phone_match, 'windowDays', s.window_days)`;

/**
 * Every statement of the exactly-once store on `leads` and `meta_lead_mappings` (lead capture runs them in its storing
 * transaction, `tx`). The unique (organisation_id, meta_lead_id) of `meta_lead_mappings` decides which of several
 * concurrent copies creates the lead (`INSERT … ON CONFLICT DO NOTHING` waits for an in-flight copy and then yields
 * to it). A new lead costs three statements: the claim (reading the form's mapping with it), the person locks, and
 * one that finds the earlier lead of the same person, inserts the lead and links the claim to it.
 */
@Injectable()
export class LeadStoreRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hooks: LeadLifecycleHooks,
  ) {}

  async claim(tx: EntityManager, c: LeadClaim): Promise<ClaimedLead> {
    const [claim] = (await tx.query(
      `WITH form AS (
         SELECT f.id, f.questions, f.mapping FROM ${LEAD_FORMS_SQL} f WHERE f.organisation_id = $1 AND f.form_id = $3),
       claimed AS (
         INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, form_id, lead_form_id, source, meta_created_time)
         VALUES ($1, $2, $3, (SELECT id FROM form), $4, $5)
         ON CONFLICT (organisation_id, meta_lead_id) DO NOTHING
         RETURNING id)
       SELECT (SELECT id FROM claimed) AS "claimedId", (SELECT questions FROM form) AS questions, (SELECT mapping FROM form) AS mapping,
              (SELECT ${DUPLICATE_SETTINGS_JSON} FROM lead_duplicate_settings s WHERE s.organisation_id = $1) AS "duplicateSettings",
              ${customFieldsOf('$1', '(SELECT mapping FROM form)')} AS "customFields"`,
      [c.organisationId, c.metaLeadId, c.formId, c.source, c.createdTime],
    )) as ClaimedLead[];
    return claim;
  }

  /** Claims every Meta lead id of a group in one statement, in the order given (sorted by the caller). */
  async claimAll(tx: EntityManager, claims: LeadClaim[]): Promise<ClaimedLead[]> {
    return (await tx.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[])
           WITH ORDINALITY AS x(organisation_id, meta_lead_id, form_id, source, created, n)),
       claimed AS (
         INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, form_id, lead_form_id, source, meta_created_time)
         SELECT x.organisation_id, x.meta_lead_id, x.form_id, f.id, x.source, x.created
           FROM input x LEFT JOIN ${LEAD_FORMS_SQL} f ON f.organisation_id = x.organisation_id AND f.form_id = x.form_id
          ORDER BY x.n
         ON CONFLICT (organisation_id, meta_lead_id) DO NOTHING
         RETURNING id, organisation_id, meta_lead_id)
       SELECT c.id AS "claimedId", f.questions, f.mapping,
              (SELECT ${DUPLICATE_SETTINGS_JSON} FROM lead_duplicate_settings s WHERE s.organisation_id = x.organisation_id) AS "duplicateSettings",
              ${customFieldsOf('x.organisation_id', 'f.mapping')} AS "customFields"
         FROM input x
         LEFT JOIN claimed c ON c.organisation_id = x.organisation_id AND c.meta_lead_id = x.meta_lead_id
         LEFT JOIN ${LEAD_FORMS_SQL} f ON f.organisation_id = x.organisation_id AND f.form_id = x.form_id
        ORDER BY x.n`,
      [
        claims.map((c) => c.organisationId),
        claims.map((c) => c.metaLeadId),
        claims.map((c) => c.formId),
        claims.map((c) => c.source),
        claims.map((c) => c.createdTime),
      ],
    )) as ClaimedLead[];
  }

  /**
   * Two copies of one person arriving together must see each other: serialise per organisation and person. All the
   * keys of the transaction are taken at once, sorted, so two transactions never wait on each other in a cycle.
   */
  async lockPersons(tx: EntityManager, keySets: string[][]): Promise<void> {
    const keys = [...new Set(keySets.flat())].sort();
    if (!keys.length) return;
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n`,
      [keys],
    );
  }

  /**
   * Finds the earlier lead of the same person, inserts the lead and links the claim to it: one statement, whose
   * snapshot is taken after the person locks were granted, so it sees a concurrent copy of the person that committed
   * while this transaction waited (and, in a group, the leads stored before it in the same transaction).
   */
  async insert(tx: EntityManager, lead: NewLead): Promise<StoredLead> {
    const [insertSql, insertParams] = tx
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values(withDuplicateColumns(lead.values, 'duplicate'))
      .returning(['id'])
      .getQueryAndParameters();
    const n = insertParams.length;
    const duplicate = personDuplicateQuery(lead.organisationId, lead.person, lead.receivedAt, lead.duplicateRule, n + 3) ?? {
      sql: NO_DUPLICATE,
      params: [],
    };
    const [stored] = (await tx.query(
      `WITH duplicate AS (${duplicate.sql}),
       lead AS (${insertSql}),
       linked AS (
         UPDATE meta_lead_mappings SET legeai_lead_id = (SELECT id FROM lead) WHERE organisation_id = $${n + 1} AND meta_lead_id = $${n + 2})
       SELECT (SELECT id FROM lead) AS "leadId", (SELECT id FROM duplicate) AS "duplicateOfId"`,
      [...(insertParams as unknown[]), lead.organisationId, lead.metaLeadId, ...duplicate.params],
    )) as StoredLead[];
    await this.hooks.changed(tx, [created(lead, stored.leadId), ...duplicated(lead, stored)]);
    return stored;
  }

  /**
   * Inserts leads none of which shares a person key with another of them, in one statement: each one's earlier lead
   * of the same person is looked up (the snapshot is taken after the person locks were granted), all are inserted as
   * one multi-row INSERT (ids made here, so each claim is linked to its lead without relying on the order of
   * RETURNING) and all claims are linked by one UPDATE.
   */
  async insertAll(tx: EntityManager, leads: NewLead[]): Promise<StoredLead[]> {
    const ids = leads.map(() => randomUUID());
    const [insertSql, insertParams] = tx
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values(leads.map((lead, i) => ({ ...withDuplicateColumns(lead.values, `dup_${i}`), id: ids[i] })))
      .returning(['id'])
      .getQueryAndParameters();
    const params: unknown[] = [...(insertParams as unknown[])];
    const duplicates: string[] = [];
    leads.forEach((lead, i) => {
      const q = personDuplicateQuery(lead.organisationId, lead.person, lead.receivedAt, lead.duplicateRule, params.length + 1);
      duplicates.push(q ? `dup_${i} AS (${q.sql})` : `dup_${i} AS (${NO_DUPLICATE})`);
      if (q) params.push(...q.params);
    });
    const p = params.length;
    params.push(
      leads.map((l) => l.organisationId),
      leads.map((l) => l.metaLeadId),
      ids,
    );
    const found = (await tx.query(
      `WITH ${duplicates.join(',\n       ')},
       lead AS (${insertSql}),
       linked AS (
         UPDATE meta_lead_mappings m SET legeai_lead_id = v.lead_id
           FROM unnest($${p + 1}::uuid[], $${p + 2}::varchar[], $${p + 3}::uuid[]) AS v(organisation_id, meta_lead_id, lead_id)
           JOIN lead ON lead.id = v.lead_id
          WHERE m.organisation_id = v.organisation_id AND m.meta_lead_id = v.meta_lead_id)
       SELECT ${leads.map((_, i) => `(SELECT id FROM dup_${i}) AS "d${i}"`).join(', ')}`,
      params,
    )) as Record<string, string | null>[];
    const stored = leads.map((_, i) => ({ leadId: ids[i], duplicateOfId: found[0][`d${i}`] ?? null }));
    // One call for the group: a listener writes its rows for all of them in one statement.
    await this.hooks.changed(tx, [
      ...leads.map((lead, i) => created(lead, ids[i])),
      ...leads.flatMap((lead, i) => duplicated(lead, stored[i])),
    ]);
    return stored;
  }

  /** The lead an earlier claim of this Meta lead stored; null when there is none (yet). */
  async findStored(tx: EntityManager, organisationId: string, metaLeadId: string): Promise<StoredLead | null> {
    const rows = (await tx.query(
      `SELECT m.legeai_lead_id AS "leadId", l.duplicate_of_id AS "duplicateOfId"
         FROM meta_lead_mappings m LEFT JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 AND m.meta_lead_id = $2`,
      [organisationId, metaLeadId],
    )) as { leadId: string | null; duplicateOfId: string | null }[];
    const found = rows[0];
    return found?.leadId ? { leadId: found.leadId, duplicateOfId: found.duplicateOfId } : null;
  }

  /** The form's most recent lead as stored (the mapping preview applies a mapping to it). */
  latestOfForm(organisationId: string, formId: string): Promise<Lead | null> {
    return this.db.getRepository(Lead).findOne({ where: { organisationId, formId }, order: { receivedAt: 'DESC', createdAt: 'DESC' } });
  }

  /** Whether `leads` was never analyzed (by hand or by autovacuum): the planner knows nothing of it yet. */
  async leadsNeverAnalyzed(): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT last_analyze IS NULL AND last_autoanalyze IS NULL AS never
         FROM pg_stat_user_tables WHERE relid = 'leads'::regclass`,
    )) as { never: boolean }[];
    return !!rows[0]?.never;
  }

  async analyzeLeads(): Promise<void> {
    await this.db.query(`ANALYZE leads`);
  }
}

/** A stored lead's first stage, for the lifecycle listeners (Meta's CRM funnel starts with the lead itself). */
function created(lead: NewLead, leadId: string): LeadLifecycleChange {
  const status = (lead.values.status as LeadStatus | undefined) ?? LeadStatus.New;
  return { organisationId: lead.organisationId, leadId, from: null, to: status, at: lead.receivedAt, kind: 'created' };
}

/** A lead linked, as it came in, to an earlier lead of the same person: told to the listeners after its creation. */
function duplicated(lead: NewLead, stored: StoredLead): LeadLifecycleChange[] {
  if (!stored.duplicateOfId) return [];
  const { to } = created(lead, stored.leadId);
  return [
    {
      organisationId: lead.organisationId,
      leadId: stored.leadId,
      from: to,
      to,
      at: lead.receivedAt,
      kind: 'duplicate',
      duplicateOfId: stored.duplicateOfId,
    },
  ];
}

/** The duplicate columns read the CTE named `cte` (columns id, rule, state; at most one row) of the same statement. */
function withDuplicateColumns(values: QueryDeepPartialEntity<Lead>, cte: string): QueryDeepPartialEntity<Lead> {
  return {
    ...values,
    duplicateOfId: () => `(SELECT id FROM ${cte})`,
    duplicateRule: () => `(SELECT rule FROM ${cte})`,
    possibleDuplicate: () => `coalesce((SELECT state = 'possible' FROM ${cte}), false)`,
  };
}
