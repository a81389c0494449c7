import { Controller, Get, Redirect, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetaAuthUrlResponse, Role, ROUTES } from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Public } from '../../../common/auth/public.decorator';
import { UserRoles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { MetaAuthUrlResponseDto } from '../dto/meta-responses.dto';
import { MetaConnectService } from './meta-connect.service';
import { CallbackOutcome, MetaOAuthCallbackGuard, OAuthCallbackOutcome } from './meta-oauth-callback.guard';

const R = ROUTES.metaIntegration;

/** Connecting a Meta account: the dialog URL for the console, and Meta's redirect back. */
@ApiTags('meta-integration')
@Controller(R.base)
export class MetaAuthController {
  constructor(private readonly connect: MetaConnectService) {}

  /** A console user, not an API key: the state is bound to the person who clicks Connect. */
  @Get(R.authUrl)
  @UserRoles(Role.Admin)
  @ApiOperation({
    summary: "Meta's login dialog URL with the product's scopes and a single-use, 10-minute state",
    description:
      'With META_LOGIN_CONFIG_ID set the URL carries the Facebook Login for Business `config_id` (with `response_type=code` and ' +
      '`override_default_response_type=true`) instead of a scope list; see docs/going-live.md.',
  })
  @ApiOkResponse({ type: MetaAuthUrlResponseDto })
  @ApiErrorResponses(401, 403)
  authUrl(@CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest): Promise<MetaAuthUrlResponse> {
    return this.connect.authorizationUrl(principal, req);
  }

  /** Public because Meta's redirect carries no credentials; the state proves who started the connect. */
  @Get(R.callback)
  @Public()
  @UseGuards(MetaOAuthCallbackGuard)
  @Redirect()
  @ApiOperation({
    summary: "Meta's OAuth redirect: stores the connection, then redirects to the console with ?result=…&missing=…",
  })
  @ApiFoundResponse({ description: 'Redirect to /integrations/meta?result=<MetaConnectResult>' })
  async callback(
    @OAuthCallbackOutcome() outcome: CallbackOutcome,
    @Req() req: FastifyRequest,
  ): Promise<{ url: string; statusCode: number }> {
    return { url: await this.connect.complete(outcome, req), statusCode: 302 };
  }
}
