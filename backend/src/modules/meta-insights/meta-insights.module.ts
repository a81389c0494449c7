import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { InsightsController } from './api/insights.controller';
import { InsightsReportRepository } from './reporting/insights-report.repository';
import { InsightsReportService } from './reporting/insights-report.service';
import { InsightsSettingsRepository } from './reporting/insights-settings.repository';
import { InsightsSettingsService } from './reporting/insights-settings.service';

/**
 * MetaInsights: daily insight facts of the connected ad accounts and, on the read side (reporting/), their join with
 * the product's leads: lead-to-revenue per object, the dashboard's summary and the ROI settings.
 */
@Module({
  imports: [AuditModule],
  controllers: [InsightsController],
  providers: [InsightsReportRepository, InsightsReportService, InsightsSettingsRepository, InsightsSettingsService],
})
export class MetaInsightsModule {}
