import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HttpDrain } from './infra/http/http-drain';
import { loadOrCreateEmbeddedSecrets } from './config/embedded-secrets';
import { EnvSchema } from './config/env.schema';
import { EnvValidationError, loadEnv, useEnv } from './config/load-env';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';
import { printStartupBanner } from './startup-banner';

/** Plain lines for the few messages printed before the JSON logger exists. */
const say = (line: string) => process.stderr.write(`${line}\n`);

async function bootstrap(): Promise<void> {
  let env: EnvSchema;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvValidationError) return exitWith(error.message);
    throw error;
  }

  // With no DATABASE_URL the whole system runs on one machine: embedded PostgreSQL, queues on it too.
  const embedded = !env.DATABASE_URL;
  let postgres: EmbeddedPostgresHandle | undefined;
  if (embedded) {
    const secrets = loadOrCreateEmbeddedSecrets(env.DATA_DIR!);
    env.JWT_SECRET ??= secrets.jwtSecret;
    env.TOKEN_ENCRYPTION_KEYS ??= secrets.tokenEncryptionKeys;
    say(`Starting embedded PostgreSQL (data in ${env.DATA_DIR}, port ${env.EMBEDDED_PG_PORT})`);
    postgres = await startEmbeddedPostgres({
      dataDir: env.DATA_DIR!,
      port: env.EMBEDDED_PG_PORT,
      password: secrets.postgresPassword,
      log: say,
    });
    env.DATABASE_URL = postgres.url;
  }
  useEnv(env, { embedded });

  let app: NestFastifyApplication | undefined;
  let drain: HttpDrain | undefined;
  installShutdown(() => ({ app, drain }), postgres);
  try {
    // Sandbox mode (META_APP_ID unset): the bundled Meta imitation starts in this process and the META_* URLs point at it.
    if (!env.META_APP_ID) await (await import('./sandbox/start-embedded-sandbox')).startEmbeddedSandbox(env);
    // Loaded only now: the config namespaces read the environment fixed just above.
    const { AppModule } = await import('./app.module');
    const { configureHttp } = await import('./infra/http/configure-http');
    const { createHttpAdapter } = await import('./infra/http/http-adapter');
    const { appConfig } = await import('./config/app.config');
    app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(appConfig()), {
      rawBody: true,
      bufferLogs: true,
      abortOnError: false,
    });
    const http = configureHttp(app);
    drain = http.drain;
    await listenEverywhere(app, env.PORT);
    printStartupBanner(app, http.consoleServed);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    return exitWith(`Start-up failed: ${describe(error)}`);
  }
}

/**
 * Every address of the machine, as Node's own default: IPv6 and IPv4 (`::`, dual-stack), or IPv4 alone where IPv6
 * is off. Fastify would otherwise listen on localhost only, and the console must open from the LAN or a proxy too.
 */
async function listenEverywhere(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

/** Requests in flight get this long to finish once a stop begins; then their connections are closed. */
const HTTP_DRAIN_MS = 10_000;
/** The last resort: a stop that takes longer exits with status 1. */
const FORCE_EXIT_MS = 15_000;

/**
 * Stops in order: the HTTP server first (no new connections, idle ones closed, requests in flight answered with
 * `Connection: close`; see http-drain.ts), so nothing new starts while the rest closes; then Nest (workers finish
 * their current job, queue and database connections close); then the embedded database. Exits as soon as that is
 * done.
 */
function installShutdown(getRunning: () => { app?: INestApplication; drain?: HttpDrain }, postgres?: EmbeddedPostgresHandle): void {
  let stoppingSince: number | undefined;
  const stop = async (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // Ctrl+C reaches every process of the group (npm, scripts/start.mjs, this one), and wrappers forward it
      // again: duplicates arriving together are one request. A later signal means "stop now".
      if (Date.now() - stoppingSince < 2_000) return;
      say(`${signal} again: exiting immediately`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    say(`${signal} received: shutting down`);
    const force = setTimeout(() => {
      say(`Shutdown took longer than ${FORCE_EXIT_MS / 1000} s: exiting`);
      process.exit(1);
    }, FORCE_EXIT_MS);
    force.unref();
    const { app, drain } = getRunning();
    await drain?.drain(HTTP_DRAIN_MS).catch((error) => say(`Error while closing the HTTP server: ${describe(error)}`));
    try {
      await app?.close();
    } catch (error) {
      say(`Error while closing the application: ${describe(error)}`);
    }
    await postgres?.stop().catch((error) => say(`Error while stopping PostgreSQL: ${describe(error)}`));
    say(`Stopped in ${Date.now() - stoppingSince} ms`);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (s) => void stop(s));
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  return error instanceof Error ? error.message : String(error);
}

function exitWith(message: string): void {
  say(message);
  process.exit(1);
}

void bootstrap().catch((error) => exitWith(`Start-up failed: ${describe(error)}`));
