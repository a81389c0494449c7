import { Module } from '@nestjs/common';
import { MetaAssetsModule } from '../../meta-assets';
import { MetaAuthModule } from '../../meta-auth';
import { InsightsPullsController } from '../api/insights-pulls.controller';
import { InsightsGraphApi } from '../graph/insights-graph.api';
import { InsightAccountsRepository } from '../repositories/insight-accounts.repository';
import { InsightFactsRepository } from '../repositories/insight-facts.repository';
import { InsightPullsRepository } from '../repositories/insight-pulls.repository';
import { InsightsBackfillConnection } from './insights-backfill.connection';
import { InsightsPullQueue } from './insights-pull-queue.service';
import { InsightsPullService } from './insights-pull.service';
import { InsightsPullJobHandlers } from './insights-pull.job-handlers';

/**
 * The pull side of MetaInsights: the scheduled, on-connect and on-demand pulls (queue `meta-insights`,
 * meta-insights.jobs.ts), the facts they write, and the operations API (pulls, account states).
 */
@Module({
  imports: [MetaAuthModule, MetaAssetsModule],
  controllers: [InsightsPullsController],
  providers: [
    InsightsGraphApi,
    InsightFactsRepository,
    InsightPullsRepository,
    InsightAccountsRepository,
    InsightsPullQueue,
    InsightsPullService,
    InsightsPullJobHandlers,
    InsightsBackfillConnection,
  ],
  exports: [InsightAccountsRepository, InsightPullsRepository],
})
export class InsightsPullsModule {}
