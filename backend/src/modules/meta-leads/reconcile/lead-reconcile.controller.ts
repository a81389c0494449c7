import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, ROUTES, SendTestLeadResult, SyncLeadsResult } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { SendTestLeadResponse, SyncLeadsDto, SyncLeadsResponse } from './dto/sync-leads.dto';
import { SyncLeadsService } from './sync-leads.service';
import { TestLeadService } from './test-lead.service';

const R = ROUTES.metaIntegration;

/** On-demand lead sync and test leads; managers and admins. */
@ApiTags('meta-integration')
@Controller(R.base)
export class LeadReconcileController {
  constructor(
    private readonly syncLeads: SyncLeadsService,
    private readonly testLeads: TestLeadService,
  ) {}

  @Post(R.syncLeads)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Manager)
  @ApiOperation({
    summary: "Read a form's leads from Meta now (window: from/to, or since its watermark) and store the missing ones",
    description:
      '409 while the connection needs a reconnect, or while its Graph calls are paused after repeated failures (the message says until when).',
  })
  @ApiOkResponse({ type: SyncLeadsResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 502)
  sync(@CurrentPrincipal() principal: Principal, @Body() body: SyncLeadsDto): Promise<SyncLeadsResult> {
    return this.syncLeads.syncNow(principal, body);
  }

  @Post(`${R.leadForms}/:id/${R.testLead}`)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Manager)
  @ApiOperation({ summary: 'Send a test lead to the form (replacing its earlier test lead); it arrives through the webhook' })
  @ApiOkResponse({ type: SendTestLeadResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 502)
  testLead(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SendTestLeadResult> {
    return this.testLeads.send(principal, id);
  }
}
