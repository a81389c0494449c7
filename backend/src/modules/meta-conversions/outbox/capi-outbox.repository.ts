import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CapiEventListQuery, CapiEventState, CapiMetaAnswer, CapiOverviewRow, LeadStatus } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { LEAD_CONTACTS_SQL, META_SOURCED_LEADS_SQL, type LeadLifecycleChange } from '../../leads';

/** Where a dataset's events go: the pair a send job is deduplicated on. */
export interface CapiTarget {
  organisationId: string;
  datasetId: string;
}

/** A due event with what its payload needs. */
export interface DueEvent {
  id: string;
  eventId: string;
  eventName: string;
  eventTime: Date;
  metaLeadId: string;
  email: string | null;
  phoneE164: string | null;
  /** When the outbox row was written. */
  createdAt: Date;
}

/** The next batch of a dataset, by size and age only: what the sender decides whether to wait on. */
export interface DueBatchStats {
  /** Due events, counted up to the limit asked. */
  count: number;
  /** How long ago (database clock, so no clock skew) the oldest and the newest of them were written; null when none. */
  oldestAgeMs: number | null;
  newestAgeMs: number | null;
}

export interface CapiEventRow {
  id: string;
  leadId: string;
  metaLeadId: string;
  status: LeadStatus;
  eventName: string;
  eventId: string;
  state: CapiEventState;
  changedAt: Date;
  eventTime: Date;
  attempts: number;
  sentAt: Date | null;
  acceptedAt: Date | null;
  lastError: string | null;
  answer: CapiMetaAnswer | null;
  testEventCode: string | null;
}

/** A campaign's leads received from `since` to `until` (days, inclusive) in `timeZone` (its ad account's). */
export interface CampaignLeadsWindow {
  campaignId: string;
  since: string;
  until: string;
  timeZone: string;
}

export interface CampaignEventCounts {
  campaignId: string;
  /** Events that went to Meta at least once. */
  sent: number;
  accepted: number;
}

/**
 * Meta refuses events older than 7 days (https://developers.facebook.com/docs/marketing-api/conversions-api/); a
 * minute of margin so an event does not turn too old between the check and Meta's.
 */
export const SEND_WINDOW_SQL = `interval '7 days' - interval '1 minute'`;
export const EXPIRED_MESSAGE = "Older than Meta's 7-day window when its turn came: not sent";

const EVENT_COLUMNS = `e.id, e.lead_id AS "leadId", e.meta_lead_id AS "metaLeadId", e.lead_status AS status, e.event_name AS "eventName",
  e.event_id AS "eventId", e.state, e.changed_at AS "changedAt", e.event_time AS "eventTime", e.attempts, e.sent_at AS "sentAt",
  e.accepted_at AS "acceptedAt", e.last_error AS "lastError", e.answer, e.test_event_code AS "testEventCode"`;

