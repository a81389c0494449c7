import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Role,
  ROUTES,
  type CapiDatasetDto,
  type CapiEventDto,
  type CapiOverviewDto,
  type CapiReplayResult,
  type CapiSettingsDto,
  type Page,
} from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { CapiSetupService } from '../setup/capi-setup.service';
import { CapiEventsService } from '../visibility/capi-events.service';
import {
  CapiDatasetQueryDto,
  CapiEventListQueryDto,
  CapiOverviewQueryDto,
  CapiReplayBody,
  CapiSettingsBody,
  CreateCapiDatasetBody,
} from './dto/capi-requests.dto';
import {
  CapiDatasetResponse,
  CapiEventPageResponse,
  CapiOverviewResponse,
  CapiReplayResponse,
  CapiSettingsResponse,
} from './dto/capi-responses.dto';

const R = ROUTES.metaIntegration;

/**
 * MetaConversions: lead stages sent back to Meta through the Conversions API for CRM
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/). Viewers read;
 * managers replay failed events; admins change the setup.
 */
@ApiTags('meta-conversions')
@Controller(R.base)
export class MetaConversionsController {
  constructor(
    private readonly setup: CapiSetupService,
    private readonly events: CapiEventsService,
  ) {}

  @Get(R.conversionsSettings)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getConversionsSettings', summary: 'The Conversions API setup: dataset, event names, sending on or off' })
  @ApiOkResponse({ type: CapiSettingsResponse })
  @ApiErrorResponses(401, 403)
  settings(@CurrentPrincipal() principal: Principal): Promise<CapiSettingsDto> {
    return this.setup.get(principal.organisationId);
  }

  @Put(R.conversionsSettings)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'updateConversionsSettings',
    summary: 'Choose the dataset, name the event of each lead status, turn sending on or off, opt organic and test leads in',
  })
  @ApiOkResponse({ type: CapiSettingsResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: CapiSettingsBody): Promise<CapiSettingsDto> {
    return this.setup.update(principal, body);
  }

  @Get(R.conversionsDatasets)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'listConversionsDatasets', summary: "The ad account's datasets (pixels), read from Meta" })
  @ApiOkResponse({ type: [CapiDatasetResponse] })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 502)
  datasets(@CurrentPrincipal() principal: Principal, @Query() query: CapiDatasetQueryDto): Promise<CapiDatasetDto[]> {
    return this.setup.listDatasets(principal.organisationId, query.adAccountId);
  }

  @Post(R.conversionsDatasets)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'createConversionsDataset', summary: 'Create a dataset (pixel) in the ad account at Meta' })
  @ApiCreatedResponse({ type: CapiDatasetResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 502)
  createDataset(@CurrentPrincipal() principal: Principal, @Body() body: CreateCapiDatasetBody): Promise<CapiDatasetDto> {
    return this.setup.createDataset(principal, body);
  }

  @Get(R.conversionsEvents)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listConversionsEvents',
    summary: "Events sent or to send, newest change first, with Meta's answer; filter by lead, status or state",
  })
  @ApiOkResponse({ type: CapiEventPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: CapiEventListQueryDto): Promise<Page<CapiEventDto>> {
    return this.events.list(principal.organisationId, query);
  }

  @Get(R.conversionsOverview)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'getConversionsOverview',
    summary: 'Events sent, accepted, failed and expired per day and stage, with the reasons of failures',
  })
  @ApiOkResponse({ type: CapiOverviewResponse })
  @ApiErrorResponses(400, 401, 403)
  overview(@CurrentPrincipal() principal: Principal, @Query() query: CapiOverviewQueryDto): Promise<CapiOverviewDto> {
    return this.events.overview(principal.organisationId, query.days);
  }

  @Post(R.conversionsReplay)
  @HttpCode(202)
  @Roles(Role.Manager)
  @ApiOperation({ operationId: 'replayConversionsEvents', summary: 'Send failed events again, with the same event ids' })
  @ApiAcceptedResponse({ type: CapiReplayResponse })
  @ApiErrorResponses(400, 401, 403)
  replay(@CurrentPrincipal() principal: Principal, @Body() body: CapiReplayBody): Promise<CapiReplayResult> {
    return this.events.replay(principal, body.ids);
  }
}
