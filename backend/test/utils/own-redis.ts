import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';
import { REDIS_SERVER } from './test-services';

/**
 * A Redis server of the test's own, as a child process, so a test can stop and restart it without touching the
 * machine's Redis. With `persistent`, it keeps an append-only file in a temporary directory (fsync on every write),
 * so queued jobs survive a restart like a production Redis with AOF.
 */
export class OwnRedis {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private output = '';
  private readonly dir: string;

  private constructor(
    readonly port: number,
    private readonly persistent: boolean,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'legeai-redis-'));
  }

  static async start(options: { persistent?: boolean } = {}): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), options.persistent ?? false);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (again, on the same port and directory) and waits until it answers PING. */
  async start(): Promise<void> {
    if (this.running) return;
    if (!REDIS_SERVER)
      throw new Error('OwnRedis needs redis-server, which is not installed (TEST_REDIS_SERVER is empty): use describeWithRedisServer');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--dir', this.dir];
    args.push(...(this.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
    const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    child.stderr.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await this.waitReady();
  }

  /** Stops the server with `signal` (SIGTERM: a clean shutdown that flushes the AOF) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exited;
  }

  /** Stops the server if running and removes its directory. */
  async dispose(): Promise<void> {
    await this.stop('SIGKILL').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A client for the test's own checks; the caller disconnects it. */
  client(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: null, lazyConnect: false });
  }

  private async waitReady(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (!this.running) throw new Error(`redis-server exited on start:\n${this.output}`);
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        // not listening yet (or still loading the AOF)
      } finally {
        probe.disconnect();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server on ${this.port} never answered PING:\n${this.output}`);
  }
}
