import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { SameTurnBatch } from '../../../common/batching/same-turn-batch';
import { graphBreakerConfig } from '../../../config/graph-breaker.config';
import {
  abandonProbe,
  admission,
  afterFailures,
  afterSuccess,
  callOutcome,
  isClean,
  isPaused,
  startProbe,
} from '../../../infra/meta-graph/circuit-breaker';
import { MetricsService } from '../../../infra/metrics/metrics.service';
import { ConnectionBreakerMetrics } from './connection-breaker.metrics';
import { ConnectionBreakerStore, type BreakerChange, type ConnectionBreaker } from './connection-breaker.store';
import type { GraphPause } from './graph-pause';

export type CallAdmission =
  /** Call Meta; `probe` when this call is the one probe of a paused connection and must report how it went. */
  | { go: true; probe: boolean }
  /** Do not call Meta; come back in `delayMs`. */
  | { go: false; delayMs: number; pause: GraphPause };

export interface ClosedBreaker {
  integrationId: string;
  organisationId: string;
}

interface ReportedFailure {
  integrationId: string;
  organisationId: string;
  message: string;
  /** Order of the report among this process's outcomes (see `outcomes`). */
  seq: number;
  done: () => void;
}

const GO: CallAdmission = { go: true, probe: false };

/**
 * The circuit breakers of the connections' Graph calls (rules: `infra/meta-graph/circuit-breaker.ts`). Callers ask
 * `admit` before calling Meta for a connection and report the outcome (`succeeded`, `failed`, `abandoned`); when
 * Meta keeps failing a connection, its calls wait for a probe instead of each lead spending its own retries.
 *
 * Every worker shares the breakers through the database (`ConnectionBreakerStore`). The hot path reads this process's
 * copy of the breakers that are not clean, read again every `refreshMs` (one query per interval, not per call), and
 * writes only on failures and state changes: a success costs nothing while the breaker is clean.
 */
@Injectable()
export class ConnectionBreakers {
  private readonly logger = new Logger(ConnectionBreakers.name);
  private readonly metrics: ConnectionBreakerMetrics;
  /** The breakers that are not clean; a connection missing here is closed with no failure. */
  private copy = new Map<string, ConnectionBreaker>();
  private copiedAt = -Infinity;
  private copying?: Promise<void>;
  /** When this process last changed a breaker, so that a copy read before the change does not undo it. */
  private readonly changedAt = new Map<string, number>();
  private readonly lastSuccessAt = new Map<string, number>();
  /**
   * Outcomes reported so far, numbering each one: the reads of a batch answer report in the order of its items, so a
   * failure numbered before a connection's last success was not part of a run of failures in a row.
   */
  private outcomes = 0;
  private readonly lastSuccessSeq = new Map<string, number>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly closedListeners: ((closed: ClosedBreaker) => unknown)[] = [];
  /** The failures of one Graph batch answer arrive in one turn and are counted in one write. */
  private readonly failures = new SameTurnBatch<ReportedFailure>((reported) => this.countFailures(reported));

  constructor(
    private readonly store: ConnectionBreakerStore,
    @Inject(graphBreakerConfig.KEY) private readonly settings: ConfigType<typeof graphBreakerConfig>,
    metrics: MetricsService,
  ) {
    this.metrics = new ConnectionBreakerMetrics(metrics.registry, store);
  }

  /** Whether a call for this connection may go to Meta now, as the probe or not, or how long it should wait. */
  async admit(integrationId: string): Promise<CallAdmission> {
    await this.fresh();
    const current = this.copy.get(integrationId);
    if (!current) return GO;
    const now = Date.now();
    const decision = admission(current, now, this.settings);
    if (decision.kind === 'go') return GO;
    if (decision.kind === 'wait') return this.wait(current, decision.until, now);
    // Only one call of all the workers may probe: the row lock decides which.
    const claim = await this.store.change(integrationId, (s) => startProbe(s, now, this.settings));
    if (!claim) {
      this.forget(integrationId);
      return GO;
    }
    this.remember(claim.after);
    if (claim.changed) {
      this.metrics.count('probe');
      this.logger.log({ integrationId, failures: claim.after.failures }, 'Probing whether Meta answers the paused connection again');
      return { go: true, probe: true };
    }
    const next = admission(claim.after, now, this.settings);
    return next.kind === 'wait' ? this.wait(claim.after, next.until, now) : GO;
  }

  /** Meta answered a call of the connection: a breaker with failures or a pause closes. */
  async succeeded(integrationId: string): Promise<void> {
    this.lastSuccessAt.set(integrationId, Date.now());
    this.lastSuccessSeq.set(integrationId, ++this.outcomes);
    const current = this.copy.get(integrationId);
    if (!current || isClean(current)) return;
    let closing = this.closing.get(integrationId);
    if (!closing) {
      closing = this.close(integrationId).finally(() => this.closing.delete(integrationId));
      this.closing.set(integrationId, closing);
    }
    return closing;
  }

  /** A call of the connection failed transiently (5xx, codes 1/2, a timeout). Never throws. */
  failed(integrationId: string, organisationId: string, error: Error): Promise<void> {
    return new Promise<void>((done) =>
      this.failures.add({ integrationId, organisationId, message: error.message, seq: ++this.outcomes, done }),
    );
  }

  /**
   * A call of the connection failed: counts a transient failure, closes on any other answer from Meta, and hands a
   * probe that never reached Meta on to the next call. Never throws.
   */
  async failedWith(integrationId: string, organisationId: string, error: unknown, options: { probe: boolean }): Promise<void> {
    const outcome = callOutcome(error);
    if (outcome === 'failure') return this.failed(integrationId, organisationId, error as Error);
    if (outcome === 'answer') return this.succeeded(integrationId);
    if (options.probe) return this.abandoned(integrationId);
  }

