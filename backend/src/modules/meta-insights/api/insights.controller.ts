import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, ROUTES, type InsightsPage, type InsightsSettingsDto, type InsightsSummaryDto } from '@legeai/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { insightsCsv } from '../reporting/insights-csv';
import { InsightsReportService } from '../reporting/insights-report.service';
import { InsightsSettingsService } from '../reporting/insights-settings.service';
import { InsightsQueryDto, InsightsSettingsBodyDto, InsightsSummaryQueryDto } from './dto/insights-queries.dto';
import { InsightsPageResponse, InsightsSettingsResponse, InsightsSummaryResponse } from './dto/insights-responses.dto';

const R = ROUTES.metaIntegration;

/**
 * MetaInsights, the read side: Meta's daily facts next to what the product's own leads became (qualified, won,
 * premium), per account, campaign, ad set and ad; the dashboard's summary; the ROI settings. Viewers read; admins
 * change the settings.
 */
@ApiTags('meta-insights')
@Controller(R.base)
export class InsightsController {
  constructor(
    private readonly report: InsightsReportService,
    private readonly settings: InsightsSettingsService,
  ) {}

  @Get(R.insights)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listInsights',
    summary: 'Facts and lead outcomes per object over a date range: CPL, cost per qualified and per won policy, premium, ROI',
    description:
      "Days are the ad account's calendar days. Stored leads count on the local day Meta created them, by the ad, ad set " +
      'or campaign they came from; organic and test leads never count. A ratio with a zero denominator is null. Reach ' +
      'is null over more than one day (Meta deduplicates it; it is never summed). format=csv answers every row as a ' +
      "download (UTF-8 with a byte order mark, RFC 4180; a cell starting with = + - @, tab or CR gets a leading ').",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: InsightsPageResponse })
  @ApiErrorResponses(400, 401, 403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: InsightsQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<InsightsPage | StreamableFile> {
    if (query.format !== 'csv') return this.report.rows(principal.organisationId, query);
    const page = await this.report.rows(principal.organisationId, query, true);
    const name = `insights-${query.level ?? 'campaign'}-${page.range.since}-${page.range.until}.csv`;
    void res.header('Content-Disposition', `attachment; filename="${name}"`);
    return new StreamableFile(Buffer.from(insightsCsv(page), 'utf8'), { type: 'text/csv; charset=utf-8' });
  }

  @Get(R.insightsSummary)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'insightsSummary',
    summary: "The Ads dashboard: totals against the previous period, daily spend and leads, the funnel, and the data's freshness",
    description:
      'Totals are in one currency (the one most was spent in); accounts in other currencies are named in ' +
      'otherCurrencies and left out. The last restatementWindowDays days may still change as Meta restates conversions.',
  })
  @ApiOkResponse({ type: InsightsSummaryResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  summary(@CurrentPrincipal() principal: Principal, @Query() query: InsightsSummaryQueryDto): Promise<InsightsSummaryDto> {
    return this.report.summary(principal.organisationId, query);
  }

  @Get(R.insightsSettings)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getInsightsSettings', summary: 'What ROI is computed on: premium, or commission at a rate' })
  @ApiOkResponse({ type: InsightsSettingsResponse })
  @ApiErrorResponses(401, 403)
  getSettings(@CurrentPrincipal() principal: Principal): Promise<InsightsSettingsDto> {
    return this.settings.get(principal.organisationId);
  }

  @Put(R.insightsSettings)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'updateInsightsSettings', summary: 'Choose what ROI is computed on (admins; audited)' })
  @ApiOkResponse({ type: InsightsSettingsResponse })
  @ApiErrorResponses(400, 401, 403)
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: InsightsSettingsBodyDto): Promise<InsightsSettingsDto> {
    return this.settings.update(principal, body);
  }
}
