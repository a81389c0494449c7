import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSource } from '@legeai/contracts';
import { DataSource, EntityManager, type QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { leadsConfig } from '../../../config/leads.config';
import { Lead } from '../../leads';
import type { GraphLead } from '../graph/graph-lead';
import { parseGraphTime } from '../graph/graph-time';
import { personDuplicateQuery } from '../mapping/duplicate-finder';
import type { FormMapping } from '../mapping/form-mapping';
import { mapGraphLead, type MappedLead } from '../mapping/lead-mapper';
import { FormLeadCounts } from './form-lead-counts';
import { LeadTableStatistics } from './lead-table-statistics';
import { personLockKeys } from './person-lock-keys';
import { SameTurnBatch } from '../../../common/batching/same-turn-batch';

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
  /**
   * Callers whose `afterCommit` does the same work (closing one webhook delivery) give the same key: a group stored
   * together runs it once per key, after its commit.
   */
  afterCommitKey?: string;
  /**
   * Work of one kind for every lead of a group, done in the transaction by one call for all of them (one multi-row
   * statement instead of one per lead): callers give the same `key` and `run`, each with its own `item`. A lead
   * stored on its own runs it for itself alone.
   */
  withinTogether?: WithinTogether;
}

export interface WithinTogether<T = unknown> {
  key: string;
  item: T;
  run: (tx: EntityManager, entries: { result: IngestResult; item: T }[]) => Promise<void>;
}

/** A `withinTogether` hook whose items are typed (the group only hands each `run` the items given with its key). */
export function withinTogether<T>(
  key: string,
  item: T,
  run: (tx: EntityManager, entries: { result: IngestResult; item: T }[]) => Promise<void>,
): WithinTogether {
  return { key, item, run: run as WithinTogether['run'] };
}

