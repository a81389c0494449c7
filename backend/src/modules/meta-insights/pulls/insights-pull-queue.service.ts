import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, MetaIntegrationStatus, type DateRange, type InsightPullDto, type InsightPullTrigger } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { ApiError } from '../../../common/errors/api-error';
import { insightsConfig } from '../../../config/insights.config';
import { AdAssetsDirectory, type AdAccountRef } from '../../meta-assets';
import { MetaIntegrationRepository } from '../../meta-auth';
import { META_INSIGHTS_JOBS, META_INSIGHTS_QUEUE_NAME, pullAccountJobOptions, type PullAccountJobData } from '../meta-insights.jobs';
import { InsightAccountsRepository } from '../repositories/insight-accounts.repository';
import { InsightPullsRepository } from '../repositories/insight-pulls.repository';
import { addDays, lastDays, localToday } from './insight-days';

/**
 * Decides which pulls to queue and over which days, and queues them; it never calls Meta (schedulers only enqueue).
 * Days are the account's own: its zone from the pull state, else from discovery, else UTC.
 */
@Injectable()
export class InsightsPullQueue {
  constructor(
    @InjectQueue(META_INSIGHTS_QUEUE_NAME) private readonly queue: Queue,
    private readonly pulls: InsightPullsRepository,
    private readonly accounts: InsightAccountsRepository,
    private readonly directory: AdAssetsDirectory,
    private readonly integrations: MetaIntegrationRepository,
    @Inject(insightsConfig.KEY) private readonly config: ConfigType<typeof insightsConfig>,
  ) {}

  /** Queues a pull of one account over `range` (or the trigger's own days), returning the queued (or widened) pull. */
  async enqueue(organisationId: string, account: AdAccountRef, trigger: InsightPullTrigger, range?: DateRange): Promise<InsightPullDto> {
    const days = range ?? (await this.rangeFor(organisationId, account, trigger));
    const { pull, created } = await this.pulls.queue(organisationId, account.adAccountId, trigger, days);
    if (created) {
      try {
        await this.queue.add(
          META_INSIGHTS_JOBS.pullAccount,
          { pullId: pull.id, organisationId, adAccountId: account.adAccountId } satisfies PullAccountJobData,
          pullAccountJobOptions(pull.id),
        );
      } catch (error) {
        // No job, no run: the row must not say "queued" forever.
        await this.pulls.finish(pull.id, 'failed', `Could not be queued: ${(error as Error).message}`);
        throw error;
      }
    }
    return pull;
  }

  /**
   * On connect: a backfill of each active account never backfilled; the others re-read the lookback window, which
   * covers what happened while the connection was down for less than that. On refresh (`lookback: false`) only the
   * backfills: the accounts discovery just found.
   */
  async enqueueOnConnect(organisationId: string, options: { lookback: boolean }): Promise<InsightPullDto[]> {
    const out: InsightPullDto[] = [];
    for (const account of await this.directory.listAdAccounts(organisationId, { activeOnly: true })) {
      const state = await this.accounts.find(organisationId, account.adAccountId);
      if (state?.backfilledSince) {
        if (options.lookback) out.push(await this.enqueue(organisationId, account, 'lookback'));
      } else if (!(await this.pulls.hasOpen(organisationId, account.adAccountId, 'backfill'))) {
        out.push(await this.enqueue(organisationId, account, 'backfill'));
      }
    }
    return out;
  }

  /** The scheduled run: every active account of every active connection; an account never backfilled gets its backfill. */
  async enqueueAll(trigger: 'today' | 'lookback'): Promise<{ connections: number; queued: number }> {
    let connections = 0;
    let queued = 0;
    for (const integration of await this.integrations.findAllLive()) {
      if (integration.status !== MetaIntegrationStatus.Active) continue;
      connections++;
      const organisationId = integration.organisationId;
      for (const account of await this.directory.listAdAccounts(organisationId, { activeOnly: true })) {
        if (!(await this.accounts.find(organisationId, account.adAccountId))?.backfilledSince) {
          // Its backfill reads these days too; one under way is left to finish.
          if (await this.pulls.hasOpen(organisationId, account.adAccountId, 'backfill')) continue;
          await this.enqueue(organisationId, account, 'backfill');
        } else {
          await this.enqueue(organisationId, account, trigger);
        }
        queued++;
      }
    }
    return { connections, queued };
  }

  /** "Pull now": one named account (404 unless it is one of the organisation's active accounts), or all of them. */
  async enqueueOnDemand(organisationId: string, request: { adAccountId?: string } & Partial<DateRange>): Promise<InsightPullDto[]> {
    let accounts: AdAccountRef[];
    if (request.adAccountId) {
      const account = await this.directory.adAccount(organisationId, request.adAccountId);
      if (!account?.isActive)
        throw new ApiError(
          404,
          ErrorCode.NotFound,
          `Ad account ${request.adAccountId} is not reachable through this organisation's Meta connection`,
        );
      accounts = [account];
    } else {
      accounts = await this.directory.listAdAccounts(organisationId, { activeOnly: true });
    }
    const integration = await this.integrations.findLive(organisationId);
    if (!integration || integration.status !== MetaIntegrationStatus.Active)
      throw new ApiError(409, ErrorCode.MetaReauthRequired, 'The Meta connection is not active: connect (or reconnect) it first');
    const out: InsightPullDto[] = [];
    for (const account of accounts) {
      const range = request.since && request.until ? { since: request.since, until: request.until } : undefined;
      out.push(await this.enqueue(organisationId, account, 'on_demand', range));
    }
    return out;
  }

  /** The days a trigger reads, in the account's zone: today and yesterday, the lookback window, or the backfill. */
  private async rangeFor(organisationId: string, account: AdAccountRef, trigger: InsightPullTrigger): Promise<DateRange> {
    const zone = (await this.accounts.find(organisationId, account.adAccountId))?.timeZone ?? account.timeZone ?? 'UTC';
    const today = localToday(zone);
    switch (trigger) {
      case 'today':
        // Yesterday still moves for a while after midnight (late conversions), and costs no extra request.
        return { since: addDays(today, -1), until: today };
      case 'backfill':
        return lastDays(today, this.config.backfillDays);
      case 'lookback':
      case 'on_demand':
        return lastDays(today, this.config.lookbackDays);
    }
  }
}
