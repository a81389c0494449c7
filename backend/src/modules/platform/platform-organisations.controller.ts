import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatedInvitationDto, PendingInvitationDto, PlatformOrganisationDto, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { PlatformAdmins } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import {
  CreatedInvitationResponse,
  CreateInvitationDto,
  CreateOrganisationDto,
  PendingInvitationResponse,
  PlatformOrganisationResponse,
} from './dto/platform-organisation.dto';
import { OrganisationInvitationsService } from './invitations/organisation-invitations.service';
import { PlatformOrganisationsService } from './platform-organisations.service';

const R = ROUTES.platform;

/** The deployment's organisations, for platform administrators; none of their data is reachable here. */
@ApiTags('platform')
@Controller(R.base)
@PlatformAdmins()
export class PlatformOrganisationsController {
  constructor(
    private readonly organisations: PlatformOrganisationsService,
    private readonly invitations: OrganisationInvitationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every organisation of the deployment, with its state and member count (platform administrators)' })
  @ApiOkResponse({ type: [PlatformOrganisationResponse] })
  @ApiErrorResponses(401, 403)
  list(): Promise<PlatformOrganisationDto[]> {
    return this.organisations.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create an organisation (no members yet: invite its first admin next)' })
  @ApiCreatedResponse({ type: PlatformOrganisationResponse })
  @ApiErrorResponses(400, 401, 403)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganisationDto): Promise<PlatformOrganisationDto> {
    return this.organisations.create(principal, body.name);
  }

  @Post(`:id/${R.suspend}`)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Suspend an organisation',
    description:
      'Its members cannot sign in to it and their tokens for it stop working; its API keys get 403 organisation_suspended; ' +
      'its leads arriving by webhook are acknowledged and parked, to be replayed after reactivation; its scheduled syncs skip it. ' +
      'The organisation you are signed in to cannot be suspended (409).',
  })
  @ApiOkResponse({ type: PlatformOrganisationResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  suspend(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PlatformOrganisationDto> {
    return this.organisations.suspend(principal, id);
  }

  @Post(`:id/${R.reactivate}`)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reactivate a suspended organisation' })
  @ApiOkResponse({ type: PlatformOrganisationResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  reactivate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PlatformOrganisationDto> {
    return this.organisations.reactivate(principal, id);
  }

  @Post(`:id/${R.invitations}`)
  @ApiOperation({
    summary: "Invite an organisation's admin by a single-use link",
    description:
      'The link expires after INVITATION_TTL_HOURS and works once. Its token is in this response only (only a hash is ' +
      'stored): show it once. A new account sets its name and password on accepting; an existing one signs in.',
  })
  @ApiCreatedResponse({ type: CreatedInvitationResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(principal, id, body.email);
  }

  @Get(`:id/${R.invitations}`)
  @ApiOperation({
    summary: "The organisation's pending invitations",
    description: 'Neither accepted, revoked nor expired; newest first. Their tokens are never shown again.',
  })
  @ApiOkResponse({ type: [PendingInvitationResponse] })
  @ApiErrorResponses(400, 401, 403, 404)
  pendingInvitations(@Param('id', ParseUUIDPipe) id: string): Promise<PendingInvitationDto[]> {
    return this.invitations.listPending(id);
  }

  @Delete(`:id/${R.invitations}/:invitationId`)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Revoke an invitation before it is used',
    description:
      'Its link then answers 410 like a used one (audited `invitation.revoked`). An invitation of another organisation ' +
      'is 404; one already used is 409; revoking one already revoked changes nothing.',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  revokeInvitation(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(principal, id, invitationId);
  }
}