/** Every statement on meta_capi_events: the outbox of Conversions API events. */
@Injectable()
export class CapiOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * In the transaction of the changes: one row per change of a Meta-sourced lead of an organisation that sends, to
   * a status that has an event name, organic and test leads only when opted in. One statement for a group of
   * changes. `event_time` is the change, never before the lead's creation at Meta. A stage already sent for this
   * lead (a reopen reaching it again, a retried change) makes no second row. Answers where new rows went.
   * `created_at` is the write's own moment, not the transaction's start (`now()`): the sender's linger reads it as
   * "when this change arrived", and a transaction that waited under load would otherwise look old as it commits.
   */
  async writeForChanges(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<CapiTarget[]> {
    const rows = (await m.query(
      `INSERT INTO meta_capi_events
         (organisation_id, lead_id, meta_lead_id, dataset_id, lead_status, event_name, event_id, changed_at, event_time, created_at)
       SELECT c.organisation_id, c.lead_id, m.meta_lead_id, s.dataset_id, c.to_status, s.event_names ->> c.to_status::text,
              m.meta_lead_id || ':' || c.to_status::text, c.at, GREATEST(c.at, COALESCE(m.meta_created_time, c.at)), clock_timestamp()
         FROM unnest($1::uuid[], $2::uuid[], $3::lead_status[], $4::timestamptz[]) AS c(organisation_id, lead_id, to_status, at)
         JOIN meta_capi_settings s ON s.organisation_id = c.organisation_id AND s.enabled AND s.dataset_id IS NOT NULL
         JOIN ${META_SOURCED_LEADS_SQL} m ON m.organisation_id = c.organisation_id AND m.lead_id = c.lead_id
        WHERE COALESCE(s.event_names ->> c.to_status::text, '') <> ''
          AND (s.include_organic OR NOT m.is_organic)
          AND (s.include_test OR NOT m.is_test)
       ON CONFLICT (organisation_id, event_id) DO NOTHING
       RETURNING organisation_id AS "organisationId", dataset_id AS "datasetId"`,
      [changes.map((c) => c.organisationId), changes.map((c) => c.leadId), changes.map((c) => c.to), changes.map((c) => c.at)],
    )) as CapiTarget[];
    return distinctTargets(rows);
  }

  /**
   * Marks the dataset's events whose change is too old to send as expired; answers how many. The change's time
   * decides, not `event_time` (which is never before the lead's creation): a stage reached 8 days ago is stale even
   * when the lead reached Meta later.
   */
  async expireDue(target: CapiTarget): Promise<number> {
    const rows = updatedRows<{ id: string }>(
      await this.db.query(
        `UPDATE meta_capi_events SET state = 'expired', last_error = $3, updated_at = now()
        WHERE organisation_id = $1 AND dataset_id = $2 AND state = 'pending' AND changed_at < now() - ${SEND_WINDOW_SQL}
        RETURNING id`,
        [target.organisationId, target.datasetId, EXPIRED_MESSAGE],
      ),
    );
    return rows.length;
  }

  /** The size (up to `limit`) and age of a dataset's next batch, from the outbox alone (no lead read, no payload). */
  async dueStats(target: CapiTarget, limit: number): Promise<DueBatchStats> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS count,
              (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::float8 AS "oldestAgeMs",
              (extract(epoch FROM clock_timestamp() - max(created_at)) * 1000)::float8 AS "newestAgeMs"
         FROM (SELECT e.created_at FROM meta_capi_events e
                WHERE e.organisation_id = $1 AND e.dataset_id = $2 AND e.state = 'pending' AND e.next_attempt_at <= now()
                ORDER BY e.next_attempt_at, e.id LIMIT $3) batch`,
      [target.organisationId, target.datasetId, limit],
    )) as DueBatchStats[];
    return row;
  }

  /** The next due events of a dataset, oldest first, with the lead's contact details for the hashed match keys. */
  due(target: CapiTarget, limit: number): Promise<DueEvent[]> {
    return this.db.query(
      `SELECT e.id, e.event_id AS "eventId", e.event_name AS "eventName", e.event_time AS "eventTime", e.meta_lead_id AS "metaLeadId",
              l.email, l.phone_e164 AS "phoneE164", e.created_at AS "createdAt"
         FROM meta_capi_events e JOIN ${LEAD_CONTACTS_SQL} l ON l.lead_id = e.lead_id
        WHERE e.organisation_id = $1 AND e.dataset_id = $2 AND e.state = 'pending' AND e.next_attempt_at <= now()
        ORDER BY e.next_attempt_at, e.id
        LIMIT $3`,
      [target.organisationId, target.datasetId, limit],
    );
  }

  async markAccepted(ids: string[], answer: CapiMetaAnswer, testEventCode: string | null): Promise<void> {
    await this.db.query(
      `UPDATE meta_capi_events
          SET state = 'accepted', attempts = attempts + 1, sent_at = COALESCE(sent_at, now()), accepted_at = now(),
              last_error = NULL, answer = $2, test_event_code = $3, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, JSON.stringify(answer), testEventCode],
    );
  }

  /** A refused or failed request: `final` fails the events (replayable), else they stay due at `retryAt`. */
  async markAttemptFailed(
    ids: string[],
    outcome: { message: string; answer: CapiMetaAnswer; final: boolean; retryAt: Date; testEventCode: string | null },
  ): Promise<void> {
    await this.db.query(
      `UPDATE meta_capi_events
          SET state = CASE WHEN $2 THEN 'failed' ELSE 'pending' END, attempts = attempts + 1, sent_at = COALESCE(sent_at, now()),
              last_error = $3, answer = $4, next_attempt_at = $5, test_event_code = $6, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, outcome.final, outcome.message, JSON.stringify(outcome.answer), outcome.retryAt, outcome.testEventCode],
    );
  }

  /** Events whose send was asked for but is not done (the sweep queues their sends again). */
  async targetsWithDueEvents(): Promise<CapiTarget[]> {
    return (await this.db.query(
      `SELECT DISTINCT organisation_id AS "organisationId", dataset_id AS "datasetId"
         FROM meta_capi_events WHERE state = 'pending' AND next_attempt_at <= now()`,
    )) as CapiTarget[];
  }

  /** Failed events back to due (the same event ids); all of the organisation's failed ones when `ids` is absent. */
  async replayFailed(organisationId: string, ids?: string[]): Promise<{ count: number; targets: CapiTarget[] }> {
    const rows = updatedRows<CapiTarget>(
      await this.db.query(
        `UPDATE meta_capi_events SET state = 'pending', next_attempt_at = now(), updated_at = now()
        WHERE organisation_id = $1 AND state = 'failed' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
        RETURNING organisation_id AS "organisationId", dataset_id AS "datasetId"`,
        [organisationId, ids ?? null],
      ),
    );
    return { count: rows.length, targets: distinctTargets(rows) };
  }

  async list(organisationId: string, query: CapiEventListQuery, page: { limit: number; offset: number }) {
    const where = [`e.organisation_id = $1`];
    const params: unknown[] = [organisationId];
    if (query.leadId) where.push(`e.lead_id = $${params.push(query.leadId)}`);
    if (query.status) where.push(`e.lead_status = $${params.push(query.status)}`);
    if (query.state) where.push(`e.state = $${params.push(query.state)}`);
    const filter = where.join(' AND ');
    const [items, [{ total }]] = (await Promise.all([
      this.db.query(
        `SELECT ${EVENT_COLUMNS} FROM meta_capi_events e WHERE ${filter}
          ORDER BY e.changed_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM meta_capi_events e WHERE ${filter}`, params),
    ])) as [CapiEventRow[], { total: number }[]];
    return { items, total };
  }

  /** Per UTC day of the change and per stage, over the last `days` days. */
  overview(organisationId: string, days: number): Promise<CapiOverviewRow[]> {
    return this.db.query(
      `SELECT to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, lead_status AS status, event_name AS "eventName",
              count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE state = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE state = 'expired')::int AS expired,
              count(*) FILTER (WHERE state = 'pending')::int AS pending
         FROM meta_capi_events
        WHERE organisation_id = $1 AND changed_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - ($2::int - 1) * interval '1 day'
        GROUP BY 1, 2, 3
        ORDER BY 1 DESC, 2`,
      [organisationId, days],
    );
  }

  /**
   * Per campaign, the events of its stored leads received on the given local days (organic and test leads left out,
   * as the insights dashboard counts leads): how many went to Meta, how many it accepted. Only campaigns with
   * events are answered.
   */
  async perCampaign(organisationId: string, windows: readonly CampaignLeadsWindow[]): Promise<CampaignEventCounts[]> {
    if (windows.length === 0) return [];
    return this.db.query(
      `SELECT c.campaign_id AS "campaignId",
              count(*) FILTER (WHERE e.sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE e.state = 'accepted')::int AS accepted
         FROM unnest($2::text[], $3::date[], $4::date[], $5::text[]) AS c(campaign_id, since, until, tz)
         JOIN leads l ON l.organisation_id = $1 AND l.campaign_id = c.campaign_id AND NOT l.is_organic AND NOT l.is_test
              AND l.received_at >= (c.since::timestamp AT TIME ZONE c.tz) AND l.received_at < ((c.until + 1)::timestamp AT TIME ZONE c.tz)
         JOIN meta_capi_events e ON e.organisation_id = $1 AND e.lead_id = l.id
        GROUP BY 1`,
      [
        organisationId,
        windows.map((w) => w.campaignId),
        windows.map((w) => w.since),
        windows.map((w) => w.until),
        windows.map((w) => w.timeZone),
      ],
    );
  }

  /** The reasons of failed events, most frequent first. */
  failureReasons(organisationId: string, days: number): Promise<{ reason: string; count: number }[]> {
    return this.db.query(
      `SELECT COALESCE(last_error, 'Unknown') AS reason, count(*)::int AS count
         FROM meta_capi_events
        WHERE organisation_id = $1 AND state = 'failed'
          AND changed_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - ($2::int - 1) * interval '1 day'
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
      [organisationId, days],
    );
  }
}

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affected count]. */
function updatedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

function distinctTargets(rows: CapiTarget[]): CapiTarget[] {
  const seen = new Map<string, CapiTarget>();
  for (const row of rows) seen.set(`${row.organisationId}|${row.datasetId}`, row);
  return [...seen.values()];
}
