import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LeadDetailDto, LeadSummaryDto, Page, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { LeadFilterDto, LeadListQueryDto } from './dto/lead-list-query.dto';
import { LeadDetailResponse, LeadSummaryPageResponse } from './dto/lead.response';
import { UpdateLeadStatusDto } from './dto/update-lead-status.dto';
import { LeadsExportService } from './leads-export.service';
import { LeadsService } from './leads.service';

/**
 * The organisation's lead store: anyone signed in (or an API key) reads; managers move leads through the pipeline.
 * Roles sit on each handler: a class-level @Roles plus a handler's own would list every security scheme twice.
 */
@ApiTags('leads')
@Controller(ROUTES.leads)
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly exports: LeadsExportService,
  ) {}

  @Get()
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Search and filter leads, newest first; test leads are left out unless includeTest=true' })
  @ApiOkResponse({ type: LeadSummaryPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: LeadListQueryDto): Promise<Page<LeadSummaryDto>> {
    return this.leads.list(principal, query);
  }

  // Declared before `:id`, which would otherwise claim "export.csv".
  @Get(ROUTES.leadsExport)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'Download the filtered leads as CSV',
    description: 'Same filters as the list, no paging. UTF-8 with a byte order mark, RFC 4180 quoting; cells starting ' +
      "with = + - @ are prefixed with ' so spreadsheets do not run them as formulas. Each export is audited.",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file (attachment)', schema: { type: 'string' } })
  @ApiErrorResponses(400, 401, 403)
  export(@CurrentPrincipal() principal: Principal, @Query() filter: LeadFilterDto): StreamableFile {
    const { filename, stream } = this.exports.export(principal, filter);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename=${filename}` });
  }

  @Get(':id')
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'One lead with answers, consent, attribution and its Meta leadgen id' })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadDetailDto> {
    return this.leads.get(principal, id);
  }

  @Patch(`:id/${ROUTES.leadStatus}`)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: 'Move a lead along the pipeline, optionally with its premium; or correct the premium',
    description: 'Allowed: forward one or more steps, to lost from any open state, lost → new. Other moves get 409 ' +
      'naming the allowed ones. The current status with a different premiumValue and/or premiumCurrency corrects ' +
      'the premium (audited as lead.premium_changed; the status and its time stay); the current status with nothing ' +
      'to change is a no-op that answers 200 with the lead as it is.',
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLeadStatusDto,
  ): Promise<LeadDetailDto> {
    return this.leads.changeStatus(principal, id, body);
  }
}
