import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadEnv, useEnv } from '../../src/config/load-env';
import { createDatabase, databaseUrlOf, dropDatabase } from './test-database';
import { queueEnv } from './test-services';

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest bound to the app's HTTP server. */
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** The environment the app runs with (database URL, queue prefix, secrets...). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface CreateTestAppOptions {
  /** Extra or overriding environment variables (e.g. APP_ROLE, CORS_ORIGINS). */
  env?: Record<string, string>;
  /** Modules booted beside AppModule (e.g. one that breaks a boot check on purpose). */
  imports?: Type[];
  /** Adjust the testing module before compiling (overrideProvider etc.). */
  configure?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /**
   * Boot on this existing database (made with test-database.ts' createDatabase, or left by an earlier app) instead of
   * a fresh one, e.g. to restart the app with other settings on the same data. close() then leaves it in place: the
   * caller drops it.
   */
  database?: string;
}

/**
 * Boots the full AppModule the way main.ts does, on a database created for this call (all migrations applied; or
 * `options.database`) and the test queue backend (test-services.ts): the machine's Redis under a unique queue prefix,
 * or BullMQ's PostgreSQL backend in that database. `close()` shuts the app, drops the database it created (queues on
 * PostgreSQL go with it) and deletes the Redis queue keys.
 */
export async function createTestApp(options: CreateTestAppOptions = {}): Promise<TestApp> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? `legeai_test_${suffix}`;
  const prefix = `legeai_test_${suffix}`;
  const databaseUrl = ownsDatabase ? await createDatabase(database) : databaseUrlOf(database);

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    ...queueEnv(),
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TOKEN_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
    ADMIN_EMAIL: 'admin@example.test',
    ADMIN_PASSWORD: 'correct-horse-battery-staple',
    PUBLIC_URL: 'http://localhost:3000',
    // No scheduled reconciliation at the quarter hour (the default pattern) in the middle of a test: it read a form's
    // past leads into a test that counts the ones it made. Tests of reconciliation run their sweeps themselves.
    LEAD_RECONCILE_CRON: '0 0 1 1 *',
    ...options.env,
  };

  let app: NestFastifyApplication | undefined;
  try {
    useEnv(loadEnv(env, { envFile: false }), { embedded: false });
    // Required after the env is fixed, exactly as main.ts does.
    const { AppModule } = await import('../../src/app.module');
    const { configureHttp } = await import('../../src/infra/http/configure-http');
    const { createHttpAdapter } = await import('../../src/infra/http/http-adapter');
    const { appConfig } = await import('../../src/config/app.config');
    let builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] });
    if (options.configure) builder = options.configure(builder);
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(appConfig()), { rawBody: true, bufferLogs: true });
    configureHttp(app);
    await app.init();
    // Fastify loads its plugins (cookies, static files, Bull Board) and seals its routes here; supertest needs both.
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await app?.close().catch(() => undefined);
    if (ownsDatabase) await dropDatabase(database);
    throw error;
  }

  const started = app;
  return {
    app: started,
    http: request(started.getHttpServer()),
    dataSource: started.get(DataSource),
    env,
    async close() {
      await started.close();
      if (ownsDatabase) await dropDatabase(database);
      // The prefix in force: a test may share one (QUEUE_PREFIX in options.env) between an api and a worker app.
      if (env.REDIS_URL) await deleteKeys(env.REDIS_URL, `${env.QUEUE_PREFIX}:*`);
    },
  };
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
