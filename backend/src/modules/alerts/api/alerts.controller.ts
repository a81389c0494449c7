import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Role,
  ROUTES,
  type AlertListDto,
  type AlertSettingsDto,
  type MailMessageDto,
  type MailSummaryDto,
  type Page,
} from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { PageQueryDto } from '../../../common/paging/page-query.dto';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { AlertSettingsService } from '../settings/alert-settings.service';
import { AlertsReadService } from './alerts-read.service';
import { UpdateAlertSettingsBody } from './dto/alerts-requests.dto';
import { AlertListResponse, AlertSettingsResponse, MailMessageResponse, MailPageResponse } from './dto/alerts-responses.dto';

/** Admins: the organisation's alerts, their thresholds, and the mail outbox. */
@ApiTags('alerts')
@Controller()
export class AlertsController {
  constructor(
    private readonly read: AlertsReadService,
    private readonly settings: AlertSettingsService,
  ) {}

  @Get(ROUTES.alerts)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'listAlerts', summary: "The organisation's open alerts and those resolved in the last 14 days" })
  @ApiOkResponse({ type: AlertListResponse })
  @ApiErrorResponses(401, 403)
  alerts(@CurrentPrincipal() principal: Principal): Promise<AlertListDto> {
    return this.read.alertList(principal.organisationId);
  }

  @Get(ROUTES.alertSettings)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'getAlertSettings', summary: 'The thresholds of the failed and parked leads and failing syncs alerts' })
  @ApiOkResponse({ type: AlertSettingsResponse })
  @ApiErrorResponses(401, 403)
  getSettings(@CurrentPrincipal() principal: Principal): Promise<AlertSettingsDto> {
    return this.settings.get(principal.organisationId);
  }

  @Put(ROUTES.alertSettings)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'updateAlertSettings', summary: 'Changes the thresholds (those left out keep their value); audited' })
  @ApiOkResponse({ type: AlertSettingsResponse })
  @ApiErrorResponses(400, 401, 403)
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: UpdateAlertSettingsBody): Promise<AlertSettingsDto> {
    return this.settings.update(principal, body);
  }

  @Get(ROUTES.mailOutbox)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'listMailOutbox',
    summary: "The organisation's outgoing mails, newest first (kept here when no SMTP server is configured)",
  })
  @ApiOkResponse({ type: MailPageResponse })
  @ApiErrorResponses(400, 401, 403)
  mails(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<MailSummaryDto>> {
    return this.read.mailPage(principal.organisationId, query);
  }

  @Get(`${ROUTES.mailOutbox}/:id`)
  @Roles(Role.Admin)
  @ApiOperation({ operationId: 'getMail', summary: 'One outgoing mail with its text' })
  @ApiOkResponse({ type: MailMessageResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  mail(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MailMessageDto> {
    return this.read.mail(principal.organisationId, id);
  }
}
