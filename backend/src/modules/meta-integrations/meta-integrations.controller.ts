import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetaAdAccountDto, MetaConnectionStatus, MetaLeadFormDto, MetaPageDto, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import {
  MetaAdAccountResponse,
  MetaConnectionStatusDto,
  MetaLeadFormResponse,
  MetaPageResponse,
} from '../meta-auth/dto/meta-responses.dto';
import { UpdateLeadFormDto } from '../meta-assets/dto/update-lead-form.dto';
import { MetaConnectionService } from '../meta-auth/connection/meta-connection.service';
import { MetaIntegrationsService } from './meta-integrations.service';

const R = ROUTES.metaIntegration;

/** The organisation's Meta connection: viewers read it, admins change it. */
@ApiTags('meta-integration')
@Controller(R.base)
export class MetaIntegrationsController {
  constructor(
    private readonly integrations: MetaIntegrationsService,
    private readonly connection: MetaConnectionService,
  ) {}

  @Get(R.status)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Connection status, the health checks of the last run, and whether Meta calls are paused now' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403)
  status(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    return this.integrations.status(principal.organisationId);
  }

  @Post(R.statusCheck)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Run the connection health check now; answers the new status' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404, 502)
  async check(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.checkNow(principal);
    return this.integrations.status(principal.organisationId);
  }

  @Post(R.refresh)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Re-discover ad accounts, pages and lead forms; answers the new status' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404, 409, 502)
  async refresh(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.refresh(principal);
    return this.integrations.status(principal.organisationId);
  }

  @Post(R.disconnect)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Revoke the permissions at Meta, unsubscribe the pages and wipe the tokens; leads and history stay' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404)
  async disconnect(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.disconnect(principal);
    return this.integrations.status(principal.organisationId);
  }

  @Get(R.adAccounts)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Ad accounts the connection reaches (inactive ones are no longer reachable)' })
  @ApiOkResponse({ type: [MetaAdAccountResponse] })
  @ApiErrorResponses(401, 403)
  adAccounts(@CurrentPrincipal() principal: Principal): Promise<MetaAdAccountDto[]> {
    return this.integrations.listAdAccounts(principal.organisationId);
  }

  @Get(R.pages)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Pages the connection reaches, with their leadgen webhook subscription state' })
  @ApiOkResponse({ type: [MetaPageResponse] })
  @ApiErrorResponses(401, 403)
  pages(@CurrentPrincipal() principal: Principal): Promise<MetaPageDto[]> {
    return this.integrations.listPages(principal.organisationId);
  }

  @Get(R.leadForms)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Lead forms of the connected pages' })
  @ApiOkResponse({ type: [MetaLeadFormResponse] })
  @ApiErrorResponses(401, 403)
  leadForms(@CurrentPrincipal() principal: Principal): Promise<MetaLeadFormDto[]> {
    return this.integrations.listLeadForms(principal.organisationId);
  }

  @Patch(`${R.leadForms}/:id`)
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Turn automatic lead sync of a form on or off" })
  @ApiOkResponse({ type: MetaLeadFormResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  updateLeadForm(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateLeadFormDto,
  ): Promise<MetaLeadFormDto> {
    return this.integrations.updateLeadForm(principal, id, body);
  }
}
