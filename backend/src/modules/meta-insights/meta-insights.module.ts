import { Module } from '@nestjs/common';
import { InsightsPullsModule } from './pulls/insights-pulls.module';

/**
 * MetaInsights: daily ad performance facts per ad account, level, object and breakdown. `pulls/` brings them from
 * Meta (schedules, backfill on connect, on demand; queue `meta-insights`, meta-insights.jobs.ts).
 */
@Module({
  imports: [InsightsPullsModule],
})
export class MetaInsightsModule {}
