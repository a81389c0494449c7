import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertFinding } from '../conditions/alert-condition-source';
import { Alert } from '../entities/alert.entity';
import type { OpenAlertRef } from './alert-plan';

/** Every statement on `alerts`. */
@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async open(m: EntityManager, organisationId: string): Promise<OpenAlertRef[]> {
    return m.query(`SELECT id, source, condition_key AS "conditionKey" FROM alerts WHERE organisation_id = $1 AND state = 'open'`, [
      organisationId,
    ]);
  }

  /** The new open alert's id; null when one is open for the key already (the partial unique index). */
  async insertOpen(m: EntityManager, organisationId: string, finding: AlertFinding & { source: string }): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO alerts (organisation_id, source, condition_key, event_type, title, body, link)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, condition_key) WHERE state = 'open' DO NOTHING RETURNING id`,
      [organisationId, finding.source, finding.key, finding.eventType, finding.title, finding.body, finding.link],
    );
    return rows[0]?.id ?? null;
  }

  async touch(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`UPDATE alerts SET last_seen_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Resolves the alerts still open among `ids`; answers those this call resolved. */
  async resolve(m: EntityManager, ids: string[]): Promise<Alert[]> {
    if (!ids.length) return [];
    const [rows] = (await m.query(
      `UPDATE alerts SET state = 'resolved', resolved_at = now() WHERE id = ANY($1::uuid[]) AND state = 'open'
       RETURNING id, organisation_id AS "organisationId", source, condition_key AS "conditionKey", event_type AS "eventType",
                 title, body, link, opened_at AS "openedAt", last_seen_at AS "lastSeenAt", resolved_at AS "resolvedAt"`,
      [ids],
    )) as [Alert[], number];
    return rows;
  }

  /** Open alerts, and those resolved in the last `recentDays` days, newest first. */
  list(organisationId: string, recentDays: number): Promise<Alert[]> {
    return this.db
      .getRepository(Alert)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId', { organisationId })
      .andWhere(`(a.state = 'open' OR a.resolved_at > now() - make_interval(days => :recentDays))`, { recentDays })
      .orderBy('a.opened_at', 'DESC')
      .limit(500)
      .getMany();
  }
}
