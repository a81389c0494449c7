import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LeadDetailDto, LeadPage, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { LeadFilterDto, LeadListQueryDto } from './dto/lead-list-query.dto';
import { LeadDetailResponse, LeadSummaryPageResponse } from './dto/lead.response';
import { ReopenLeadDto } from './dto/reopen-lead.dto';
import { UpdateLeadStatusDto } from './dto/update-lead-status.dto';
import { LeadReopenService } from './lead-reopen.service';
import { LeadExportFormat, LeadsExportService } from './leads-export.service';
import { LeadsService } from './leads.service';

const EXPORT_DESCRIPTION =
  'Same filters as the list, no paging; streamed. Columns: the lead, contact, address, platform, Page, form, ' +
  'campaign, ad set and ad by id and name, Meta lead id, consent (time, disclaimer, each checkbox with its text, ' +
  'privacy policy), then every answer under its question label. Needs the contact details permission (admins, ' +
  'managers, viewers an admin granted it; else 403). Each export is audited (lead.exported).';

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
    private readonly reopening: LeadReopenService,
  ) {}

  @Get()
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'Search and filter leads, newest first; test leads are left out unless includeTest=true',
    description:
      'Emails and phones are masked for callers without the contact details permission. For deep pages pass the previous ' +
      "page's nextCursor as cursor (same filters): it costs what the first page costs, where a large offset has to skip " +
      'every row before it. total is exact up to 1,000 leads and an estimate beyond (totalExact: false). A page with ' +
      'fewer rows than limit (not by cursor) gives its exact total without a count. A text search (q) is counted over the ' +
      'newest 5,000 leads of the list without it: exact when that list is no longer, otherwise its share there scales ' +
      "that list's total (an estimate; the database's own guess for a substring match is far off). Estimates are reused for 30 s per filter; " +
      "a cursor page reuses its filter's estimate, so keep the first page's total while paging.",
  })
  @ApiOkResponse({ type: LeadSummaryPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: LeadListQueryDto): Promise<LeadPage> {
    return this.leads.list(principal, query);
  }

  // Declared before `:id`, which would otherwise claim "export.csv".
  @Get(ROUTES.leadsExport)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'Download the filtered leads as CSV (for programs)',
    description:
      EXPORT_DESCRIPTION +
      ' UTF-8 with a byte order mark, RFC 4180 quoting. A cell starting with = + - @, ' +
      "tab or CR gets a leading ' so spreadsheets do not run it as a formula, unless it is a plain number or phone " +
      '(an optional + or -, then only digits, spaces and . , ( ) / -), which stays as it is. For a spreadsheet, use export.xlsx.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file (attachment)', schema: { type: 'string' } })
  @ApiErrorResponses(400, 401, 403)
  exportCsv(@CurrentPrincipal() principal: Principal, @Query() filter: LeadFilterDto): Promise<StreamableFile> {
    return this.download(principal, filter, 'csv');
  }

  @Get(ROUTES.leadsExportXlsx)
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'Download the filtered leads as an XLSX workbook (for spreadsheets)',
    description:
      EXPORT_DESCRIPTION + ' Every cell is text: phones, ids and answers open exactly as stored, and no cell ' + 'can be a formula.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'XLSX file (attachment)', schema: { type: 'string', format: 'binary' } })
  @ApiErrorResponses(400, 401, 403)
  exportXlsx(@CurrentPrincipal() principal: Principal, @Query() filter: LeadFilterDto): Promise<StreamableFile> {
    return this.download(principal, filter, 'xlsx');
  }

  @Get(':id')
  @Roles(Role.Viewer)
  @ApiOperation({
    summary: 'One lead with answers under their question labels, consent text, attribution and status history',
    description:
      'Contact details are masked (contactMasked: true) for callers without the contact details ' +
      'permission; an unmasked view is audited as lead.contact_viewed.',
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadDetailDto> {
    return this.leads.get(principal, id);
  }

  @Patch(`:id/${ROUTES.leadStatus}`)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: 'Move a lead along the pipeline, optionally with its premium; or correct the premium',
    description:
      'Allowed: forward one or more steps, to lost from any open state; won and lost are left only by ' +
      'POST reopen. Other moves get 409 naming the allowed ones. Won needs premiumValue, or premiumUnknown: true ' +
      "(400 otherwise). A premium without premiumCurrency is in the lead's currency: its Page's ad account " +
      "currency, else the organisation's default; with neither, 400 asks for it. The current status with a " +
      'different premium corrects the premium (audited as lead.premium_changed; the status and its time stay); the ' +
      'current status with nothing to change is a no-op that answers 200 with the lead as it is. Every change is ' +
      "kept in the lead's statusHistory.",
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

  @Post(`:id/${ROUTES.leadReopen}`)
  @HttpCode(200)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: 'Reopen a won or lost lead, with a reason',
    description:
      'Back to the open status it had before it was closed, or the one named. 409 when the lead is not ' +
      "won or lost. The reason goes into the lead's statusHistory; audited as lead.reopened with before and after.",
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  reopen(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReopenLeadDto,
  ): Promise<LeadDetailDto> {
    return this.reopening.reopen(principal, id, body);
  }

  private async download(principal: Principal, filter: LeadFilterDto, format: LeadExportFormat): Promise<StreamableFile> {
    const { filename, contentType, stream } = await this.exports.export(principal, filter, format);
    return new StreamableFile(stream, { type: contentType, disposition: `attachment; filename=${filename}` });
  }
}
