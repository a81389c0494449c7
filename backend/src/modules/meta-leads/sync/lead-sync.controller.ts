import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Role,
  ROUTES,
  type LeadPipelineSummaryDto,
  type LeadSyncDto,
  type MetaActivityDto,
  type Page,
  type ReplayLeadSyncsResult,
} from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import type { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { LeadPipelineSummaryQueryDto } from './dto/lead-pipeline-summary-query.dto';
import { LeadPipelineSummaryResponseDto } from './dto/lead-pipeline-summary.response.dto';
import { LeadSyncListQueryDto } from './dto/lead-sync-list-query.dto';
import { ReplayLeadSyncsDto } from './dto/replay-lead-syncs.dto';
import { LeadPipelineSummaryService } from './lead-pipeline-summary.service';
import { LeadSyncQueryService } from './lead-sync-query.service';
import { LeadSyncReplayService } from './lead-sync-replay.service';
import { MetaActivityService } from './meta-activity.service';

const R = ROUTES.metaIntegration;

/** The lead pipeline as the console sees it: each lead's timeline, replays, and recent activity. */
@ApiTags('meta-lead-syncs')
@Controller(R.base)
export class LeadSyncController {
  constructor(
    private readonly syncs: LeadSyncQueryService,
    private readonly replays: LeadSyncReplayService,
    private readonly activityService: MetaActivityService,
    private readonly pipelineSummary: LeadPipelineSummaryService,
  ) {}

  @Get(R.leadPipelineSummary)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary:
      "The Overview's numbers: leads received today and this week (in `tz`, the week from Monday) by where each is now " +
      '(stored, duplicate, pending, failed, parked, skipped), and the connection state',
  })
  @ApiOkResponse({ type: LeadPipelineSummaryResponseDto })
  @ApiErrorResponses(400, 401, 403)
  summary(@CurrentPrincipal() principal: Principal, @Query() query: LeadPipelineSummaryQueryDto): Promise<LeadPipelineSummaryDto> {
    return this.pipelineSummary.summary(principal.organisationId, query.tz);
  }

  @Get(R.leadSyncs)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary:
      "Lead syncs with their timeline and their Page's and form's names, newest activity first; filter by state (e.g. failed) or by Meta's leadgen id",
  })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: LeadSyncListQueryDto): Promise<Page<LeadSyncDto>> {
    return this.syncs.list(principal.organisationId, query);
  }

  @Post(`${R.leadSyncs}/${R.leadSyncReplay}`)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Manager)
  @ApiOperation({ summary: 'Replay every failed or every parked lead; never creates a duplicate' })
  @ApiErrorResponses(400, 401, 403)
  replayAll(@CurrentPrincipal() principal: Principal, @Body() body: ReplayLeadSyncsDto): Promise<ReplayLeadSyncsResult> {
    return this.replays.replayState(principal, body.state);
  }

  @Get(`${R.leadSyncs}/:id`)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: "One lead's timeline: received → fetched → mapped → stored, or the error and a hint" })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadSyncDto> {
    return this.syncs.get(principal.organisationId, id);
  }

  @Post(`${R.leadSyncs}/:id/${R.leadSyncReplay}`)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Manager)
  @ApiOperation({ summary: 'Run one lead through the pipeline again; never creates a duplicate' })
  @ApiErrorResponses(400, 401, 403, 404)
  replay(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadSyncDto> {
    return this.replays.replayOne(principal, id);
  }

  @Get(R.activity)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'Recent webhook deliveries for the organisation’s pages, queue depth, lead syncs by state',
    description:
      'Deliveries naming one of the organisation’s Pages, quarantined ones included (with the reason). Admins also see quarantined ' +
      'deliveries that name no Page at all: webhooks are app-wide, so those cannot be attributed to an organisation. ' +
      'Admins also get `unknownPages`: Pages not connected here that Meta delivered leads for in the last 7 days (how many ' +
      'deliveries, the last one); empty for other roles. `deliveries` holds the last 50; `syncs` counts all time. Each queue’s ' +
      '`completed` counts the completed jobs it keeps, over the window `completedKept` gives (a count and/or an age in seconds): ' +
      'the last 1,000 of 7 days with the queues on Redis, the last day on PostgreSQL.',
  })
  @ApiErrorResponses(401, 403)
  activity(@CurrentPrincipal() principal: Principal): Promise<MetaActivityDto> {
    return this.activityService.activity(principal.organisationId, principal.role);
  }
}
