import { registerAs } from '@nestjs/config';
import { join } from 'node:path';
import { AppRole, LogFormat } from './env.schema';
import { currentEnv, REPO_ROOT } from './load-env';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  role: AppRole;
  /** PUBLIC_URL, or `http://localhost:<PORT>` when it is unset (see `publicUrlSet`). */
  publicUrl: string;
  /**
   * Whether PUBLIC_URL was given. Without it, browser-facing flows (the Meta connect round trip, Swagger's servers)
   * follow the address the request came to, so the console works from 127.0.0.1, a LAN name or a tunnel alike.
   */
  publicUrlSet: boolean;
  corsOrigins: string[];
  /** TRUST_PROXY: which forwarding headers Fastify's `request.ip` and `request.protocol` believe. */
  trustProxy: TrustProxy;
  dataDir: string;
  /** Whether the database is the embedded PostgreSQL (DATABASE_URL was not given). */
  embedded: boolean;
  orgName: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  logFormat: LogFormat;
  bodyLimit: string;
  /** Where the console's production build is served from. */
  adminDistDir: string;
  webhookInboxRetentionDays: number;
}

export const appConfig = registerAs('app', (): AppConfig => {
  const { env, embedded } = currentEnv();
  return {
    port: env.PORT,
    role: env.APP_ROLE,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    publicUrlSet: !!env.PUBLIC_URL,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    trustProxy: parseTrustProxy(env.TRUST_PROXY) ?? false,
    dataDir: env.DATA_DIR!,
    embedded,
    orgName: env.ORG_NAME,
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    bodyLimit: env.BODY_LIMIT,
    adminDistDir: env.ADMIN_DIST_DIR ?? join(REPO_ROOT, 'dist/admin/browser'),
    webhookInboxRetentionDays: env.WEBHOOK_INBOX_RETENTION_DAYS,
  };
});

/** Whether a process in this role serves the REST API, Swagger and the console. */
export const servesApi = (role: AppRole): boolean => role !== 'worker';
/** Whether a process in this role runs queue processors. */
export const runsWorkers = (role: AppRole): boolean => role !== 'api';
