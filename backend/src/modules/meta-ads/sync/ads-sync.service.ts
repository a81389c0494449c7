import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, MetaIntegrationStatus } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { ApiError } from '../../../common/errors/api-error';
import { metaConfig } from '../../../config/meta.config';
import { AdAssetsDirectory } from '../../meta-assets';
import {
  ConnectionBreakers,
  MetaIntegrationRepository,
  MetaReauthService,
  MetaTokenVault,
  pauseMessage,
  type MetaIntegration,
} from '../../meta-auth';
import { AdsGraphApi, adsCallContext, RequestCounter } from '../graph/ads-graph.api';
import type { AdEdge, GraphAd, GraphAdSet, GraphCampaign } from '../graph/graph-ad-objects';
import { META_ADS_JOBS, META_ADS_QUEUE_NAME, syncAccountJobOptions, type SyncAccountJobData } from '../meta-ads.jobs';
import { adRow, adSetRow, campaignRow } from '../mirror/graph-rows';
import { AdObjectsRepository } from '../repositories/ad-objects.repository';
import { AdsSyncStateRepository } from '../repositories/ads-sync-state.repository';
import { decideAdsSyncFailure } from './ads-sync-failure';

/** What the job does next. */
export type AdsSyncOutcome =
  | { next: 'done'; summary: Record<string, unknown> }
  /** Run again later without spending an attempt (throttled, or the connection's Graph calls are paused). */
  | { next: 'delay'; delayMs: number }
  /** Let the queue retry with backoff. */
  | { next: 'retry'; error: unknown }
  /** Give up; the next schedule tries again. */
  | { next: 'fail'; message: string };

/**
 * The mirror of an ad account: every page of its campaigns, ad sets and ads (with their creatives by field
 * expansion), upserted by Meta id as each page arrives; what the full sync no longer lists is marked deleted. Meta's
 * throttling (the ads_management business use case, the ad account's usage) pauses the sync until the regain time
 * it announces, without failing it; the connection's circuit breaker holds it while Meta keeps failing the connection.
 */
@Injectable()
export class AdsSyncService {
  private readonly logger = new Logger(AdsSyncService.name);

