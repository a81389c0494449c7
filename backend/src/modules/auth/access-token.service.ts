import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@legeai/contracts';
import { Principal } from '../../common/auth/principal';
import { authConfig } from '../../config/auth.config';
import { SessionsService } from './sessions/sessions.service';

/** Claims of an access JWT (HS256, signed with `auth.jwtSecret`); the Bull Board guard reads the same ones. */
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
    return { token: await this.jwt.signAsync(claims), expiresAt: new Date(exp * 1000) };
  }

  /**
   * The principal for a bearer token, or null when the signature, expiry or type is wrong, or when its session has
   * ended (logout, deactivation, refresh-token reuse). Role and organisation come from the live session, not the
   * token, so a demotion applies before the token expires.
   */
  async authenticate(token: string, ip?: string): Promise<Principal | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    const live = await this.sessions.liveSession(claims.sid, claims.sub);
    if (!live) return null;
    return { kind: 'user', id: live.userId, organisationId: live.organisationId, role: live.role, sessionId: claims.sid, ip };
  }

  private async verify(token: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token);
      const wellFormed =
        claims.typ === 'access' && isUuid(claims.sub) && isUuid(claims.sid) && typeof claims.org === 'string';
      return wellFormed ? claims : null;
    } catch {
      return null;
    }
  }
}

const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
