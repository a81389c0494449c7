import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LeadSyncState, MetaIntegrationStatus } from '@legeai/contracts';
import { metaConfig } from '../../../config/meta.config';
import { ConnectionBreakers, MetaReauthService, MetaTokenVault } from '../../meta-auth';
import type { GraphLead } from '../graph/graph-lead';
import { LeadFetcher } from '../graph/lead-fetcher.service';
import { LeadIngestService, withinTogether } from '../ingest/lead-ingest.service';
import type { LeadgenJobData } from '../meta-leads.jobs';
import { LeadSyncTimeline, type SyncStart } from './lead-sync-timeline';
import type { PageConnection } from './page-connections';
import { decideSyncFailure, pausedFailure, type SyncFailure } from './sync-failure-policy';

export interface SyncAttempt {
  /** Whether the queue will not retry the job if this attempt fails. */
  isLastAttempt: boolean;
}

/** What the job should do next: finish, or run again later without spending an attempt. */
export type LeadJobOutcome =
  { next: 'done'; summary: Record<string, LeadSyncState | 'retrying'> | { skipped: string } } | { next: 'delay'; delayMs: number };

type OrgResult = { state: LeadSyncState; stored?: boolean } | { delayMs: number } | { retry: unknown };

/** Thrown so the queue retries the job with backoff; the timeline already holds the details. */
export class LeadSyncRetryError extends Error {
  constructor(readonly causes: unknown[]) {
    super(`Lead sync will be retried: ${causes.map((c) => (c instanceof Error ? c.message : String(c))).join('; ')}`);
    this.name = 'LeadSyncRetryError';
  }
}

/**
 * One `leadgen` job: for every organisation that connected the Page, read the lead with that organisation's Page
 * token, map and store it exactly once, and keep the lead's timeline. Failures are decided by
 * `decideSyncFailure`: an auth error parks the lead and pauses the organisation until it reconnects, a permission
 * or validation error fails it with a hint, a rate limit delays it, a transient error is retried by the queue. While
 * the connection's circuit breaker holds its Graph calls (Meta failed them again and again), the lead is delayed
 * until the breaker's probe, without calling Meta.
 */
@Injectable()
export class LeadSyncService {
  private readonly logger = new Logger(LeadSyncService.name);

