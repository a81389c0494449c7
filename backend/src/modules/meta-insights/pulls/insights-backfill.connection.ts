import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CONNECTION_ORDER, ConnectionLifecycle, type AuditDetails, type ConnectionParticipant, type LiveConnection } from '../../meta-auth';
import { InsightsPullQueue } from './insights-pull-queue.service';

/**
 * MetaInsights' part in a connection's life: once discovery has found the ad accounts, each account never pulled gets
 * its backfill (INSIGHTS_BACKFILL_DAYS); on a connect or reconnect, the others a re-read of the lookback window.
 */
@Injectable()
export class InsightsBackfillConnection implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-insights: backfill';
  readonly order = CONNECTION_ORDER.insightsBackfill;
  private readonly logger = new Logger(InsightsBackfillConnection.name);

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly queue: InsightsPullQueue,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  connected({ integration }: LiveConnection): Promise<AuditDetails> {
    return this.queuePulls(integration.organisationId, true);
  }

  /** A refresh may have found new ad accounts: they get their backfill; the others keep their schedule. */
  refresh({ integration }: LiveConnection): Promise<AuditDetails> {
    return this.queuePulls(integration.organisationId, false);
  }

  /** A queue that cannot take the jobs does not fail the connect: the schedules queue the backfills anyway. */
  private async queuePulls(organisationId: string, lookback: boolean): Promise<AuditDetails> {
    try {
      const pulls = await this.queue.enqueueOnConnect(organisationId, { lookback });
      return { insightsPullsQueued: pulls.length, insightsBackfills: pulls.filter((p) => p.trigger === 'backfill').length };
    } catch (error) {
      this.logger.warn(
        { organisationId, err: (error as Error).message },
        'Could not queue the insights pulls of a connect; the schedules bring them',
      );
      return { insightsPullsQueued: 0, insightsError: (error as Error).message };
    }
  }
}
