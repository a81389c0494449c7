import { Injectable } from '@nestjs/common';
import type { DateRange, InsightPullDto, InsightPullStatus, InsightPullTrigger, Page } from '@legeai/contracts';
import { DataSource } from 'typeorm';

interface PullRow {
  id: string;
  organisation_id: string;
  ad_account_id: string;
  trigger: InsightPullTrigger;
  since: string;
  until: string;
  status: InsightPullStatus;
  graph_requests: number;
  async_runs: number;
  splits: number;
  rows_written: number;
  rows_restated: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface StoredPull {
  id: string;
  organisationId: string;
  adAccountId: string;
  trigger: InsightPullTrigger;
  range: DateRange;
  status: InsightPullStatus;
}

export interface PullCounts {
  graphRequests: number;
  asyncRuns: number;
  splits: number;
  rowsWritten: number;
  rowsRestated: number;
}

const COLUMNS = `id, organisation_id, ad_account_id, trigger, to_char(since, 'YYYY-MM-DD') AS since, to_char(until, 'YYYY-MM-DD') AS until,
  status, graph_requests, async_runs, splits, rows_written, rows_restated, error, created_at, started_at, finished_at`;

/**
 * A pull that says it runs but has not been heard of for this long is taken to have died with its worker, and no
 * longer keeps the account's other pulls waiting.
 */
const STALE_RUNNING = `interval '2 hours'`;

/** Every statement on meta_insight_pulls: one row per pull, with what it cost and what it wrote. */
@Injectable()
export class InsightPullsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Ad accounts whose last `inARow` finished pulls all failed, with the newest error (read by alerts: a pull that
   * keeps failing).
   */
  async accountsFailedInARow(organisationId: string, inARow: number): Promise<{ adAccountId: string; error: string | null }[]> {
    return this.dataSource.query(
      `SELECT ad_account_id AS "adAccountId", (array_agg(error ORDER BY created_at DESC))[1] AS error
         FROM (SELECT ad_account_id, status, error, created_at,
                      row_number() OVER (PARTITION BY ad_account_id ORDER BY created_at DESC, id) AS n
                 FROM meta_insight_pulls WHERE organisation_id = $1 AND status IN ('succeeded', 'failed')) last
        WHERE n <= $2
        GROUP BY ad_account_id
       HAVING count(*) = $2 AND bool_and(status = 'failed')
        ORDER BY ad_account_id`,
      [organisationId, inARow],
    );
  }

  /**
   * A pull of the account for this trigger that has not started yet takes the new range in (its range grows to cover
   * both), so however many triggers come, one waits per account and trigger. Otherwise a new pull is queued.
   */
  async queue(
    organisationId: string,
    adAccountId: string,
    trigger: InsightPullTrigger,
    range: DateRange,
  ): Promise<{ pull: InsightPullDto; created: boolean }> {
    return this.dataSource.transaction(async (em) => {
      // Wrapped in a SELECT: TypeORM answers an UPDATE's RETURNING as [rows, count].
      const widened: PullRow[] = await em.query(
        `WITH widened AS (
           UPDATE meta_insight_pulls SET since = LEAST(since, $4::date), until = GREATEST(until, $5::date)
            WHERE id = (SELECT id FROM meta_insight_pulls
                         WHERE organisation_id = $1 AND ad_account_id = $2 AND trigger = $3 AND status = 'queued' AND started_at IS NULL
                         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *)
         SELECT ${COLUMNS} FROM widened`,
        [organisationId, adAccountId, trigger, range.since, range.until],
      );
      if (widened[0]) return { pull: toDto(widened[0]), created: false };
      const [row]: PullRow[] = await em.query(
        `INSERT INTO meta_insight_pulls (organisation_id, ad_account_id, trigger, since, until) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [organisationId, adAccountId, trigger, range.since, range.until],
      );
      return { pull: toDto(row), created: true };
    });
  }

  /** Whether a pull of the account for this trigger waits or runs (a backfill under way is not queued twice). */
  async hasOpen(organisationId: string, adAccountId: string, trigger: InsightPullTrigger): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM meta_insight_pulls WHERE organisation_id = $1 AND ad_account_id = $2 AND trigger = $3 AND status IN ('queued', 'running') LIMIT 1`,
      [organisationId, adAccountId, trigger],
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<StoredPull | null> {
    const [row]: PullRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM meta_insight_pulls WHERE id = $1`, [id]);
    return row
      ? {
          id: row.id,
          organisationId: row.organisation_id,
          adAccountId: row.ad_account_id,
          trigger: row.trigger,
          range: { since: row.since, until: row.until },
          status: row.status,
        }
      : null;
  }

  /**
   * Marks the pull running unless another pull of the same account runs: one pull at a time per account, since they
   * share its insights budget and the later one would only redo the same reads. False: wait and try again.
   */
  async claim(id: string): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE meta_insight_pulls p SET status = 'running', started_at = COALESCE(p.started_at, now()), error = NULL
          WHERE p.id = $1 AND p.status IN ('queued', 'running')
            AND NOT EXISTS (SELECT 1 FROM meta_insight_pulls o
                             WHERE o.organisation_id = p.organisation_id AND o.ad_account_id = p.ad_account_id AND o.id <> p.id
                               AND o.status = 'running' AND o.started_at > now() - ${STALE_RUNNING})
          RETURNING p.id)
       SELECT id FROM claimed`,
      [id],
    );
    return claimed.length > 0;
  }

  async addCounts(id: string, counts: Partial<PullCounts>): Promise<void> {
    await this.dataSource.query(
      `UPDATE meta_insight_pulls SET graph_requests = graph_requests + $2, async_runs = async_runs + $3, splits = splits + $4,
              rows_written = rows_written + $5, rows_restated = rows_restated + $6 WHERE id = $1`,
      [id, counts.graphRequests ?? 0, counts.asyncRuns ?? 0, counts.splits ?? 0, counts.rowsWritten ?? 0, counts.rowsRestated ?? 0],
    );
  }

  async finish(id: string, status: 'succeeded' | 'failed', error: string | null = null): Promise<void> {
    await this.dataSource.query(`UPDATE meta_insight_pulls SET status = $2, error = $3, finished_at = now() WHERE id = $1`, [
      id,
      status,
      error,
    ]);
  }

  /** Back to waiting (paused by Meta's throttle, or a retry coming): the reason stays visible meanwhile. */
  async requeue(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE meta_insight_pulls SET status = 'queued', error = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, reason],
    );
  }

  async list(
    organisationId: string,
    filter: { adAccountId?: string; status?: InsightPullStatus; trigger?: InsightPullTrigger },
    page: { limit: number; offset: number },
  ): Promise<Page<InsightPullDto>> {
    const where = ['organisation_id = $1'];
    const params: unknown[] = [organisationId];
    for (const [column, value] of [
      ['ad_account_id', filter.adAccountId],
      ['status', filter.status],
      ['trigger', filter.trigger],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM meta_insight_pulls WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows: PullRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM meta_insight_pulls WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toDto), total: Number(total), ...page };
  }
}

function toDto(row: PullRow): InsightPullDto {
  return {
    id: row.id,
    adAccountId: row.ad_account_id,
    trigger: row.trigger,
    range: { since: row.since, until: row.until },
    status: row.status,
    graphRequests: row.graph_requests,
    asyncRuns: row.async_runs,
    splits: row.splits,
    rowsWritten: row.rows_written,
    rowsRestated: row.rows_restated,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
