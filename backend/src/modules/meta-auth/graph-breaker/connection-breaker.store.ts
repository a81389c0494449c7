import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { BreakerState, BreakerStateName } from '../../../infra/meta-graph/circuit-breaker';
import { MetaGraphBreaker } from '../entities/meta-graph-breaker.entity';

/** One connection's breaker as the workers share it. */
export interface ConnectionBreaker extends BreakerState {
  integrationId: string;
  organisationId: string;
  lastError: string | null;
}

export interface BreakerChange {
  before: ConnectionBreaker;
  after: ConnectionBreaker;
  /** Whether the rules changed the state (a probe claimed, a failure counted, the breaker closed). */
  changed: boolean;
}

type PausedCounts = Record<Exclude<BreakerStateName, 'closed'>, number>;

const same = (a: BreakerState, b: BreakerState): boolean =>
  a.state === b.state && a.failures === b.failures && a.since === b.since && a.probeAt === b.probeAt && a.waitMs === b.waitMs;

/**
 * Keeps the connections' breakers in `meta_graph_breakers`, where every worker process sees them. A row changes only
 * through a rule of `circuit-breaker.ts`, applied under the row's lock, so two workers reporting at once cannot lose
 * a failure and only one of them can claim a probe. Written on failures and state changes only: the lead jobs' happy
 * path never writes here.
 */
@Injectable()
export class ConnectionBreakerStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The breakers that are not clean (open, probing, or closed with failures counted); clean ones have no weight. */
  async unsettled(): Promise<ConnectionBreaker[]> {
    const rows = await this.db
      .getRepository(MetaGraphBreaker)
      .createQueryBuilder('b')
      .where(`b.state <> 'closed' OR b.failures > 0`)
      .getMany();
    return rows.map(toBreaker);
  }

  async find(integrationId: string): Promise<ConnectionBreaker | null> {
    const row = await this.db.getRepository(MetaGraphBreaker).findOne({ where: { integrationId } });
    return row ? toBreaker(row) : null;
  }

  /** Connections whose calls are paused, by state (for /metrics). */
  async countPaused(): Promise<PausedCounts> {
    const rows: { state: keyof PausedCounts; n: number }[] = await this.db.query(
      `SELECT state, count(*)::int AS n FROM meta_graph_breakers WHERE state <> 'closed' GROUP BY state`,
    );
    const counts: PausedCounts = { open: 0, half_open: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  /**
   * Applies `rule` to the connection's breaker under its row lock and stores the result. `lastError` replaces the
   * stored message when given (null clears it). With `organisationId`, a connection without a row gets one first (its
   * first failure); without, there is nothing to change and the answer is null.
   */
  async change(
    integrationId: string,
    rule: (state: BreakerState) => BreakerState,
    options: { organisationId?: string; lastError?: string | null } = {},
  ): Promise<BreakerChange | null> {
    return this.db.transaction(async (tx) => {
      if (options.organisationId) {
        await tx.query(`INSERT INTO meta_graph_breakers (integration_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          integrationId,
          options.organisationId,
        ]);
      }
      const row = await tx.getRepository(MetaGraphBreaker).findOne({ where: { integrationId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const before = toBreaker(row);
      const next = rule(before);
      const after: ConnectionBreaker = {
        ...before,
        ...next,
        lastError: options.lastError !== undefined ? options.lastError : before.lastError,
      };
      const changed = !same(before, after);
      if (changed || after.lastError !== before.lastError) await this.write(tx, after);
      return { before, after, changed };
    });
  }

  private async write(tx: EntityManager, b: ConnectionBreaker): Promise<void> {
    await tx.query(
      `UPDATE meta_graph_breakers SET state = $2, failures = $3, since = $4, probe_at = $5, wait_ms = $6, last_error = $7, updated_at = now()
        WHERE integration_id = $1`,
      [b.integrationId, b.state, b.failures, toDate(b.since), toDate(b.probeAt), b.waitMs, b.lastError?.slice(0, 1000) ?? null],
    );
  }
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
const toMs = (date: Date | null): number | null => (date ? new Date(date).getTime() : null);

function toBreaker(row: MetaGraphBreaker): ConnectionBreaker {
  return {
    integrationId: row.integrationId,
    organisationId: row.organisationId,
    state: row.state,
    failures: row.failures,
    since: toMs(row.since),
    probeAt: toMs(row.probeAt),
    waitMs: row.waitMs,
    lastError: row.lastError,
  };
}
