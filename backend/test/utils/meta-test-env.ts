import { startSandbox, type RunningSandbox } from '@legeai/meta-sandbox';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { buildLoggerParams } from '../../src/infra/logging/logger-options';
import { MetaGraphClient } from '../../src/infra/meta-graph';
import { createTestApp, TestApp } from './create-test-app';
import { freePort } from './free-port';
import { FIRST_ADMIN, login, SignedInUser } from './identity-fixtures';

export const META_APP = { id: '1234567890123', secret: 'e2e-meta-app-secret', verifyToken: 'e2e-verify-token', version: 'v26.0' };

/** Sandbox tokens look like Meta's (EAAG…); any such string in a row or a log line is a leak. */
export const META_TOKEN_PATTERN = /EAAG[A-Za-z0-9_-]{30,}/;

export interface MetaTestEnv {
  t: TestApp;
  sandbox: RunningSandbox;
  publicUrl: string;
  admin: SignedInUser;
  /** Every log line the app wrote (debug level), when asked for. */
  logs: string[];
  close(): Promise<void>;
}

export interface MetaTestEnvOptions {
  /** Keep every log line at debug level in `logs`. */
  captureLogs?: boolean;
  /** The sandbox world's seed (its ids and leads); one per suite keeps suites independent. */
  seed?: string;
  /** How long the sandbox waits for our webhook endpoint. */
  webhookTimeoutMs?: number;
  /**
   * Shorten the Graph client's pauses: a rate limit without a regain time pauses calls for a second instead of a
   * minute, and retries back off from 50 ms, so a throttled lead can be seen delayed and then stored within a test.
   */
  fastGraphPauses?: boolean;
  /** Extra or overriding environment variables of the app (e.g. TOKEN_ENCRYPTION_KEYS, META_APP_SECRET_PREVIOUS). */
  env?: Record<string, string>;
  /** A running sandbox to use instead of starting one (Meta keeps the tokens it issued); close() leaves it running. */
  sandbox?: RunningSandbox;
  /** An existing database to boot on (createTestApp's `database`); close() leaves it in place. */
  database?: string;
  /** The port to listen on, so a restarted app keeps its public URL and OAuth redirect URI. */
  port?: number;
}

/**
 * The app listening on a real port (Meta's webhook handshake and deliveries call it back) with every META_* variable
 * pointing at a sandbox started in this process, as a real deployment points them at Meta; the first admin signed in.
 */
export async function startMetaTestEnv(options: MetaTestEnvOptions = {}): Promise<MetaTestEnv> {
  const port = options.port ?? (await freePort());
  const publicUrl = `http://127.0.0.1:${port}`;
  const ownsSandbox = !options.sandbox;
  const sandbox =
    options.sandbox ??
    (await startSandbox({
      seed: options.seed ?? 'meta-e2e',
      appId: META_APP.id,
      appSecret: META_APP.secret,
      verifyToken: META_APP.verifyToken,
      redirectUris: [`${publicUrl}/v1/integrations/meta/callback`],
      webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: options.webhookTimeoutMs ?? 2000 },
    }));
  const logs: string[] = [];
  const overrides: ((builder: TestingModuleBuilder) => TestingModuleBuilder)[] = [];
  if (options.captureLogs) {
    const params = buildLoggerParams('debug');
    const stream = { write: (line: string) => void logs.push(line) };
    overrides.push((builder) => builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue({ pinoHttp: [params.pinoHttp, stream] }));
  }
  if (options.fastGraphPauses)
    overrides.push((builder) => builder.overrideProvider(MetaGraphClient).useValue(fastGraphClient(sandbox.url)));
  let t: TestApp;
  try {
    t = await createTestApp({
      env: {
        PUBLIC_URL: publicUrl,
        META_APP_ID: META_APP.id,
        META_APP_SECRET: META_APP.secret,
        META_VERIFY_TOKEN: META_APP.verifyToken,
        META_REDIRECT_URI: `${publicUrl}/v1/integrations/meta/callback`,
        META_GRAPH_URL: sandbox.url,
        META_DIALOG_URL: sandbox.url,
        META_API_VERSION: META_APP.version,
        // The insights pulls a connect queues (the backfill, and on a reconnect the lookback): two days, ten sync reads
        // per ad account, so that connecting stays quick in every suite; the insights suite sets its own.
        INSIGHTS_BACKFILL_DAYS: '2',
        INSIGHTS_LOOKBACK_DAYS: '2',
        ...(options.captureLogs ? { LOG_LEVEL: 'debug' } : {}),
        ...options.env,
      },
      configure: overrides.length ? (builder) => overrides.reduce((b, override) => override(b), builder) : undefined,
      database: options.database,
    });
  } catch (error) {
    if (ownsSandbox) await sandbox.close();
    throw error;
  }
  await t.app.listen(port, '127.0.0.1');
  const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  return {
    t,
    sandbox,
    publicUrl,
    admin,
    logs,
    async close() {
      await t.close();
      if (ownsSandbox) await sandbox.close();
    },
  };
}

function fastGraphClient(graphUrl: string): MetaGraphClient {
  return new MetaGraphClient({
    graphUrl,
    apiVersion: META_APP.version,
    appSecret: META_APP.secret,
    timeoutMs: 5000,
    metrics: false,
    retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
    pacing: { thresholdPct: 90, minPauseMs: 1000, rateLimitPauseMs: 1000 },
  });
}