  constructor(
    private readonly timeline: LeadSyncTimeline,
    private readonly vault: MetaTokenVault,
    private readonly fetcher: LeadFetcher,
    private readonly ingest: LeadIngestService,
    private readonly reauth: MetaReauthService,
    private readonly breakers: ConnectionBreakers,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  async handle(data: LeadgenJobData, attempt: SyncAttempt): Promise<LeadJobOutcome> {
    // Every organisation's row exists before any is worked on, so the delivery is closed only when all are done.
    const started = await this.timeline.begin(data);
    if (started.length === 0) {
      this.logger.warn({ pageId: data.pageId, leadgenId: data.leadgenId }, 'Lead of a Page no organisation has connected; skipped');
      return { next: 'done', summary: { skipped: 'no organisation has connected this Page' } };
    }
    const connections = started.map((s) => s.connection);
    // With one organisation (the usual case) the store closes the delivery on its own connection right after its
    // commit; otherwise, or when the lead did not reach the store, it is closed here once all are done.
    const closesOnStore = started.length === 1 && !!data.inboxId;
    const results = await Promise.all(
      started.map(({ connection, start }) => this.syncFor(connection, start, data, attempt, closesOnStore ? data.inboxId : undefined)),
    );
    const closedOnStore = closesOnStore && results.every((r) => 'stored' in r && r.stored);
    if (data.inboxId && !closedOnStore) await this.timeline.closeDelivery(data.inboxId);

    const retries = results.flatMap((r) => ('retry' in r ? [r.retry] : []));
    if (retries.length) throw new LeadSyncRetryError(retries);
    const delays = results.flatMap((r) => ('delayMs' in r ? [r.delayMs] : []));
    if (delays.length) return { next: 'delay', delayMs: Math.max(...delays) };
    const summary: Record<string, LeadSyncState | 'retrying'> = {};
    connections.forEach((connection, i) => {
      const result = results[i];
      summary[connection.organisationId] = 'state' in result ? result.state : 'retrying';
    });
    return { next: 'done', summary };
  }

  private async syncFor(
    connection: PageConnection,
    start: SyncStart,
    data: LeadgenJobData,
    attempt: SyncAttempt,
    closeInboxId?: string,
  ): Promise<OrgResult> {
    const done = start.state === LeadSyncState.Stored || start.state === LeadSyncState.Duplicate;
    // A webhook redelivery of a stored lead has nothing to do; a replay goes through the store, which decides.
    if (done && !data.replay) return { state: start.state };
    if (connection.integrationStatus === MetaIntegrationStatus.Disconnected || !connection.pageActive) {
      await this.timeline.skipped(start.id, 'The Page is no longer connected in this organisation');
      return { state: LeadSyncState.Skipped };
    }
    if (connection.organisationSuspended) {
      await this.timeline.failed(start.id, LeadSyncState.Parked, SUSPENDED);
      return { state: LeadSyncState.Parked };
    }
    if (connection.integrationStatus === MetaIntegrationStatus.ReauthRequired) {
      await this.timeline.failed(start.id, LeadSyncState.Parked, PAUSED);
      return { state: LeadSyncState.Parked };
    }
    let fetched: { at: Date; formId: string | null } | undefined;
    try {
      const token = this.vault.open(connection.organisationId, { ciphertext: connection.tokenCiphertext, keyId: connection.tokenKeyId });
      if (!token) return await this.park(connection, start, NO_TOKEN);
      // While Meta keeps failing the connection's calls, its leads wait for the breaker's probe without spending an
      // attempt or a read; the timeline shows the pause instead of an error per lead.
      const gate = await this.breakers.admit(connection.integrationId);
      if (!gate.go) {
        await this.timeline.failed(start.id, LeadSyncState.Pending, pausedFailure(gate.pause));
        return { delayMs: gate.delayMs };
      }
      const graphLead = await this.readLead(connection, data, token, gate.probe);
      fetched = { at: new Date(), formId: graphLead.form_id ?? null };
      const readAt = fetched;
      // The timeline's fetched/mapped/stored step commits with the lead: one write, no window between them.
      const result = await this.ingest.ingestTogether(
        { organisationId: connection.organisationId, graphLead, pageId: data.pageId, source: data.replay ? 'replay' : 'webhook' },
        {
          withinTogether: withinTogether('lead-sync-stored', { id: start.id, fetchedAt: readAt.at, formId: readAt.formId }, (tx, entries) =>
            this.timeline.storedMany(
              tx,
              entries.map(({ result, item }) => ({ ...item, outcome: result.outcome, leadId: result.leadId, mappedAt: result.mappedAt })),
            ),
          ),
          afterCommit: closeInboxId ? (manager) => this.timeline.closeDelivery(closeInboxId, manager) : undefined,
          afterCommitKey: closeInboxId ? `close-delivery:${closeInboxId}` : undefined,
        },
      );
      return { state: result.outcome === 'created' || done ? LeadSyncState.Stored : LeadSyncState.Duplicate, stored: true };
    } catch (error) {
      const decision = decideSyncFailure(error, {
        isLastAttempt: attempt.isLastAttempt,
        pageTasks: connection.tasks,
        rateLimitPauseMs: this.meta.rateLimitPauseMs,
      });
      this.logger.warn(
        {
          organisationId: connection.organisationId,
          leadgenId: data.leadgenId,
          kind: decision.failure.kind,
          code: decision.failure.code,
          action: decision.action,
        },
        `Lead sync failed: ${decision.failure.message}`,
      );
      switch (decision.action) {
        case 'park':
          return this.park(connection, start, decision.failure, error);
        case 'fail':
          await this.timeline.failed(start.id, LeadSyncState.Failed, decision.failure, fetched);
          return { state: LeadSyncState.Failed };
        case 'delay':
          await this.timeline.failed(start.id, LeadSyncState.Pending, decision.failure, fetched);
          return { delayMs: decision.delayMs };
        case 'retry':
          await this.timeline.failed(start.id, LeadSyncState.Pending, decision.failure, fetched);
          return { retry: error };
      }
    }
  }

  /** Reads the lead and tells the connection's breaker how Meta answered. */
  private async readLead(connection: PageConnection, data: LeadgenJobData, token: string, probe: boolean): Promise<GraphLead> {
    try {
      const lead = await this.fetcher.fetchLead(data.leadgenId, token, data.pageId);
      await this.breakers.succeeded(connection.integrationId);
      return lead;
    } catch (error) {
      await this.breakers.failedWith(connection.integrationId, connection.organisationId, error, { probe });
      throw error;
    }
  }

  /**
   * Parks the lead and pauses the organisation's syncs until a reconnect (which replays the parked leads). If a
   * reconnect already replaced the token that failed, the lead is retried instead of parked behind a live connection.
   */
  private async park(connection: PageConnection, start: SyncStart, failure: SyncFailure, error?: unknown): Promise<OrgResult> {
    const { organisationId, integrationId, tokenCiphertext } = connection;
    const marked = await this.reauth.markReauthRequired(organisationId, integrationId, `Lead sync: ${failure.message}`, {
      during: 'lead_sync',
      failedPageToken: tokenCiphertext ?? undefined,
    });
    // Not marked yet still active: only a reconnect replacing the failed Page token leaves it so.
    if (!marked && tokenCiphertext !== null && (await this.reauth.isActive(organisationId, integrationId))) {
      await this.timeline.failed(start.id, LeadSyncState.Pending, failure);
      return { retry: error ?? new Error(failure.message) };
    }
    if (marked) this.logger.warn({ organisationId }, 'Meta connection needs a reconnect; lead syncs are paused');
    await this.timeline.failed(start.id, LeadSyncState.Parked, failure);
    return { state: LeadSyncState.Parked };
  }
}

const RECONNECT = 'Reconnect the Meta account; parked leads are replayed automatically';
const PAUSED: SyncFailure = { kind: 'auth', code: null, message: 'The Meta connection needs a reconnect', hint: RECONNECT };
const SUSPENDED: SyncFailure = {
  kind: 'auth',
  code: null,
  message: 'The organisation is suspended',
  hint: 'Parked leads are replayed automatically when a platform administrator reactivates the organisation',
};
const NO_TOKEN: SyncFailure = { kind: 'auth', code: null, message: 'No Page token is stored for this Page', hint: RECONNECT };
