import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Every statement on `alert_lead_events`, the new-lead outbox. */
@Injectable()
export class LeadEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One row per created lead, in the lead's transaction, for the organisations where someone asked for new-lead
   * notices (an index probe per organisation; nothing is written where nobody listens). Answers the organisations
   * that got rows.
   */
  async insertCreated(m: EntityManager, leads: readonly { organisationId: string; leadId: string; at: Date }[]): Promise<string[]> {
    if (!leads.length) return [];
    const rows: { organisation_id: string }[] = await m.query(
      `INSERT INTO alert_lead_events (organisation_id, lead_id, created_at)
       SELECT l.organisation_id, l.lead_id, l.at
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS l(organisation_id, lead_id, at)
        WHERE EXISTS (SELECT 1 FROM notification_digests d WHERE d.organisation_id = l.organisation_id)
       RETURNING organisation_id`,
      [leads.map((l) => l.organisationId), leads.map((l) => l.leadId), leads.map((l) => l.at)],
    );
    return [...new Set(rows.map((row) => row.organisation_id))];
  }

  /** Takes up to `limit` undispatched events of the organisation (skipping those another dispatch holds) and marks them. */
  async takeUndispatched(m: EntityManager, organisationId: string, limit: number): Promise<number> {
    const [rows] = (await m.query(
      `UPDATE alert_lead_events e SET dispatched_at = now()
         FROM (SELECT id FROM alert_lead_events WHERE organisation_id = $1 AND dispatched_at IS NULL
                ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) taken
        WHERE e.id = taken.id RETURNING e.id`,
      [organisationId, limit],
    )) as [unknown[], number];
    return rows.length;
  }

  async countBetween(m: EntityManager, organisationId: string, since: Date): Promise<number> {
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM alert_lead_events WHERE organisation_id = $1 AND created_at > $2 AND created_at <= now()`,
      [organisationId, since],
    );
    return row.n;
  }

  /** Organisations with events left undispatched for `graceMs` (their dispatch was never queued, or was lost). */
  async overdueOrganisations(graceMs: number): Promise<string[]> {
    const rows: { organisation_id: string }[] = await this.db.query(
      `SELECT DISTINCT organisation_id FROM alert_lead_events
        WHERE dispatched_at IS NULL AND created_at <= now() - make_interval(secs => $1::double precision / 1000)`,
      [graceMs],
    );
    return rows.map((row) => row.organisation_id);
  }

  /** Events older than two days: past any digest's period. */
  async prune(): Promise<number> {
    const [, deleted] = (await this.db.query(`DELETE FROM alert_lead_events WHERE created_at < now() - interval '2 days'`)) as [
      unknown[],
      number,
    ];
    return deleted ?? 0;
  }
}
