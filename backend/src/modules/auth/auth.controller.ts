import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenResponse, CurrentUser, InvitationPreviewDto, MyOrganisationDto, REFRESH_COOKIE, Role, ROUTES } from '@legeai/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { UserRoles } from '../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { AuthCookies } from './auth-cookies';
import { Client, RefreshTokenCookie } from './auth-request.decorators';
import { AuthService } from './auth.service';
import { AccessTokenResponseDto, CurrentUserResponse } from './dto/access-token.response';
import { LoginDto } from './dto/login.dto';
import {
  AcceptInvitationDto,
  InvitationPreviewRequestDto,
  InvitationPreviewResponse,
  MyOrganisationResponse,
  SwitchOrganisationDto,
} from './dto/organisations.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { ClientContext } from '../sessions';

@ApiTags('auth')
@Controller(ROUTES.auth.base)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post(ROUTES.auth.login)
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description: `Returns a short-lived access token and sets the httpOnly \`${REFRESH_COOKIE}\` cookie. Rate limited per address and per account (429 with retryAfterSeconds).`,
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiErrorResponses(400, 401, 429)
  async login(
    @Body() body: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AccessTokenResponse> {
    const signedIn = await this.auth.login(body, client);
    if (signedIn.refresh) this.cookies.setRefresh(res, signedIn.refresh.token, signedIn.refresh.expiresAt);
    return signedIn.response;
  }

  @Post(ROUTES.auth.refresh)
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange the refresh cookie for a new access token',
    description: `Reads and rotates the httpOnly \`${REFRESH_COOKIE}\` cookie; without one, 204 (no session). A token rotated moments ago (within JWT_REFRESH_REUSE_GRACE seconds, e.g. by another tab refreshing at the same time) still gets an access token of the same session, without a new cookie. Presenting an already-used refresh token after that window ends the whole session.`,
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiNoContentResponse({ description: 'No refresh cookie was sent: there is no session to refresh (not an error)' })
  @ApiErrorResponses(401)
  async refresh(
    @RefreshTokenCookie() refreshToken: unknown,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AccessTokenResponse | void> {
    // The console cannot see its httpOnly cookie, so every signed-out page load asks; "no session" is an answer, not
    // an error a browser would log. A cookie that is expired, revoked or reused still gets 401.
    if (refreshToken === undefined || refreshToken === '') {
      void res.status(HttpStatus.NO_CONTENT);
      return;
    }
    const signedIn = await this.auth.refresh(refreshToken, client);
    if (signedIn.refresh) this.cookies.setRefresh(res, signedIn.refresh.token, signedIn.refresh.expiresAt);
    return signedIn.response;
  }

  @Post(ROUTES.auth.logout)
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End the session of the refresh cookie; its access tokens stop working too',
    description: `Reads the httpOnly \`${REFRESH_COOKIE}\` cookie and clears it. Always 204.`,
  })
  @ApiNoContentResponse()
  async logout(
    @RefreshTokenCookie() refreshToken: unknown,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(refreshToken, client);
    this.cookies.clearRefresh(res);
  }

  @Get(ROUTES.auth.me)
  @UserRoles(Role.Viewer)
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponse })
  @ApiErrorResponses(401, 403)
  me(@CurrentPrincipal() principal: Principal): Promise<CurrentUser> {
    return this.auth.me(principal);
  }

  @Post(ROUTES.auth.boardSession)
  @UserRoles(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set the lg_board cookie that opens Bull Board at /admin/queues (admins)' })
  @ApiNoContentResponse()
  @ApiErrorResponses(401, 403)
  async boardSession(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    const token = await this.auth.boardToken(principal);
    this.cookies.setBoard(res, token.token, token.expiresAt);
  }

  @Get(ROUTES.auth.organisations)
  @UserRoles(Role.Viewer)
  @ApiOperation({ summary: 'The organisations the signed-in user belongs to (for the organisation switcher)' })
  @ApiOkResponse({ type: [MyOrganisationResponse] })
  @ApiErrorResponses(401, 403)
  organisations(@CurrentPrincipal() principal: Principal): Promise<MyOrganisationDto[]> {
    return this.auth.organisations(principal);
  }

  @Post(ROUTES.auth.switchOrganisation)
  @UserRoles(Role.Viewer)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Switch to another of your organisations',
    description:
      "A new access token of the same session for that organisation; the session's refreshes follow it. Audited. " +
      'Not a member: 404; a suspended organisation: 403 organisation_suspended.',
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiErrorResponses(400, 401, 403, 404)
  switchOrganisation(@CurrentPrincipal() principal: Principal, @Body() body: SwitchOrganisationDto): Promise<AccessTokenResponse> {
    return this.auth.switchOrganisation(principal, body.organisationId);
  }

  @Post(ROUTES.auth.invitationPreview)
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    summary: 'What an invitation link is for, before accepting it',
    description: 'The token travels in the body (the link keeps it in its fragment), never in a URL. Unknown: 404; used or expired: 410.',
  })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiErrorResponses(400, 403, 404, 410, 429)
  previewInvitation(@Body() body: InvitationPreviewRequestDto): Promise<InvitationPreviewDto> {
    return this.auth.previewInvitation(body.token);
  }

  @Post(ROUTES.auth.invitationAccept)
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(LoginThrottlerGuard)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    summary: 'Accept an invitation and sign in to its organisation',
    description:
      `A new account gives its name and a password; an existing account its own password (401 when wrong, the sign-in lockout applies). ` +
      `Works once: a used or expired invitation answers 410. Sets the \`${REFRESH_COOKIE}\` cookie like a sign-in.`,
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 410, 429)
  async acceptInvitation(
    @Body() body: AcceptInvitationDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AccessTokenResponse> {
    const signedIn = await this.auth.acceptInvitation(body, client);
    if (signedIn.refresh) this.cookies.setRefresh(res, signedIn.refresh.token, signedIn.refresh.expiresAt);
    return signedIn.response;
  }
}
