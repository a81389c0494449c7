import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { authConfig } from '../../config/auth.config';
import { AuthSession } from './entities/auth-session.entity';
import { decideRotation } from './rotation-decision';
import { generateRefreshToken, hashRefreshToken, looksLikeRefreshToken } from './refresh-token';
import { LiveSession, SessionLivenessCache } from './session-liveness.cache';

export interface ClientContext {
  ip?: string;
  userAgent?: string;
}

export interface IssuedRefreshToken {
  userId: string;
  /** The organisation the session is signed in to. */
  organisationId: string | null;
  /** The session id (`sid` in access tokens). */
  familyId: string;
  refreshToken: string;
  expiresAt: Date;
}

export type RotationResult =
  | ({ outcome: 'rotated' } & IssuedRefreshToken)
  /**
   * A token exchanged within the reuse grace window (a concurrent refresh): the session stays live and gets an access
   * token, but no refresh token; the caller keeps the successor the first refresh handed out.
   */
  | { outcome: 'graced'; userId: string; familyId: string; organisationId: string | null }
  /** A token that had already been exchanged was presented again: it was copied. The family is now revoked. */
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'invalid' };

/** Stores login sessions as families of single-use refresh tokens and answers whether a session is live. */
@Injectable()
export class SessionsService {
  private readonly liveness = new SessionLivenessCache();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async start(userId: string, organisationId: string, client: ClientContext, manager?: EntityManager): Promise<IssuedRefreshToken> {
    return this.insertToken(manager ?? this.dataSource.manager, userId, organisationId, randomUUID(), client);
  }

  /** Moves the session to another of its user's organisations: its next refreshes issue tokens for that one. */
  async switchOrganisation(familyId: string, organisationId: string): Promise<void> {
    await this.dataSource.getRepository(AuthSession).update({ familyId, revokedAt: IsNull() }, { organisationId });
  }

  /**
   * Exchanges a refresh token for the next one of its family. The row lock serialises concurrent refreshes of one
   * token, so exactly one of them rotates; the others are graced when they come within
   * `refreshReuseGraceSeconds` of that rotation, else they count as reuse.
   *
   * Why a graced refresh gets no refresh token of its own: a second live child of the family would be a 14-day
   * credential that no later rotation retires, and a thief replaying a copied token inside the window would walk away
   * with it. Handing back the winner's successor is impossible (only hashes are stored). So the graced caller gets
   * only a short-lived access token; browsers share one cookie jar, so the tab that lost the race already holds (or is
   * about to receive) the winner's cookie. What keeps this safe: the window is short, the access token belongs to the
   * same session (logout or a revocation ends it), and a replay after the window still revokes the family.
   */
  async rotate(refreshToken: unknown, client: ClientContext): Promise<RotationResult> {
    if (!looksLikeRefreshToken(refreshToken)) return { outcome: 'invalid' };
    return this.dataSource.transaction(async (m) => {
      const current = await m.getRepository(AuthSession).findOne({
        where: { tokenHash: hashRefreshToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      const decision = decideRotation(current, new Date(), this.cfg.refreshReuseGraceSeconds * 1000);
      if (decision === 'invalid' || !current) return { outcome: 'invalid' };
      if (decision === 'grace') {
        return { outcome: 'graced', userId: current.userId, familyId: current.familyId, organisationId: current.organisationId };
      }
      if (decision === 'reuse') {
        await this.revokeFamily(current.familyId, m);
        return { outcome: 'reused', userId: current.userId, familyId: current.familyId };
      }
      await m.getRepository(AuthSession).update(current.id, { rotatedAt: new Date() });
      const next = await this.insertToken(m, current.userId, current.organisationId, current.familyId, client);
      return { outcome: 'rotated', ...next };
    });
  }

  /** Ends the session a refresh token belongs to; returns it, or null when the token is unknown. */
  async revokeByToken(refreshToken: unknown): Promise<{ userId: string; familyId: string } | null> {
    if (!looksLikeRefreshToken(refreshToken)) return null;
    const row = await this.dataSource.getRepository(AuthSession).findOne({ where: { tokenHash: hashRefreshToken(refreshToken) } });
    if (!row) return null;
    await this.revokeFamily(row.familyId);
    return { userId: row.userId, familyId: row.familyId };
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .getRepository(AuthSession)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.liveness.evictSession(familyId);
  }

  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .getRepository(AuthSession)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.liveness.evictUser(userId);
  }

  /** Ends the user's sessions signed in to one organisation (their membership of it was deactivated). */
  async revokeForUserIn(userId: string, organisationId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .getRepository(AuthSession)
      .update({ userId, organisationId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.liveness.evictUser(userId);
  }

  /** Forget every cached session fact (an organisation was suspended or reactivated). */
  forgetAll(): void {
    this.liveness.clear();
  }

  /** Forget cached facts about a user's sessions (their role or status changed). */
  forgetUser(userId: string): void {
    this.liveness.evictUser(userId);
  }

  /**
   * The session's user as the database sees it now, in the organisation `organisationId` (the token's), or null when
   * the session was revoked, rotated out or expired, the user's membership there is gone or deactivated, or the
   * organisation is suspended. The role comes from the membership rather than from the token, so a demotion takes
   * effect at once.
   */
  async liveSession(familyId: string, userId: string, organisationId: string): Promise<LiveSession | null> {
    const cached = this.liveness.get(familyId, organisationId);
    if (cached !== undefined) return cached?.userId === userId ? cached : null;
    const rows: { role: LiveSession['role']; platform_admin: boolean }[] = await this.dataSource.query(
      `SELECT m.role, u.platform_admin
         FROM auth_sessions s
         JOIN users u ON u.id = s.user_id
         JOIN organisation_memberships m ON m.user_id = s.user_id AND m.organisation_id = $3 AND m.active
         JOIN organisations o ON o.id = m.organisation_id AND o.suspended_at IS NULL
        WHERE s.family_id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.rotated_at IS NULL
          AND s.expires_at > now()
        LIMIT 1`,
      [familyId, userId, organisationId],
    );
    const live = rows[0] ? { userId, organisationId, role: rows[0].role, platformAdmin: rows[0].platform_admin } : null;
    this.liveness.set(familyId, userId, live, organisationId);
    return live;
  }

  private async insertToken(
    m: EntityManager,
    userId: string,
    organisationId: string | null,
    familyId: string,
    client: ClientContext,
  ): Promise<IssuedRefreshToken> {
    const { token, hash } = generateRefreshToken();
    const expiresAt = new Date(Date.now() + this.cfg.refreshTtlSeconds * 1000);
    await m.getRepository(AuthSession).insert({
      familyId,
      userId,
      organisationId,
      tokenHash: hash,
      expiresAt,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { userId, organisationId, familyId, refreshToken: token, expiresAt };
  }
}