  /** The probe ended without an answer from Meta (e.g. a rate-limit pause held it back): the next call probes. */
  async abandoned(integrationId: string): Promise<void> {
    try {
      const change = await this.store.change(integrationId, (s) => abandonProbe(s, Date.now()));
      if (change) this.remember(change.after);
    } catch (error) {
      this.logger.warn({ integrationId, err: error }, 'Could not hand the probe of a paused connection on');
    }
  }

  /** The connection's pause as stored now (the health card), or null when its calls go through. */
  async pause(integrationId: string): Promise<GraphPause | null> {
    const breaker = await this.store.find(integrationId);
    return breaker && isPaused(breaker) ? toPause(breaker) : null;
  }

  /** Called in the process that closed a paused breaker, e.g. to run the connection's waiting jobs now. */
  onClosed(listener: (closed: ClosedBreaker) => unknown): void {
    this.closedListeners.push(listener);
  }

  private wait(breaker: ConnectionBreaker, until: number, now: number): CallAdmission {
    // Spread over a recheck interval, so the waiting calls do not all come back in the same instant as the probe.
    const delayMs = Math.max(1, until - now) + Math.floor(Math.random() * this.settings.recheckMs);
    return { go: false, delayMs, pause: toPause(breaker) };
  }

  private async close(integrationId: string): Promise<void> {
    try {
      const change = await this.store.change(integrationId, () => afterSuccess(), { lastError: null });
      if (!change) return this.forget(integrationId);
      this.remember(change.after);
      if (!isPaused(change.before)) return;
      this.metrics.count('closed');
      this.logger.log({ integrationId, failures: change.before.failures }, 'Meta answers the connection again; its Graph calls resume');
      // Not awaited: the call that closed the breaker (a lead job) goes on while the waiting jobs are woken.
      for (const listener of this.closedListeners) {
        void Promise.resolve()
          .then(() => listener({ integrationId, organisationId: change.after.organisationId }))
          .catch((err: unknown) => this.logger.warn({ integrationId, err }, 'A listener of a closed breaker failed'));
      }
    } catch (error) {
      this.logger.warn({ integrationId, err: error }, 'Could not close the breaker of a connection Meta answers again');
    }
  }

  private async countFailures(reported: ReportedFailure[]): Promise<void> {
    const byConnection = new Map<string, ReportedFailure[]>();
    for (const failure of reported) byConnection.set(failure.integrationId, [...(byConnection.get(failure.integrationId) ?? []), failure]);
    await Promise.all(
      [...byConnection.values()].map(async (failures) => {
        const { integrationId, organisationId, message } = failures[failures.length - 1];
        // Failures of the same batch answer before one of its successes were not in a row: only the ones after count.
        const inRow = failures.filter((f) => f.seq > (this.lastSuccessSeq.get(integrationId) ?? 0)).length;
        try {
          if (inRow === 0) return;
          const now = Date.now();
          const report = { now, count: inRow, lastSuccessAt: this.lastSuccessAt.get(integrationId) };
          const change = await this.store.change(integrationId, (s) => afterFailures(s, report, this.settings), {
            organisationId,
            lastError: message,
          });
          if (change) this.noteFailures(change);
        } catch (error) {
          this.logger.warn({ integrationId, err: error }, 'Could not count failed Graph calls of a connection');
        } finally {
          for (const failure of failures) failure.done();
        }
      }),
    );
  }

  private noteFailures({ before, after }: BreakerChange): void {
    this.remember(after);
    const fields = {
      integrationId: after.integrationId,
      failures: after.failures,
      nextProbeAt: toDate(after.probeAt),
      lastError: after.lastError,
    };
    if (before.state === 'closed' && after.state === 'open') {
      this.metrics.count('opened');
      this.logger.warn(fields, 'Meta keeps failing this connection; its Graph calls are paused until a probe succeeds');
    } else if (before.state === 'half_open' && after.state === 'open') {
      this.metrics.count('reopened');
      this.logger.warn(fields, 'Meta still fails the paused connection; the next probe waits longer');
    }
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.copiedAt < this.settings.refreshMs) return;
    this.copying ??= this.refresh().finally(() => (this.copying = undefined));
    return this.copying;
  }

  private async refresh(): Promise<void> {
    const started = Date.now();
    try {
      const rows = await this.store.unsettled();
      const copy = new Map(rows.map((row) => [row.integrationId, row]));
      for (const [integrationId, at] of this.changedAt) {
        if (at < started) {
          this.changedAt.delete(integrationId);
          continue;
        }
        const mine = this.copy.get(integrationId);
        if (mine) copy.set(integrationId, mine);
        else copy.delete(integrationId);
      }
      this.copy = copy;
    } catch (error) {
      // Keep the last copy: lead jobs meet the database being away on their own; this one tries again next interval.
      this.logger.warn({ err: error }, 'Could not read the Graph breakers; keeping the last copy');
    }
    this.copiedAt = started;
  }

  private remember(breaker: ConnectionBreaker): void {
    this.changedAt.set(breaker.integrationId, Date.now());
    if (isClean(breaker)) this.copy.delete(breaker.integrationId);
    else this.copy.set(breaker.integrationId, breaker);
  }

  private forget(integrationId: string): void {
    this.changedAt.set(integrationId, Date.now());
    this.copy.delete(integrationId);
  }
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

function toPause(b: ConnectionBreaker): GraphPause {
  return {
    since: new Date(b.since ?? Date.now()),
    failures: b.failures,
    nextProbeAt: new Date(b.probeAt ?? Date.now()),
    probing: b.state === 'half_open',
    lastError: b.lastError,
  };
}
