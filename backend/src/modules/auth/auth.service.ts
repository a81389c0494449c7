import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import {
  AcceptInvitationRequest,
  AccessTokenResponse,
  CurrentUser,
  InvitationPreviewDto,
  LoginRequest,
  MyOrganisationDto,
} from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { OrganisationSuspendedError } from '../../common/errors/organisation-suspended.error';
import { AuditDetails, AuditService } from '../audit';
import { OrganisationInvitationsService } from '../platform';
import { MembershipWithOrganisation, User, PasswordHasher, UserCredentialsService, UsersService } from '../users';
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

/** A membership the user may sign in to now: active, in an organisation that is not suspended. */
const usable = (m: MembershipWithOrganisation): boolean => m.active && !m.suspended;

@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: UserCredentialsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokenService,
    private readonly invitations: OrganisationInvitationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Signs in to the user's oldest usable membership (the console's switcher moves to the others). A user whose only
   * organisations are suspended is told so (403), once the password is right; one with no active membership gets the
   * same answer as a wrong password.
   */
  async login(request: LoginRequest, client: ClientContext): Promise<SignedIn> {
    const user = await this.checkPassword(request.email, request.password, client);
    const memberships = await this.users.membershipsOf(user.id);
    const target = memberships.find(usable);
    if (!target) {
      const suspended = memberships.find((m) => m.active && m.suspended);
      await this.recordUserEvent(user, memberships[0]?.organisationId, 'auth.login_failed', client, {
        reason: suspended ? 'organisation_suspended' : 'inactive',
      });
      if (suspended) throw new OrganisationSuspendedError(`Your organisation ${suspended.organisationName}`);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    await this.credentials.registerSuccess(user.id);
    const session = await this.sessions.start(user.id, target.organisationId, client);
    await this.recordUserEvent(user, target.organisationId, 'auth.login', client, { sessionId: session.familyId });
    return this.signedIn(user.id, target.organisationId, session, session);
  }

  /**
   * Exchanges the refresh cookie for a new access token and (unless graced as concurrent) the next refresh token,
   * for the organisation the session is signed in to; when that membership is no longer usable, for the user's next
   * usable one (the session moves there), else the session ends.
   */
  async refresh(refreshToken: unknown, client: ClientContext): Promise<SignedIn> {
    const result = await this.sessions.rotate(refreshToken, client);
    if (result.outcome === 'invalid') throw new UnauthorizedException(SESSION_ENDED);
    if (result.outcome === 'reused') {
      const user = await this.users.findById(result.userId);
      if (user)
        await this.recordUserEvent(user, await this.anyOrganisationOf(user.id), 'auth.refresh_reuse', client, {
          sessionId: result.familyId,
        });
      throw new UnauthorizedException(SESSION_ENDED);
    }
    const user = await this.users.findById(result.userId);
    const memberships = user ? await this.users.membershipsOf(user.id) : [];
    const target = memberships.find((m) => m.organisationId === result.organisationId && usable(m)) ?? memberships.find(usable);
    if (!user || !target) {
      await this.sessions.revokeFamily(result.familyId);
      throw new UnauthorizedException(SESSION_ENDED);
    }
    if (target.organisationId !== result.organisationId) await this.sessions.switchOrganisation(result.familyId, target.organisationId);
    if (result.outcome === 'graced') return this.signedIn(user.id, target.organisationId, result);
    await this.recordUserEvent(user, target.organisationId, 'auth.refreshed', client, { sessionId: result.familyId });
    return this.signedIn(user.id, target.organisationId, result, result);
  }

  /** Ends the session of the refresh cookie, which also stops its access tokens. Idempotent. */
  async logout(refreshToken: unknown, client: ClientContext): Promise<void> {
    const ended = await this.sessions.revokeByToken(refreshToken);
    if (!ended) return;
    const user = await this.users.findById(ended.userId);
    if (user) await this.recordUserEvent(user, await this.anyOrganisationOf(user.id), 'auth.logout', client, { sessionId: ended.familyId });
  }

  me(principal: Principal): Promise<CurrentUser> {
    return this.users.currentUser(principal.id, principal.organisationId);
  }

  /** The caller's organisations, for the switcher. */
  async organisations(principal: Principal): Promise<MyOrganisationDto[]> {
    const memberships = await this.users.membershipsOf(principal.id);
    return memberships
      .filter((m) => m.active)
      .map((m) => ({
        id: m.organisationId,
        name: m.organisationName,
        role: m.role,
        suspended: m.suspended,
        current: m.organisationId === principal.organisationId,
      }));
  }

  /**
   * A new access token of the same session for another of the caller's organisations; the session's refreshes follow
   * it. Audited in both organisations. Not a member (or no longer): 404; suspended: 403.
   */
  async switchOrganisation(principal: Principal, organisationId: string): Promise<AccessTokenResponse> {
    const target = (await this.users.membershipsOf(principal.id)).find((m) => m.organisationId === organisationId && m.active);
    if (!target) throw new NotFoundException('You are not a member of this organisation');
    if (target.suspended) throw new OrganisationSuspendedError(`The organisation ${target.organisationName}`);
    await this.sessions.switchOrganisation(principal.sessionId!, organisationId);
    const details = { sessionId: principal.sessionId, from: principal.organisationId, to: organisationId };
    if (principal.organisationId !== organisationId) await this.audit.recordBy(principal, 'auth.organisation_switched', undefined, details);
    await this.audit.record({
      organisationId,
      actorType: 'user',
      actorId: principal.id,
      action: 'auth.organisation_switched',
      targetType: 'organisation',
      targetId: organisationId,
      details,
      ip: principal.ip,
    });
    return (await this.signedIn(principal.id, organisationId, { familyId: principal.sessionId! })).response;
  }

  previewInvitation(token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  /**
   * Accepts an invitation and signs the invitee in to its organisation. An existing account proves itself with its
   * password (the sign-in's lockout applies) and gains the membership; otherwise the account is created with the
   * name and password given.
   */
  async acceptInvitation(request: AcceptInvitationRequest, client: ClientContext): Promise<SignedIn> {
    const { invitation } = await this.invitations.usable(request.token);
    const existing = await this.users.findByEmail(invitation.email);
    if (existing) await this.checkPassword(invitation.email, request.password, client);
    else if (!request.name?.trim()) throw new BadRequestException('Your name is required to create your account');

    const accepted = await this.invitations.accept(request.token, async (inv, m) => {
      if (existing) {
        await this.users.addMembership(existing.id, inv.organisationId, inv.role, m);
        return existing.id;
      }
      const created = await this.users.insertUser(
        { organisationId: inv.organisationId, email: inv.email, name: request.name!, role: inv.role, password: request.password },
        (user, tx) => this.recordCreatedByInvitation(user, inv.organisationId, inv.role, tx),
        m,
      );
      return created.id;
    });
    const user = (await this.users.findByEmail(invitation.email))!;
    await this.credentials.registerSuccess(user.id);
    const session = await this.sessions.start(user.id, accepted.organisationId, client);
    await this.recordUserEvent(user, accepted.organisationId, 'auth.login', client, {
      sessionId: session.familyId,
      invitation: accepted.id,
    });
    return this.signedIn(user.id, accepted.organisationId, session, session);
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

  /**
   * The account of `email` when `password` is its own, counting failures towards the lockout; refused with one
   * message whatever was wrong, so responses never tell which emails have accounts.
   */
  private async checkPassword(email: string, password: string, client: ClientContext): Promise<User> {
    const user = await this.credentials.findForLogin(email);
    if (!user) {
      await this.hasher.verifyAgainstNothing(password);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const auditOrg = await this.anyOrganisationOf(user.id);
    const waitSeconds = this.lockedFor(user.lockedUntil);
    if (waitSeconds > 0) {
      await this.recordUserEvent(user, auditOrg, 'auth.login_failed', client, {
        reason: 'locked',
        lockedUntil: user.lockedUntil!.toISOString(),
      });
      // Locked accounts are refused before the password is checked, so guessing during the lock learns nothing.
      throw new TooManyAttemptsError('Too many failed sign-in attempts for this account; try again later', waitSeconds);
    }
    const passwordOk = await this.hasher.verify(user.passwordHash, password);
    if (!passwordOk) {
      const outcome = await this.credentials.registerFailure(user.id, LOGIN_LOCKOUT);
      await this.recordUserEvent(user, auditOrg, 'auth.login_failed', client, {
        reason: 'bad_password',
        consecutiveFailures: outcome.failedLoginCount,
        ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}),
      });
      if (outcome.lockedUntil) {
        await this.recordUserEvent(user, auditOrg, 'auth.locked_out', client, {
          consecutiveFailures: outcome.failedLoginCount,
          before: { lockedUntil: null },
          after: { lockedUntil: outcome.lockedUntil.toISOString() },
        });
      }
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    return user;
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

  /** Where account-level events (failed sign-ins, logout) are logged: the user's oldest organisation. */
  private async anyOrganisationOf(userId: string): Promise<string | undefined> {
    return (await this.users.membershipsOf(userId))[0]?.organisationId;
  }

  private recordCreatedByInvitation(user: User, organisationId: string, role: string, m: EntityManager): Promise<void> {
    return this.audit.record(
      {
        organisationId,
        actorType: 'user',
        actorId: user.id,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'invitation', before: null, after: { name: user.name, email: user.email, role } },
      },
      m,
    );
  }

  /** Sign-in events: the user is the actor even before they are signed in (their account is what was tried). */
  private async recordUserEvent(
    user: User,
    organisationId: string | undefined,
    action: string,
    client: ClientContext,
    details: AuditDetails,
  ) {
    // An account with no membership at all has no organisation's log to be written to.
    if (!organisationId) return;
    await this.audit.record({
      organisationId,
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