/** A lead waiting to be stored with the others of its Graph batch. */
interface Pending {
  input: IngestInput;
  hooks: IngestHooks;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

/** What claiming a Meta lead id reads with it: the claim (null when the lead was already claimed) and its form. */
interface FormOfClaim {
  questions: unknown[] | null;
  mapping: FormMapping | null;
}

interface MappedClaim {
  mapped: MappedLead;
  key: { emailNormalized: string | null; phoneE164: string | null };
  lockKeys: string[];
  mappedAt: Date;
}

/**
 * Stores a Meta lead exactly once per organisation. Webhook jobs, replays and the reconciliation sweep all come
 * here; the unique (organisation_id, meta_lead_id) of `meta_lead_mappings` decides which of several concurrent
 * copies creates the lead (`INSERT … ON CONFLICT DO NOTHING` waits for an in-flight copy and then yields to it).
 * The form's lead count is bumped after the commit, in bulk (`FormLeadCounts`), not inside the transaction.
 */
@Injectable()
export class LeadIngestService {
  private readonly logger = new Logger(LeadIngestService.name);
  private readonly waiting = new SameTurnBatch<Pending>((group) => this.storeWaiting(group));

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
        if (hooks.withinTogether) await hooks.withinTogether.run(runner.manager, [{ result, item: hooks.withinTogether.item }]);
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
   * Like `ingest`, but stored in one transaction with the other leads handed over in the same turn of the event
   * loop: the leads of one Graph batch answer arrive together, and storing them together costs one connection and
   * one commit instead of fifty competing for the pool. Each caller still gets its own result, its own `within` in
   * the transaction and its own `afterCommit`; if the group's transaction fails, every lead of it is stored on its
   * own (so one bad lead fails alone, through the caller's failure handling).
   */
  ingestTogether(input: IngestInput, hooks: IngestHooks = {}): Promise<IngestResult> {
    return new Promise<IngestResult>((resolve, reject) => this.waiting.add({ input, hooks, resolve, reject }));
  }

  private async storeWaiting(waiting: Pending[]): Promise<void> {
    const group = waiting.sort((a, b) => compareKeys(a.input, b.input));
    const oneByOne = () => {
      for (const p of group) this.ingest(p.input, p.hooks).then(p.resolve, p.reject);
    };
    // The same Meta lead twice in one group (a replay racing its webhook) would claim against itself.
    const distinct = group.every((p, i) => i === 0 || compareKeys(group[i - 1].input, p.input) !== 0);
    if (group.length === 1 || !distinct) return oneByOne();
    const runner = this.db.createQueryRunner();
    let results: IngestResult[];
    try {
      await runner.connect();
      results = await this.storeGroup(runner, group);
    } catch (error) {
      await runner.release();
      this.logger.warn({ leads: group.length, error: error instanceof Error ? error.message : String(error) }, 'Storing leads together failed; storing them one by one');
      return oneByOne();
    }
    const ranAfterCommit = new Set<string>();
    try {
      for (const [i, p] of group.entries()) {
        const result = results[i];
        if (result.outcome === 'created') {
          if (p.input.graphLead.form_id) this.formCounts.add(p.input.organisationId, p.input.graphLead.form_id);
          this.statistics.noteStored();
        }
        try {
          const key = p.hooks.afterCommitKey;
          if (p.hooks.afterCommit && !(key && ranAfterCommit.has(key))) await p.hooks.afterCommit(runner.manager);
          if (key) ranAfterCommit.add(key);
          p.resolve(result);
        } catch (error) {
          p.reject(error);
        }
      }
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
    const mapped = this.map({ organisationId, graphLead, pageId, source }, claim);
    await this.lockPersons(tx, [mapped.lockKeys]);
    return this.storeClaimed(tx, { organisationId, graphLead, pageId, source }, mapped);
  }

  /** Maps a claimed lead's answers with its form's mapping (in memory). */
  private map(input: IngestInput, claim: FormOfClaim): MappedClaim {
    const mapped = mapGraphLead(
      input.graphLead,
      { formId: input.graphLead.form_id ?? '', pageId: input.pageId, questions: claim.questions ?? [], mapping: claim.mapping ?? null },
      { defaultCountry: this.leads.defaultCountry },
    );
    const key = { emailNormalized: mapped.lead.emailNormalized ?? null, phoneE164: mapped.lead.phoneE164 ?? null };
    return { mapped, key, lockKeys: personLockKeys(input.organisationId, key), mappedAt: new Date() };
  }

  /**
   * Two copies of one person arriving together must see each other: serialise per organisation and person. All the
   * keys of the transaction are taken at once, sorted, so two transactions never wait on each other in a cycle.
   */
  private async lockPersons(tx: EntityManager, keySets: string[][]): Promise<void> {
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
  private async storeClaimed(tx: EntityManager, { organisationId, graphLead }: IngestInput, claimed: MappedClaim): Promise<IngestResult> {
    const { key, mappedAt } = claimed;
    const receivedAt = receivedAtOf(graphLead, claimed);
    const [insertSql, insertParams] = tx
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values(leadRow(organisationId, receivedAt, claimed, 'duplicate'))
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
      [...(insertParams as unknown[]), organisationId, graphLead.id, ...duplicate.params],
    )) as { leadId: string; duplicateOfId: string | null }[];
    return { outcome: 'created', leadId: stored.leadId, duplicateOfId: stored.duplicateOfId, mappedAt };
  }

  /**
   * Stores claimed leads none of which shares a person key with another lead of the group, in one statement: each
   * one's earlier lead of the same person is looked up (the snapshot is taken after the person locks were granted),
   * all are inserted as one multi-row INSERT (ids made here, so each claim is linked to its lead without relying on
   * the order of RETURNING) and all claims are linked by one UPDATE. Leads of the same person in the group are not
   * stored here: a later one must see the earlier one, so they go one by one after.
   */
  private async storeClaimedTogether(tx: EntityManager, leads: { input: IngestInput; claimed: MappedClaim }[]): Promise<IngestResult[]> {
    const rows = leads.map(({ input, claimed }, i) => {
      const receivedAt = receivedAtOf(input.graphLead, claimed);
      return { id: randomUUID(), receivedAt, values: leadRow(input.organisationId, receivedAt, claimed, `dup_${i}`) };
    });
    const [insertSql, insertParams] = tx
      .createQueryBuilder()
      .insert()
      .into(Lead)
      .values(rows.map((r) => ({ ...r.values, id: r.id })))
      .returning(['id'])
      .getQueryAndParameters();
    const params: unknown[] = [...(insertParams as unknown[])];
    const duplicates: string[] = [];
    leads.forEach(({ input, claimed }, i) => {
      const q = personDuplicateQuery(input.organisationId, claimed.key, rows[i].receivedAt, this.leads.duplicateWindowDays, params.length + 1);
      duplicates.push(
        q ? `dup_${i} AS (${q.sql})` : `dup_${i} AS (SELECT NULL::uuid AS id, NULL::text AS rule WHERE false)`,
      );
      if (q) params.push(...q.params);
    });
    const p = params.length;
    params.push(
      leads.map((l) => l.input.organisationId),
      leads.map((l) => l.input.graphLead.id),
      rows.map((r) => r.id),
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
    return leads.map(({ claimed }, i) => ({
      outcome: 'created',
      leadId: rows[i].id,
      duplicateOfId: found[0][`d${i}`] ?? null,
      mappedAt: claimed.mappedAt,
    }));
  }

  /**
   * Stores a group in one transaction: one statement claims every Meta lead id (sorted, reading the forms' mappings
   * with it), one takes every person lock (sorted), one stores the claimed leads of distinct persons, then the leads
   * sharing a person with another of the group are stored one by one, in order, so a later one sees an earlier one;
   * then each caller's `within` runs, in order, and each `withinTogether` once for its key. One commit for all. Any
   * error rolls the whole group back and is thrown: the caller then stores the leads one by one.
   */
  private async storeGroup(runner: QueryRunner, group: Pending[]): Promise<IngestResult[]> {
    const tx = runner.manager;
    await runner.startTransaction();
    try {
      const claims = (await tx.query(
        `WITH input AS (
           SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[])
             WITH ORDINALITY AS x(organisation_id, meta_lead_id, form_id, source, created, n)),
         claimed AS (
           INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, form_id, lead_form_id, source, meta_created_time)
           SELECT x.organisation_id, x.meta_lead_id, x.form_id, f.id, x.source, x.created
             FROM input x LEFT JOIN meta_lead_forms f ON f.organisation_id = x.organisation_id AND f.form_id = x.form_id
            ORDER BY x.n
           ON CONFLICT (organisation_id, meta_lead_id) DO NOTHING
           RETURNING id, organisation_id, meta_lead_id)
         SELECT c.id AS "claimedId", f.questions, f.mapping
           FROM input x
           LEFT JOIN claimed c ON c.organisation_id = x.organisation_id AND c.meta_lead_id = x.meta_lead_id
           LEFT JOIN meta_lead_forms f ON f.organisation_id = x.organisation_id AND f.form_id = x.form_id
          ORDER BY x.n`,
        [
          group.map((p) => p.input.organisationId),
          group.map((p) => p.input.graphLead.id),
          group.map((p) => p.input.graphLead.form_id ?? null),
          group.map((p) => p.input.source),
          group.map((p) => parseGraphTime(p.input.graphLead.created_time)),
        ],
      )) as (FormOfClaim & { claimedId: string | null })[];
      const mapped = group.map((p, i) => (claims[i].claimedId ? this.map(p.input, claims[i]) : null));
      await this.lockPersons(tx, mapped.map((m) => m?.lockKeys ?? []));
      // A lead sharing no person key with another of the group cannot be the earlier lead of one: those are stored
      // together; the others one by one, in order, each seeing the ones before it.
      const keyUses = new Map<string, number>();
      for (const m of mapped) for (const k of m?.lockKeys ?? []) keyUses.set(k, (keyUses.get(k) ?? 0) + 1);
      const alone = mapped.map((m) => !!m && m.lockKeys.every((k) => keyUses.get(k) === 1));
      const results: IngestResult[] = new Array<IngestResult>(group.length);
      const together = group.flatMap((p, i) => (alone[i] ? [{ i, input: p.input, claimed: mapped[i]! }] : []));
      if (together.length) {
        const stored = await this.storeClaimedTogether(tx, together);
        together.forEach(({ i }, j) => (results[i] = stored[j]));
      }
      for (const [i, p] of group.entries()) {
        if (alone[i]) continue;
        const m = mapped[i];
        results[i] = m ? await this.storeClaimed(tx, p.input, m) : await this.existing(tx, p.input.organisationId, p.input.graphLead.id, new Date());
      }
      const runTogether = new Map<string, { run: WithinTogether['run']; entries: { result: IngestResult; item: unknown }[] }>();
      for (const [i, p] of group.entries()) {
        if (p.hooks.within) await p.hooks.within(tx, results[i]);
        const t = p.hooks.withinTogether;
        if (!t) continue;
        const step = runTogether.get(t.key) ?? { run: t.run, entries: [] };
        step.entries.push({ result: results[i], item: t.item });
        runTogether.set(t.key, step);
      }
      for (const step of runTogether.values()) await step.run(tx, step.entries);
      await runner.commitTransaction();
      return results;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
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

function receivedAtOf(graphLead: GraphLead, { mapped }: MappedClaim): Date {
  return mapped.lead.receivedAt ?? parseGraphTime(graphLead.created_time) ?? new Date();
}

/** The lead's row; its duplicate columns read the CTE named `duplicate` (columns id, rule; at most one row) of the same statement. */
function leadRow(organisationId: string, receivedAt: Date, { mapped }: MappedClaim, duplicate: string): QueryDeepPartialEntity<Lead> {
  const lead = mapped.lead;
  const missing = mapped.missingRequired;
  return {
    ...lead,
    organisationId,
    source: LeadSource.MetaLeadAds,
    receivedAt,
    duplicateOfId: () => `(SELECT id FROM ${duplicate})`,
    duplicateRule: () => `(SELECT rule FROM ${duplicate})`,
    needsReview: lead.needsReview ?? missing.length > 0,
    reviewReason: lead.reviewReason ?? (missing.length ? `Missing required fields: ${missing.join(', ')}` : null),
  };
}

/** Group order: by organisation, then Meta lead id, so concurrent groups claim in the same order. */
function compareKeys(a: IngestInput, b: IngestInput): number {
  return a.organisationId === b.organisationId ? cmp(a.graphLead.id, b.graphLead.id) : cmp(a.organisationId, b.organisationId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
