import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, ROUTES, type InsightAccountStateDto, type InsightPullDto, type Page } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { pageOf } from '../../../common/paging/page-query.dto';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { InsightsPullQueue } from '../pulls/insights-pull-queue.service';
import { InsightAccountsRepository } from '../repositories/insight-accounts.repository';
import { InsightPullsRepository } from '../repositories/insight-pulls.repository';
import {
  InsightAccountStateResponse,
  InsightPullListQueryDto,
  InsightPullPageResponse,
  InsightPullRequestDto,
  InsightPullResponse,
} from './dto/insight-pulls.dto';

const R = ROUTES.metaIntegration;

/**
 * The operations side of MetaInsights: pull now, the recent pulls with what each cost, and each ad account's pull
 * state. Viewers read; managers and admins pull.
 */
@ApiTags('meta-insights')
@Controller(R.base)
export class InsightsPullsController {
  constructor(
    private readonly queue: InsightsPullQueue,
    private readonly pulls: InsightPullsRepository,
    private readonly accountStates: InsightAccountsRepository,
  ) {}

  @Post(R.insightsPulls)
  @HttpCode(202)
  @Roles(Role.Manager)
  @ApiOperation({
    operationId: 'pullInsights',
    summary: 'Pull insights now: one ad account (or every active one), over a range or the lookback window; answers the queued pulls',
  })
  @ApiAcceptedResponse({ type: [InsightPullResponse] })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  pull(@CurrentPrincipal() principal: Principal, @Body() body: InsightPullRequestDto): Promise<InsightPullDto[]> {
    return this.queue.enqueueOnDemand(principal.organisationId, body);
  }

  @Get(R.insightsPulls)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listInsightPulls',
    summary: 'Recent insights pulls, newest first: range, status, Graph requests, report runs, splits, rows',
  })
  @ApiOkResponse({ type: InsightPullPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: InsightPullListQueryDto): Promise<Page<InsightPullDto>> {
    return this.pulls.list(
      principal.organisationId,
      { adAccountId: query.adAccountId, status: query.status, trigger: query.trigger },
      pageOf(query),
    );
  }

  @Get(R.insightsAccounts)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listInsightAccounts',
    summary: "Each ad account's insights state: time zone, currency, attribution setting, backfill, data as of, throttle, last error",
  })
  @ApiOkResponse({ type: [InsightAccountStateResponse] })
  @ApiErrorResponses(401, 403)
  accounts(@CurrentPrincipal() principal: Principal): Promise<InsightAccountStateDto[]> {
    return this.accountStates.list(principal.organisationId);
  }
}
