import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MetaAdsModule } from '../meta-ads';
import { MetaConversionsModule } from '../meta-conversions';
import { InsightsController } from './api/insights.controller';
import { InsightsPullsModule } from './pulls/insights-pulls.module';
import { InsightsAdResults } from './reporting/insights-ad-results';
import { InsightsReportRepository } from './reporting/insights-report.repository';
import { InsightsReportService } from './reporting/insights-report.service';
import { InsightsSettingsRepository } from './reporting/insights-settings.repository';
import { InsightsSettingsService } from './reporting/insights-settings.service';

/**
 * MetaInsights: daily ad performance facts per ad account, level, object and breakdown. `pulls/` brings them from
 * Meta (schedules, backfill on connect, on demand; queue `meta-insights`, meta-insights.jobs.ts); the read side
 * (`reporting/`) joins them with the product's leads: lead-to-revenue per object, the dashboard's summary and the ROI
 * settings. It also gives MetaAds each campaign's, ad set's and ad's spend and leads (`InsightsAdResults`), and shows
 * next to each campaign the Conversions API events of its leads (MetaConversions' `ConversionsPerCampaign`).
 */
@Module({
  imports: [AuditModule, MetaAdsModule, InsightsPullsModule, MetaConversionsModule],
  controllers: [InsightsController],
  providers: [InsightsReportRepository, InsightsReportService, InsightsSettingsRepository, InsightsSettingsService, InsightsAdResults],
  exports: [InsightsPullsModule],
})
export class MetaInsightsModule {}
