import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetaConnectionStatus, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { MetaConnectionStatusDto } from '../dto/meta-responses.dto';
import { MetaConnectionStatusService } from './meta-connection-status.service';
import { MetaConnectionService } from './meta-connection.service';

const R = ROUTES.metaIntegration;

/** The organisation's Meta connection: viewers read it, admins check, refresh or disconnect it. */
@ApiTags('meta-integration')
@Controller(R.base)
export class MetaConnectionController {
  constructor(
    private readonly statuses: MetaConnectionStatusService,
    private readonly connection: MetaConnectionService,
  ) {}

  @Get(R.status)
  @Roles(Role.Viewer)
  @ApiOperation({ summary: 'Connection status, the health checks of the last run, and whether Meta calls are paused now' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403)
  status(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    return this.statuses.status(principal.organisationId);
  }

  @Post(R.statusCheck)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Run the connection health check now; answers the new status' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404, 502)
  async check(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.checkNow(principal);
    return this.statuses.status(principal.organisationId);
  }

  @Post(R.refresh)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Re-discover ad accounts, pages and lead forms; answers the new status',
    description:
      'A Page another organisation of this deployment has connected is left inactive here and named in a 409 ' +
      'page_connected_elsewhere (the rest is refreshed all the same).',
  })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404, 409, 502)
  async refresh(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.refresh(principal);
    return this.statuses.status(principal.organisationId);
  }

  @Post(R.disconnect)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Revoke the permissions at Meta, unsubscribe the pages and wipe the tokens; leads and history stay' })
  @ApiOkResponse({ type: MetaConnectionStatusDto })
  @ApiErrorResponses(401, 403, 404)
  async disconnect(@CurrentPrincipal() principal: Principal): Promise<MetaConnectionStatus> {
    await this.connection.disconnect(principal);
    return this.statuses.status(principal.organisationId);
  }
}
