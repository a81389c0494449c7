import { getQueueToken } from '@nestjs/bullmq';
import { MetaConnectionStatus } from '@legeai/contracts';
import type { Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReencryptionSummary, TokenReencryptionService } from '../../src/modules/meta-auth/token-vault/token-reencryption.service';
import { EncryptedTokenColumns, META_AUTH_JOBS, META_AUTH_QUEUE_NAME } from '../../src/modules/meta-auth';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';
import { createDatabase, dropDatabase } from '../utils/test-database';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(120_000);

const tokenKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const KEY_A = tokenKey('ka');
const KEY_B = tokenKey('kb');

/**
 * Every column of the schema that holds a token ciphertext, written out here rather than read from the product, so a
 * column its owner forgot to declare to the rotation keeps key A and fails step 3.
 */
const TOKEN_COLUMNS = [
  { table: 'meta_integrations', idColumn: 'id', ciphertextColumn: 'access_token_ciphertext', keyIdColumn: 'access_token_key_id' },
  { table: 'meta_pages', idColumn: 'id', ciphertextColumn: 'page_access_token_ciphertext', keyIdColumn: 'page_access_token_key_id' },
];

/** The key id of every stored ciphertext, per encrypted column. */
async function keyIdsByColumn(dataSource: DataSource): Promise<Record<string, string[]>> {
  const byColumn: Record<string, string[]> = {};
  for (const c of TOKEN_COLUMNS) {
    const rows: { kid: string }[] = await dataSource.query(
      `SELECT ${c.keyIdColumn} AS kid FROM ${c.table} WHERE ${c.ciphertextColumn} IS NOT NULL ORDER BY ${c.idColumn}`,
    );
    byColumn[`${c.table}.${c.ciphertextColumn}`] = rows.map((r) => r.kid);
  }
  return byColumn;
}

const metaAuthQueue = (t: TestApp) => t.app.get<Queue>(getQueueToken(META_AUTH_QUEUE_NAME));
const reencryptJobs = async (t: TestApp): Promise<Job[]> =>
  (await metaAuthQueue(t).getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter(
    (job) => job.name === META_AUTH_JOBS.reencryptTokens,
  );

/** A Graph call through the stored tokens: the health check opens the user token and reads with it. */
async function healthCheck(env: MetaTestEnv): Promise<MetaConnectionStatus> {
  const res = await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200);
  return res.body as MetaConnectionStatus;
}

/**
 * Rotating TOKEN_ENCRYPTION_KEYS on a live installation (docs/key-rotation.md): the same database and the same Meta
 * across restarts of the app with key A, then "B,A", then B alone.
 */
