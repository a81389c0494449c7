import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface AuthConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** How long after its rotation a refresh token is still honoured (without a new cookie) instead of counting as reuse. */
  refreshReuseGraceSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  /** Login attempts allowed per minute. */
  loginRateLimit: number;
  /** Accounts made platform administrators at start-up (PLATFORM_ADMIN_EMAILS), lower-cased. */
  platformAdminEmails: string[];
  /** How long an organisation invitation link stays valid (INVITATION_TTL_HOURS). */
  invitationTtlSeconds: number;
}

export const authConfig = registerAs('auth', (): AuthConfig => {
  const { env } = currentEnv();
  // Embedded mode fills JWT_SECRET from <DATA_DIR>/secrets.json before Nest starts; deployments must set it.
  if (!env.JWT_SECRET) throw new Error('JWT_SECRET is not set');
  return {
    jwtSecret: env.JWT_SECRET,
    accessTtlSeconds: env.JWT_ACCESS_TTL,
    refreshTtlSeconds: env.JWT_REFRESH_TTL,
    refreshReuseGraceSeconds: env.JWT_REFRESH_REUSE_GRACE,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    platformAdminEmails: (env.PLATFORM_ADMIN_EMAILS ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    invitationTtlSeconds: env.INVITATION_TTL_HOURS * 3600,
  };
});
