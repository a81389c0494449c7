import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { SameTurnBatch } from '../../../common/batching/same-turn-batch';
import { WebhookInboxRepository, type FinishedDeliveryCondition } from '../../meta-webhook';
import type { LeadgenJobData } from '../meta-leads.jobs';
import { PAGE_CONNECTION_COLUMNS, pageConnectionJoins, type PageConnection } from './page-connections';
import type { SyncFailure } from './sync-failure-policy';

/** The part of a timeline row the pipeline needs when it starts on a lead. */
export interface SyncStart {
  id: string;
  state: LeadSyncState;
  leadId: string | null;
}

/** One organisation's share of a lead job: its connection of the Page and its timeline row. */
export interface StartedSync {
  connection: PageConnection;
  start: SyncStart;
}

const DONE = `('stored', 'duplicate')`;

/**
 * A delivery's leads are all finished: the first test is one probe of `ix_meta_lead_syncs_inbox_open`, which holds
 * only unfinished rows; only when none is left does it count the delivery's leads (the ones whose jobs have not started
 * yet have no row), which happens about once per delivery. The CASE fixes that order.
 */
const DELIVERY_LEADS_FINISHED: FinishedDeliveryCondition = {
  sql: `CASE
          WHEN EXISTS (SELECT 1 FROM meta_lead_syncs s
                        WHERE s.inbox_id = i.id AND s.inbox_id IS NOT NULL AND s.state NOT IN ('stored', 'duplicate', 'skipped'))
            THEN false
          ELSE (SELECT count(DISTINCT s.leadgen_id) FROM meta_lead_syncs s WHERE s.inbox_id = i.id) >= COALESCE(i.job_count, 0)
        END`,
};