describe('token encryption key rotation (e2e)', () => {
  const database = `legeai_test_keyrot_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  /** One queue prefix for the api and worker instances of the rotation, as one Redis of a deployment. */
  const queuePrefix = `${database}_q`;
  let first: MetaTestEnv;
  let port: number;
  let tokenCount = 0;

  beforeAll(async () => {
    await createDatabase(database);
  });

  afterAll(async () => {
    await first?.sandbox.close();
    await dropDatabase(database);
  });

  it('1. stores the tokens of a Meta connect under key A, and queues no re-encryption with one key', async () => {
    first = await startMetaTestEnv({ seed: 'key-rotation', database, env: { TOKEN_ENCRYPTION_KEYS: KEY_A } });
    port = Number(new URL(first.publicUrl).port);
    try {
      await connectOrganisation(first);
      const kids = await keyIdsByColumn(first.t.dataSource);
      tokenCount = Object.values(kids).flat().length;
      expect(kids['meta_integrations.access_token_ciphertext']).toEqual(['ka']);
      expect(kids['meta_pages.page_access_token_ciphertext'].length).toBeGreaterThan(0);
      expect(
        Object.values(kids)
          .flat()
          .every((kid) => kid === 'ka'),
      ).toBe(true);
      expect(await reencryptJobs(first.t)).toEqual([]);
      // Each owner declared its columns: meta-auth the user token, meta-assets the Page tokens.
      const declared = first.t.app.get(EncryptedTokenColumns).list();
      expect(declared.map((c) => `${c.table}.${c.ciphertextColumn}`).sort()).toEqual(
        TOKEN_COLUMNS.map((c) => `${c.table}.${c.ciphertextColumn}`).sort(),
      );
    } finally {
      // The app stops; Meta (the sandbox) and the database stay.
      await first.t.close();
    }
  });

  describe('with keys "B,A" (B encrypts, both decrypt)', () => {
    let api: MetaTestEnv;
    let worker: TestApp | undefined;
    /** The job the api instance queued; the worker's own start may queue another once this one has run. */
    let queuedJobId: string;

    afterAll(async () => {
      await worker?.close();
      await api?.t.close();
    });

    it('2. after the restart, tokens under A still open (a Graph call through them works) and one re-encryption job waits', async () => {
      // An api instance alone: it queues the job at start-up but runs no processor, so A is still in use here.
      api = await startMetaTestEnv({
        sandbox: first.sandbox,
        database,
        port,
        env: { TOKEN_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}`, APP_ROLE: 'api', QUEUE_PREFIX: queuePrefix },
      });
      const status = await healthCheck(api);
      expect(status.connected).toBe(true);
      expect(status.checks.find((c) => c.key === 'token')!.level).toBe('ok');
      expect(
        Object.values(await keyIdsByColumn(api.t.dataSource))
          .flat()
          .every((kid) => kid === 'ka'),
      ).toBe(true);

      const [job, ...others] = await reencryptJobs(api.t);
      expect(others).toEqual([]);
      expect(await job.getState()).toBe('waiting');
      queuedJobId = job.id!;
      // Another instance starting during the rotation queues nothing more while that job waits.
      const again = await api.t.app.get(TokenReencryptionService).enqueue();
      expect(again.id).toBe(job.id);
      expect(await reencryptJobs(api.t)).toHaveLength(1);
    });

    it('3. a worker runs the job: every token column then carries key B, and the job shows what it moved', async () => {
      worker = await createTestApp({ database, env: { ...api.t.env, APP_ROLE: 'worker' } });
      const done = await waitFor('the re-encryption job to complete', async () => {
        const state = await metaAuthQueue(api.t).getJobState(queuedJobId);
        return state === 'completed' || state === 'failed' ? state : undefined;
      });
      expect(done).toBe('completed');
      const finished = (await metaAuthQueue(api.t).getJob(queuedJobId))!;
      const summary = finished.returnvalue as ReencryptionSummary;
      expect(summary.currentKeyId).toBe('kb');
      expect(summary.columns.every((c) => c.failed === 0)).toBe(true);
      expect(summary.columns.reduce((n, c) => n + c.rotated, 0)).toBe(tokenCount);

      const kids = await keyIdsByColumn(api.t.dataSource);
      expect(Object.values(kids).flat()).toHaveLength(tokenCount);
      expect(
        Object.values(kids)
          .flat()
          .every((kid) => kid === 'kb'),
      ).toBe(true);
      expect((await healthCheck(api)).checks.find((c) => c.key === 'token')!.level).toBe('ok');
    });

    it('4. the job is visible in Bull Board, can be run again from there, and a second run moves nothing', async () => {
      const board = await api.t.http
        .get('/admin/queues/api/queues')
        .query({ activeQueue: META_AUTH_QUEUE_NAME, status: 'completed', page: 1 })
        .set(api.admin.auth)
        .expect(200);
      const queue = (board.body.queues as { name: string; jobs: { name: string }[] }[]).find((q) => q.name === META_AUTH_QUEUE_NAME)!;
      expect(queue.jobs.map((j) => j.name)).toContain(META_AUTH_JOBS.reencryptTokens);

      const added = await api.t.http
        .post(`/admin/queues/api/queues/${META_AUTH_QUEUE_NAME}/add`)
        .set(api.admin.auth)
        .send({ name: META_AUTH_JOBS.reencryptTokens, data: {} })
        .expect(200);
      const id = String(added.body.job.id);
      await waitFor('the second run to complete', async () => (await metaAuthQueue(api.t).getJobState(id)) === 'completed');
      const rerun = (await metaAuthQueue(api.t).getJob(id))!.returnvalue as ReencryptionSummary;
      expect(rerun.columns.map((c) => c.rotated)).toEqual(rerun.columns.map(() => 0));
    });
  });

  it('5. with key B alone, every token still opens and nothing is queued', async () => {
    const last = await startMetaTestEnv({ sandbox: first.sandbox, database, port, env: { TOKEN_ENCRYPTION_KEYS: KEY_B } });
    try {
      const status = await healthCheck(last);
      expect(status.connected).toBe(true);
      expect(status.checks.find((c) => c.key === 'token')!.level).toBe('ok');
      // Page tokens are opened too: refreshing the assets reads every Page with its own token.
      await last.t.http.post('/v1/integrations/meta/refresh').set(last.admin.auth).expect(200);
      expect(
        Object.values(await keyIdsByColumn(last.t.dataSource))
          .flat()
          .every((kid) => kid === 'kb'),
      ).toBe(true);
      expect(await reencryptJobs(last.t)).toEqual([]);
    } finally {
      await last.t.close();
    }
  });
});
