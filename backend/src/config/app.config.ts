import { registerAs } from '@nestjs/config';
import { join } from 'node:path';
import { AppRole } from './env.schema';
import { currentEnv, REPO_ROOT } from './load-env';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  role: AppRole;
  publicUrl: string;
  corsOrigins: string[];
  /** Express' `trust proxy` (TRUST_PROXY): which forwarding headers `req.ip` and `req.secure` believe. */
  trustProxy: TrustProxy;
  dataDir: string;
  /** Whether the database is the embedded PostgreSQL (DATABASE_URL was not given). */
  embedded: boolean;
  orgName: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
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
    bodyLimit: env.BODY_LIMIT,
    adminDistDir: env.ADMIN_DIST_DIR ?? join(REPO_ROOT, 'dist/admin/browser'),
    webhookInboxRetentionDays: env.WEBHOOK_INBOX_RETENTION_DAYS,
  };
});

/** Whether a process in this role serves the REST API, Swagger and the console. */
export const servesApi = (role: AppRole): boolean => role !== 'worker';
/** Whether a process in this role runs queue processors. */
export const runsWorkers = (role: AppRole): boolean => role !== 'api';
