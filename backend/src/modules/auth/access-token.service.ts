import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService, JwtSignOptions, JwtVerifyOptions } from '@nestjs/jwt';
import { Role } from '@legeai/contracts';
import { Principal } from '../../common/auth/principal';
import { authConfig } from '../../config/auth.config';
import { SessionsService } from '../sessions';
import { VerifiedTokenCache } from './verified-token-cache';

/**
 * Who issues access tokens and for whom. Every token carries both and verification demands both, so a token minted
 * with the same secret for another purpose (another tool, a future token type) is not taken for a console session.
 */
export const ACCESS_TOKEN_ISSUER = 'legeai-meta-connect';
export const ACCESS_TOKEN_AUDIENCE = 'legeai-console';

/** Seconds a token's `iat` may lie in the future: clock drift between instances, not tokens minted ahead. */
const CLOCK_SKEW_SECONDS = 60;

const SIGN_OPTIONS: JwtSignOptions = { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE };
// jsonwebtoken checks the signature, algorithm, issuer, audience and a present `exp`, but accepts a token that has no
// `exp` at all (it would never expire); the claims check in verify() closes that.
const VERIFY_OPTIONS: JwtVerifyOptions = {
  algorithms: ['HS256'],
  issuer: ACCESS_TOKEN_ISSUER,
  audience: ACCESS_TOKEN_AUDIENCE,
};

/**
 * Claims of an access JWT (HS256, signed with `auth.jwtSecret`, `iss` ACCESS_TOKEN_ISSUER, `aud`
 * ACCESS_TOKEN_AUDIENCE); the Bull Board guard reads the same ones.
 */
export interface AccessClaims {
  sub: string;
  org: string;
  role: Role;
  /** Session (refresh-token family) the token was issued for. */
  sid: string;
  typ: 'access';
  iat: number;
  exp: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Issues short-lived access tokens and turns a presented one back into a principal. */
@Injectable()
export class AccessTokenService {
  /** Tokens verified before: a console sends the same one with every request until it refreshes. */
  private readonly verified = new VerifiedTokenCache<AccessClaims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async issue(subject: { userId: string; organisationId: string; role: Role; sessionId: string }): Promise<IssuedAccessToken> {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.cfg.accessTtlSeconds;
    const claims: AccessClaims = {
      sub: subject.userId,
      org: subject.organisationId,
      role: subject.role,
      sid: subject.sessionId,
      typ: 'access',
      iat,
      exp,
    };
    return { token: await this.jwt.signAsync(claims, SIGN_OPTIONS), expiresAt: new Date(exp * 1000) };
  }

  /**
   * The principal for a bearer token, or null when the signature, algorithm, issuer, audience, times or type are
   * wrong, or when its session has ended (logout, deactivation, refresh-token reuse), or the user is no longer an
   * active member of the token's organisation, or that organisation is suspended. The organisation is the token's
   * (`org`); the role comes from the live membership, not the token, so a demotion applies before the token expires.
   */
  async authenticate(token: string, ip?: string): Promise<Principal | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    const live = await this.sessions.liveSession(claims.sid, claims.sub, claims.org);
    if (!live) return null;
    return {
      kind: 'user',
      id: live.userId,
      organisationId: live.organisationId,
      role: live.role,
      platformAdmin: live.platformAdmin,
      sessionId: claims.sid,
      ip,
    };
  }

  private async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) return known;
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, VERIFY_OPTIONS);
    } catch {
      return null;
    }
    const wellFormed =
      claims.typ === 'access' && isUuid(claims.sub) && isUuid(claims.sid) && isUuid(claims.org) && this.hasSaneLifetime(claims);
    if (!wellFormed) return null;
    this.verified.remember(token, claims);
    return claims;
  }

  /**
   * `exp` and `iat` must both be present, `iat` not ahead of now, and the lifetime no longer than the access TTL:
   * whoever holds the secret could otherwise mint a token valid for years, and every token this service issues
   * satisfies all three.
   */
  private hasSaneLifetime(claims: { iat?: unknown; exp?: unknown }): boolean {
    const { iat, exp } = claims;
    if (!Number.isInteger(iat) || !Number.isInteger(exp)) return false;
    const now = Math.floor(Date.now() / 1000);
    return (iat as number) <= now + CLOCK_SKEW_SECONDS && (exp as number) - (iat as number) <= this.cfg.accessTtlSeconds;
  }
}

const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
