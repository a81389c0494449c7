import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@legeai/contracts';
import { workerOf } from '../utils/queue-workers';
import { waitFor } from '../utils/wait-for';
import { createTestApp, TestApp } from '../utils/create-test-app';

describe('process roles (e2e)', () => {
  describe('APP_ROLE=worker', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { APP_ROLE: 'worker' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves /health and /metrics only', async () => {
      await t.http.get('/health').expect(200);
      await t.http.get('/metrics').expect(200);
      const api = await t.http.get('/v1/auth/me').expect(404);
      expect(api.body.error.code).toBe(ErrorCode.NotFound);
      await t.http.get('/docs-json').expect(404);
    });

    it('runs the queue processors and they take jobs', async () => {
      for (const queue of ['schedules', 'meta-auth', 'meta-webhook', 'meta-leads', 'meta-ads'])
        expect(workerOf(t.app, queue).isRunning()).toBe(true);
      const queue = t.app.get<Queue>(getQueueToken('meta-webhook'));
      const { QueueEvents } = await import('bullmq');
      const events = new QueueEvents('meta-webhook', { connection: queue.opts.connection, prefix: queue.opts.prefix });
      try {
        // Listening before the job exists: QueueEvents reads only events after it connects, so a job that finished
        // while it was still connecting was never heard of (seen on a loaded machine: a 20 s wait for a done job).
        await events.waitUntilReady();
        const job = await queue.add('prune-webhook-inbox', {});
        await expect(job.waitUntilFinished(events, 20_000)).resolves.toEqual({ deleted: 0 });
      } finally {
        await events.close();
      }
    });

    it("turns a schedule's tick into its job on the capability's queue, which runs it", async () => {
      const ticks = t.app.get<Queue>(getQueueToken('schedules'));
      const inbox = t.app.get<Queue>(getQueueToken('meta-webhook'));
      const tick = await ticks.add('tick', { schedule: 'meta-webhook:prune-webhook-inbox' });
      // The state first, then the job: a job read just before it completed has no return value yet (seen on a
      // loaded machine: the state said completed, the returnvalue read a moment earlier was null).
      const finished = async (queue: Queue, id: string) => ((await queue.getJobState(id)) === 'completed' ? queue.getJob(id) : undefined);
      const ticked = await waitFor('the tick to run', () => finished(ticks, tick.id!), 20_000);
      const id = `meta-webhook:prune-webhook-inbox:${tick.timestamp}`;
      expect(ticked.returnvalue).toEqual({ added: `meta-webhook/${id}` });
      const job = await waitFor('the prune job to run', () => finished(inbox, id), 20_000);
      expect({ name: job.name, result: job.returnvalue }).toEqual({ name: 'prune-webhook-inbox', result: { deleted: 0 } });
    });
  });

  describe('APP_ROLE=api', () => {
    let t: TestApp;
    let consoleDir: string;
    beforeAll(async () => {
      consoleDir = mkdtempSync(join(tmpdir(), 'legeai-console-'));
      writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title><app-root></app-root>');
      writeFileSync(join(consoleDir, 'main-ABC.js'), 'console.log(1)');
      // A file where an API path points: the file lookup must not even look for API paths.
      mkdirSync(join(consoleDir, 'v1'));
      writeFileSync(join(consoleDir, 'v1', 'status.json'), '{"from":"the console directory"}');
      t = await createTestApp({ env: { APP_ROLE: 'api', ADMIN_DIST_DIR: consoleDir } });
    });
    afterAll(async () => {
      await t?.close();
      rmSync(consoleDir, { recursive: true, force: true });
    });

    it('leaves queue processors stopped', () => {
      for (const queue of ['schedules', 'meta-auth', 'meta-webhook', 'meta-leads', 'meta-ads'])
        expect(workerOf(t.app, queue).isRunning()).toBe(false);
    });

    it('serves the console, with index.html for client-side routes', async () => {
      const root = await t.http.get('/').expect(200);
      expect(root.text).toContain('<app-root>');
      const deepLink = await t.http.get('/users/123').expect(200);
      expect(deepLink.text).toContain('<app-root>');
      const asset = await t.http.get('/main-ABC.js').expect(200);
      expect(asset.text).toContain('console.log');
    });

    it('never answers API paths or missing assets with the console', async () => {
      const api = await t.http.get('/v1/unknown').expect(404);
      expect(api.body.error.code).toBe(ErrorCode.NotFound);
      await t.http.get('/missing-chunk.js').expect(404);
      const shadowed = await t.http.get('/v1/status.json').expect(404);
      expect(shadowed.body.error.code).toBe(ErrorCode.NotFound);
    });
  });
});
