import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AccessTokenResponse, CurrentUser, LoginRequest } from '@legeai/contracts';
import { Principal } from '../../common/auth/principal';
import { AuditDetails, AuditService } from '../audit';
import { User, PasswordHasher, UserCredentialsService, UsersService } from '../users';
import { AccessTokenService, IssuedAccessToken } from './access-token.service';
import { LOGIN_LOCKOUT } from './login-lockout.policy';
import { ClientContext, SessionsService } from '../sessions';
import { TooManyAttemptsError } from './too-many-attempts.error';

/**
 * What a successful login or refresh hands the controller: the body, and the refresh token for the cookie (absent
 * for a refresh graced as concurrent, which must leave the cookie the first refresh set alone).
 */
export interface SignedIn {
  response: AccessTokenResponse;
  refresh?: { token: string; expiresAt: Date };
}

/** One message for every credential failure, so responses never reveal which emails have accounts. */
const INVALID_CREDENTIALS = 'Invalid email or password';
const SESSION_ENDED = 'Your session has ended; sign in again';

@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: UserCredentialsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async login(request: LoginRequest, client: ClientContext): Promise<SignedIn> {
    const user = await this.credentials.findForLogin(request.email);
    if (!user) {
      await this.hasher.verifyAgainstNothing(request.password);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const waitSeconds = this.lockedFor(user.lockedUntil);
    if (waitSeconds > 0) {
      await this.recordUserEvent(user, 'auth.login_failed', client, { reason: 'locked', lockedUntil: user.lockedUntil!.toISOString() });
      // Locked accounts are refused before the password is checked, so guessing during the lock learns nothing.
      throw new TooManyAttemptsError('Too many failed sign-in attempts for this account; try again later', waitSeconds);
    }

    const passwordOk = await this.hasher.verify(user.passwordHash, request.password);
    if (!passwordOk) {
      const outcome = await this.credentials.registerFailure(user.id, LOGIN_LOCKOUT);
      await this.recordUserEvent(user, 'auth.login_failed', client, {
        reason: 'bad_password',
        consecutiveFailures: outcome.failedLoginCount,
        ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}),
      });
      if (outcome.lockedUntil) {
        await this.recordUserEvent(user, 'auth.locked_out', client, {
          consecutiveFailures: outcome.failedLoginCount,
          before: { lockedUntil: null },
          after: { lockedUntil: outcome.lockedUntil.toISOString() },
        });
      }
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    if (!user.active) {
      await this.recordUserEvent(user, 'auth.login_failed', client, { reason: 'inactive' });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    await this.credentials.registerSuccess(user.id);
    const session = await this.sessions.start(user.id, client);
    await this.recordUserEvent(user, 'auth.login', client, { sessionId: session.familyId });
    return this.signedIn(user.id, user.organisationId, session, session);
  }

  /** Exchanges the refresh cookie for a new access token and (unless graced as concurrent) the next refresh token. */
  async refresh(refreshToken: unknown, client: ClientContext): Promise<SignedIn> {
    const result = await this.sessions.rotate(refreshToken, client);
    if (result.outcome === 'invalid') throw new UnauthorizedException(SESSION_ENDED);
    if (result.outcome === 'reused') {
      const user = await this.users.findById(result.userId);
      if (user) {
        await this.recordUserEvent(user, 'auth.refresh_reuse', client, { sessionId: result.familyId });
      }
      throw new UnauthorizedException(SESSION_ENDED);
    }
    const user = await this.users.findById(result.userId);
    if (!user?.active) {
      await this.sessions.revokeFamily(result.familyId);
      throw new UnauthorizedException(SESSION_ENDED);
    }
    if (result.outcome === 'graced') return this.signedIn(user.id, user.organisationId, result);
    await this.recordUserEvent(user, 'auth.refreshed', client, { sessionId: result.familyId });
    return this.signedIn(user.id, user.organisationId, result, result);
  }

  /** Ends the session of the refresh cookie, which also stops its access tokens. Idempotent. */
  async logout(refreshToken: unknown, client: ClientContext): Promise<void> {
    const ended = await this.sessions.revokeByToken(refreshToken);
    if (!ended) return;
    const user = await this.users.findById(ended.userId);
    if (user) await this.recordUserEvent(user, 'auth.logout', client, { sessionId: ended.familyId });
  }

  me(principal: Principal): Promise<CurrentUser> {
    return this.users.currentUser(principal.id, principal.organisationId);
  }

  /** A fresh access token of the caller's session, for the Bull Board cookie. */
  async boardToken(principal: Principal): Promise<IssuedAccessToken> {
    const token = await this.tokens.issue({
      userId: principal.id,
      organisationId: principal.organisationId,
      role: principal.role,
      sessionId: principal.sessionId!,
    });
    await this.audit.recordBy(principal, 'auth.board_session');
    return token;
  }

  /** Seconds left of the account's lock; 0 when it is not locked. */
  private lockedFor(lockedUntil: Date | null): number {
    const waitMs = lockedUntil ? lockedUntil.getTime() - Date.now() : 0;
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  private async signedIn(
    userId: string,
    organisationId: string,
    session: { familyId: string },
    refresh?: { refreshToken: string; expiresAt: Date },
  ): Promise<SignedIn> {
    const user = await this.users.currentUser(userId, organisationId);
    const access = await this.tokens.issue({ userId, organisationId, role: user.role, sessionId: session.familyId });
    return {
      response: { accessToken: access.token, expiresAt: access.expiresAt.toISOString(), user },
      ...(refresh ? { refresh: { token: refresh.refreshToken, expiresAt: refresh.expiresAt } } : {}),
    };
  }

  /** Sign-in events: the user is the actor even before they are signed in (their account is what was tried). */
  private recordUserEvent(user: User, action: string, client: ClientContext, details: AuditDetails) {
    return this.audit.record({
      organisationId: user.organisationId,
      actorType: 'user',
      actorId: user.id,
      actorName: user.name.trim() || user.email,
      action,
      targetType: 'user',
      targetId: user.id,
      details,
      ip: client.ip,
    });
  }
}
