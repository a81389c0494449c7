import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DuplicateSettingsDto, LeadDetailDto, LeadDuplicatesDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { DuplicateSettingsService } from './duplicate-settings.service';
import { DuplicateSettingsResponse, LeadDuplicatesResponse, NotDuplicateDto, UpdateDuplicateSettingsDto } from './dto/lead-duplicates.dto';
import { LeadDetailResponse } from './dto/lead.response';
import { LeadDuplicatesService } from './lead-duplicates.service';

/** A lead's duplicate links, and what an agent decides about them. */
@ApiTags('leads')
@Controller(ROUTES.leads)
export class LeadDuplicatesController {
  constructor(private readonly duplicates: LeadDuplicatesService) {}

  @Get(`:id/${ROUTES.leadDuplicates}`)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: "The lead's original (when it is linked to one) and the leads linked to it as duplicates" })
  @ApiOkResponse({ type: LeadDuplicatesResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadDuplicatesDto> {
    return this.duplicates.list(principal, id);
  }

  @Post(`:id/${ROUTES.leadNotDuplicate}`)
  @HttpCode(200)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: 'Not a duplicate: unlink this lead and otherLeadId (either side of the link), with an optional reason',
    description:
      'The pair is remembered: matching never links these two again. Also how a possible duplicate is dismissed. ' +
      '409 when the two are not linked. Audited as lead.duplicate_dismissed with the link before and after. ' +
      'Answers this lead as the drawer shows it.',
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  notDuplicate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NotDuplicateDto,
  ): Promise<LeadDetailDto> {
    return this.duplicates.notDuplicate(principal, id, body);
  }

  @Post(`:id/${ROUTES.leadConfirmDuplicate}`)
  @HttpCode(200)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: 'Confirm a possible duplicate: it becomes a duplicate of its original',
    description: '409 when the lead is not a possible duplicate. Audited as lead.duplicate_confirmed with before and after.',
  })
  @ApiOkResponse({ type: LeadDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadDetailDto> {
    return this.duplicates.confirm(principal, id);
  }
}

/** The organisation's person-matching rule: everyone reads it, admins change it. */
@ApiTags('leads')
@Controller(ROUTES.leadDuplicateSettings)
export class DuplicateSettingsController {
  constructor(private readonly settings: DuplicateSettingsService) {}

  @Get()
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'The person-matching rule: what makes a new lead a duplicate or a possible duplicate of an earlier one' })
  @ApiOkResponse({ type: DuplicateSettingsResponse })
  @ApiErrorResponses(401, 403)
  get(@CurrentPrincipal() principal: Principal): Promise<DuplicateSettingsDto> {
    return this.settings.get(principal);
  }

  @Put()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Change the person-matching rule (admins)',
    description:
      'Each signal (same email; same phone and name; same phone only) is a duplicate, a possible duplicate or ignored, ' +
      'within windowDays. phoneOnly may not weigh more than phoneAndName (400). Applies to leads arriving after ' +
      'the change; stored leads keep their links. Audited as lead_duplicate_settings.updated with before and after.',
  })
  @ApiOkResponse({ type: DuplicateSettingsResponse })
  @ApiErrorResponses(400, 401, 403)
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateDuplicateSettingsDto): Promise<DuplicateSettingsDto> {
    return this.settings.update(principal, body);
  }
}