interface PendingStart {
  data: LeadgenJobData;
  resolve: (started: StartedSync[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Splits the jobs starting together into groups one statement can start: the same replay flag (it decides whether
 * a finished lead counts another attempt), and each lead once (an upsert may touch a row only once per statement;
 * a replay racing its webhook job is the usual way one lead appears twice).
 */
function startGroups(waiting: PendingStart[]): PendingStart[][] {
  const groups: { replay: boolean; leads: Set<string>; members: PendingStart[] }[] = [];
  for (const p of waiting) {
    const replay = !!p.data.replay;
    const lead = `${p.data.pageId}:${p.data.leadgenId}`;
    let group = groups.find((g) => g.replay === replay && !g.leads.has(lead));
    if (!group) groups.push((group = { replay, leads: new Set(), members: [] }));
    group.leads.add(lead);
    group.members.push(p);
  }
  return groups.map((g) => g.members);
}

/** What the `stored` step records for one lead. */
export interface StoredStep {
  outcome: 'created' | 'existing';
  leadId: string;
  mappedAt: Date;
  fetchedAt: Date;
  formId: string | null;
}

/**
 * Writes the per-lead timeline (`meta_lead_syncs`). Every write is one statement keyed by the row, so concurrent
 * jobs of the same lead (a replay racing a webhook job) cannot lose a step; a stored lead never goes back.
 * A lead that goes through costs two writes: `begin` when its job starts, and `stored` (fetched, mapped and stored
 * at once) inside the transaction that stores the lead, so the timeline and the lead store commit together.
 */
@Injectable()
export class LeadSyncTimeline {
  private readonly starting = new SameTurnBatch<PendingStart>((waiting) => this.beginWaiting(waiting));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbox: WebhookInboxRepository,
  ) {}

  /**
   * Starts a job: reads the organisations that connected the job's Page and, for each, creates the lead's row (or
   * counts another attempt; a finished row keeps its state). No organisation: nothing is written.
   *
   * Jobs that start in the same turn of the event loop (a Graph batch's 50 jobs finish together and the queue hands
   * out the next 50 at once) are started by one statement for all of them: a statement per job was the pipeline's
   * most frequent one. If that statement fails, each job's start runs on its own, so an error stays with its job.
   *
   * The statement commits without waiting for its WAL flush (`synchronous_commit` off for its own transaction,
   * through `set_config(…, true)`), which saves a disk flush per start. Nothing is lost that matters: the lead's
   * storing transaction commits synchronously later and its flush covers these rows too; if the database crashes
   * before that, the job was not finished either and runs again, writing them again.
   */
  begin(data: LeadgenJobData): Promise<StartedSync[]> {
    return new Promise<StartedSync[]>((resolve, reject) => this.starting.add({ data, resolve, reject }));
  }

  private async beginWaiting(waiting: PendingStart[]): Promise<void> {
    await Promise.all(startGroups(waiting).map((group) => this.beginGroup(group)));
  }

  private async beginGroup(group: PendingStart[]): Promise<void> {
    if (group.length > 1) {
      try {
        const started = await this.beginMany(group.map((p) => p.data));
        group.forEach((p, i) => p.resolve(started[i]));
        return;
      } catch {
        // Fall through: one statement per job, so only a job whose own start fails sees an error.
      }
    }
    await Promise.all(group.map((p) => this.beginMany([p.data]).then((started) => p.resolve(started[0]), p.reject)));
  }

  /** One statement for jobs of distinct leads sharing the replay flag; answers each job's organisations, in order. */
  private async beginMany(jobs: LeadgenJobData[]): Promise<StartedSync[][]> {
    const rows = (await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::timestamptz[])
           WITH ORDINALITY AS x(page_id, form_id, leadgen_id, inbox_id, received_at, n)),
       connection AS (
         SELECT x.n, ${PAGE_CONNECTION_COLUMNS}
           FROM input x
           ${pageConnectionJoins('x.page_id', 'JOIN')}),
       started AS (
         INSERT INTO meta_lead_syncs (organisation_id, page_id, form_id, leadgen_id, inbox_id, received_at, attempts)
         SELECT c."organisationId", x.page_id, x.form_id, x.leadgen_id, x.inbox_id, x.received_at, 1
           FROM connection c JOIN input x ON x.n = c.n, (SELECT set_config('synchronous_commit', 'off', true)) AS without_flush_wait
          ORDER BY c."organisationId", x.leadgen_id
         ON CONFLICT (organisation_id, leadgen_id) DO UPDATE SET
           attempts = CASE WHEN meta_lead_syncs.state IN ${DONE} AND $6 THEN meta_lead_syncs.attempts ELSE meta_lead_syncs.attempts + 1 END,
           state = CASE WHEN meta_lead_syncs.state IN ${DONE} THEN meta_lead_syncs.state ELSE 'pending' END,
           form_id = COALESCE(meta_lead_syncs.form_id, EXCLUDED.form_id),
           inbox_id = COALESCE(meta_lead_syncs.inbox_id, EXCLUDED.inbox_id),
           updated_at = now()
         RETURNING id, organisation_id, leadgen_id, state, lead_id)
       SELECT c.*, s.id AS "syncId", s.state AS "syncState", s.lead_id AS "syncLeadId"
         FROM connection c
         JOIN input x ON x.n = c.n
         JOIN started s ON s.organisation_id = c."organisationId" AND s.leadgen_id = x.leadgen_id
        ORDER BY c.n, c."organisationId"`,
      [
        jobs.map((d) => d.pageId),
        jobs.map((d) => d.formId),
        jobs.map((d) => d.leadgenId),
        jobs.map((d) => d.inboxId || null),
        jobs.map((d) => d.receivedAt),
        !jobs[0].replay,
      ],
    )) as (PageConnection & { n: string; syncId: string; syncState: LeadSyncState; syncLeadId: string | null })[];
    const started: StartedSync[][] = jobs.map(() => []);
    for (const { n, syncId, syncState, syncLeadId, ...connection } of rows) {
      started[Number(n) - 1].push({ connection, start: { id: syncId, state: syncState, leadId: syncLeadId } });
    }
    return started;
  }

  /**
   * The lead is in the store: by this sync (`created`) or already before it. Runs in the storing transaction
   * (`tx`), so the step is recorded exactly when the lead is; `fetchedAt` is when the Graph read answered.
   */
  async stored(tx: EntityManager, id: string, result: StoredStep): Promise<void> {
    await this.storedMany(tx, [{ id, ...result }]);
  }

  /** `stored` for the leads of one storing transaction, in one statement. */
  async storedMany(tx: EntityManager, steps: (StoredStep & { id: string })[]): Promise<void> {
    if (!steps.length) return;
    await tx.query(
      `UPDATE meta_lead_syncs s SET
         state = CASE WHEN v.outcome = 'created' OR s.state = 'stored' THEN 'stored'::meta_lead_sync_state ELSE 'duplicate'::meta_lead_sync_state END,
         lead_id = v.lead_id, fetched_at = v.fetched_at, form_id = COALESCE(v.form_id, s.form_id),
         mapped_at = COALESCE(s.mapped_at, v.mapped_at), stored_at = COALESCE(s.stored_at, clock_timestamp()),
         error_kind = NULL, error_code = NULL, error_message = NULL, hint = NULL, updated_at = clock_timestamp()
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[])
         AS v(id, outcome, lead_id, mapped_at, fetched_at, form_id)
       WHERE s.id = v.id`,
      [
        steps.map((x) => x.id),
        steps.map((x) => x.outcome),
        steps.map((x) => x.leadId),
        steps.map((x) => x.mappedAt),
        steps.map((x) => x.fetchedAt),
        steps.map((x) => x.formId),
      ],
    );
  }

  /**
   * Records a failed attempt and the state it leaves the lead in (never over a stored lead); `fetched` when the
   * Graph read had answered before the attempt failed (mapping or storing failed).
   */
  async failed(id: string, state: LeadSyncState, failure: SyncFailure, fetched?: { at: Date; formId: string | null }): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET state = $2, error_kind = $3, error_code = $4, error_message = $5, hint = $6,
         fetched_at = COALESCE($7, fetched_at), form_id = COALESCE($8, form_id), updated_at = now()
        WHERE id = $1 AND state NOT IN ${DONE}`,
      [id, state, failure.kind, failure.code, failure.message.slice(0, 2000), failure.hint, fetched?.at ?? null, fetched?.formId ?? null],
    );
  }

  async skipped(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET state = 'skipped', error_kind = NULL, error_code = NULL, error_message = $2, hint = NULL, updated_at = now()
        WHERE id = $1 AND state NOT IN ${DONE}`,
      [id, reason],
    );
  }

  /**
   * Marks the webhook delivery processed once every lead it announced is finished for every organisation. Rows for
   * all organisations of a lead are created before any is processed, so a half-done lead keeps the delivery open.
   *
   * Runs after every lead job, and a delivery carries up to 1,000 leads, so the usual answer ("no, other leads of
   * it are still in progress") must be cheap (DELIVERY_LEADS_FINISHED). One statement, through the inbox's
   * repository; nothing is written (and no row lock taken) until the delivery is really done.
   */
  async closeDelivery(inboxId: string, manager: Pick<EntityManager, 'query'> = this.db): Promise<void> {
    await this.inbox.closeWhenFinished(inboxId, DELIVERY_LEADS_FINISHED, manager);
  }
}