  constructor(
    @InjectQueue(META_ADS_QUEUE_NAME) private readonly queue: Queue,
    private readonly graph: AdsGraphApi,
    private readonly objects: AdObjectsRepository,
    private readonly states: AdsSyncStateRepository,
    private readonly directory: AdAssetsDirectory,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly breakers: ConnectionBreakers,
    private readonly reauth: MetaReauthService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** Queues a sync of these accounts of the organisation (all its active ones when none are named). */
  async enqueue(organisationId: string, reason: SyncAccountJobData['reason'], adAccountIds?: string[]): Promise<string[]> {
    const accounts = adAccountIds ?? (await this.directory.listAdAccounts(organisationId, { activeOnly: true })).map((a) => a.adAccountId);
    if (accounts.length === 0) return [];
    await this.states.markQueued(organisationId, accounts);
    await this.queue.addBulk(
      accounts.map((adAccountId) => ({
        name: META_ADS_JOBS.syncAccount,
        data: { organisationId, adAccountId, reason } satisfies SyncAccountJobData,
        opts: syncAccountJobOptions(organisationId, adAccountId),
      })),
    );
    return accounts;
  }

  /** "Sync now": one named account of the organisation (404 when it is not one of its active accounts), or all. */
  async enqueueOnDemand(organisationId: string, adAccountId?: string): Promise<string[]> {
    if (adAccountId) {
      const account = await this.directory.adAccount(organisationId, adAccountId);
      if (!account?.isActive)
        throw new ApiError(
          404,
          ErrorCode.NotFound,
          `Ad account ${adAccountId} is not reachable through this organisation's Meta connection`,
        );
      return this.enqueue(organisationId, 'on_demand', [adAccountId]);
    }
    return this.enqueue(organisationId, 'on_demand');
  }

  /** The scheduled run: every active ad account of every active connection. */
  async enqueueAll(): Promise<{ connections: number; queued: number }> {
    let connections = 0;
    let queued = 0;
    for (const integration of await this.integrations.findAllLive()) {
      if (integration.status !== MetaIntegrationStatus.Active) continue;
      connections++;
      queued += (await this.enqueue(integration.organisationId, 'schedule')).length;
    }
    return { connections, queued };
  }

  async syncAccount(organisationId: string, adAccountId: string, attempt: { isLastAttempt: boolean }): Promise<AdsSyncOutcome> {
    const integration = await this.integrations.findLive(organisationId);
    const account = await this.directory.adAccount(organisationId, adAccountId);
    if (!integration || integration.status !== MetaIntegrationStatus.Active || !account?.isActive) {
      const message =
        !integration || integration.status !== MetaIntegrationStatus.Active
          ? 'The Meta connection is not active (reconnect needed or disconnected)'
          : 'The ad account is no longer reachable through the connection';
      await this.states.set(organisationId, adAccountId, { state: 'failed', lastError: message, resumesAt: null });
      return { next: 'done', summary: { skipped: message } };
    }
    const token = this.vault.openUserToken(integration);
    if (!token) return { next: 'done', summary: { skipped: 'No token is stored for the connection' } };
    const gate = await this.breakers.admit(integration.id);
    if (!gate.go) {
      await this.states.set(organisationId, adAccountId, {
        state: 'paused',
        lastError: pauseMessage(gate.pause),
        resumesAt: new Date(Date.now() + gate.delayMs),
      });
      return { next: 'delay', delayMs: gate.delayMs };
    }

    const started = new Date();
    await this.states.set(organisationId, adAccountId, { state: 'running', startedAt: started, resumesAt: null });
    const counter = new RequestCounter();
    const ctx = adsCallContext(token, adAccountId);
    let objects = 0;
    try {
      // One edge after the other, one request in flight: on Meta's side the reads spend the account's ads_management
      // budget either way, and side by side they only contended for the same CPU (docs/benchmarks.md).
      objects += await this.mirrorEdge<GraphCampaign>(adAccountId, 'campaigns', ctx, counter, (page) =>
        this.objects.upsertCampaigns(page.map((g) => campaignRow(organisationId, adAccountId, g, started))),
      );
      objects += await this.mirrorEdge<GraphAdSet>(adAccountId, 'adsets', ctx, counter, (page) =>
        this.objects.upsertAdSets(page.map((g) => adSetRow(organisationId, adAccountId, g, started))),
      );
      objects += await this.mirrorEdge<GraphAd>(adAccountId, 'ads', ctx, counter, (page) =>
        this.objects.upsertAds(page.map((g) => adRow(organisationId, adAccountId, g, started))),
      );
      await this.breakers.succeeded(integration.id);
    } catch (error) {
      await this.breakers.failedWith(integration.id, organisationId, error, { probe: gate.probe });
      return this.failed(organisationId, adAccountId, integration, error, attempt, counter);
    }
    const deleted = await this.objects.markUnlistedDeleted(organisationId, adAccountId, started);
    await this.states.set(organisationId, adAccountId, {
      state: 'ok',
      lastSyncedAt: new Date(),
      lastError: null,
      lastRequests: counter.requests,
      lastObjects: objects,
      resumesAt: null,
    });
    return { next: 'done', summary: { adAccountId, objects, deleted, requests: counter.requests, ms: Date.now() - started.getTime() } };
  }

  /**
   * Pages an edge into the mirror, storing each page while the next one is read: the sync takes about the longer of
   * reading and storing, not their sum. One store at a time, in page order.
   */
  private async mirrorEdge<T>(
    adAccountId: string,
    edge: AdEdge,
    ctx: ReturnType<typeof adsCallContext>,
    counter: RequestCounter,
    store: (page: T[]) => Promise<void>,
  ): Promise<number> {
    let count = 0;
    let storing: Promise<void> = Promise.resolve();
    try {
      for await (const page of this.graph.listAll<T>(adAccountId, edge, ctx, counter)) {
        await storing;
        storing = store(page);
        // Awaited before the next page and after the last; a failure meanwhile must not count as unhandled.
        storing.catch(() => undefined);
        count += page.length;
      }
    } finally {
      await storing.catch(() => undefined);
    }
    await storing;
    return count;
  }

  private async failed(
    organisationId: string,
    adAccountId: string,
    integration: Pick<MetaIntegration, 'id' | 'accessTokenCiphertext'>,
    error: unknown,
    attempt: { isLastAttempt: boolean },
    counter: RequestCounter,
  ): Promise<AdsSyncOutcome> {
    const decision = decideAdsSyncFailure(error, this.meta.rateLimitPauseMs);
    this.logger.warn(
      { organisationId, adAccountId, action: decision.action, requests: counter.requests },
      `Ad account sync stopped: ${decision.message}`,
    );
    const common = { lastError: decision.message, lastRequests: counter.requests };
    switch (decision.action) {
      case 'delay':
        // What was read so far stays; the sync starts over at the regain time and nothing is marked deleted meanwhile.
        await this.states.set(organisationId, adAccountId, {
          ...common,
          state: 'paused',
          resumesAt: new Date(Date.now() + decision.delayMs),
        });
        return { next: 'delay', delayMs: decision.delayMs };
      case 'reauth':
        await this.reauth.markReauthRequired(organisationId, integration.id, decision.message, {
          during: 'ads_sync',
          failedUserToken: integration.accessTokenCiphertext,
        });
        await this.states.set(organisationId, adAccountId, { ...common, state: 'failed', resumesAt: null });
        return { next: 'fail', message: decision.message };
      case 'fail':
        await this.states.set(organisationId, adAccountId, { ...common, state: 'failed', resumesAt: null });
        return { next: 'fail', message: decision.message };
      case 'retry':
        await this.states.set(organisationId, adAccountId, {
          ...common,
          state: attempt.isLastAttempt ? 'failed' : 'queued',
          resumesAt: null,
        });
        return { next: 'retry', error };
    }
  }
}
