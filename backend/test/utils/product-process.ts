import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './free-port';

/** The built server; fault tests run it as real processes so that killing one really kills it. */
export const BUILT_MAIN = resolve(__dirname, '../../dist/main.js');

export function assertBuilt(): void {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npm run build:libs && npm run build:backend" first`);
}

/** One `node backend/dist/main.js` with its own port; its output is kept (the tail) for failure messages. */
export class ProductProcess {
  readonly exited: Promise<void>;
  private tail = '';

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    const keep = (d: Buffer) => (this.tail = (this.tail + d.toString()).slice(-30_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  /** Spawns the process with exactly `env` (plus PATH and HOME) on `port` (a free one) and waits until it listens. */
  static async start(name: string, env: Record<string, string>, port?: number): Promise<ProductProcess> {
    assertBuilt();
    port ??= await freePort();
    const child = spawn(process.execPath, [BUILT_MAIN], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new ProductProcess(name, port, child);
    try {
      await proc.waitListening();
    } catch (error) {
      await proc.kill('SIGKILL');
      throw error;
    }
    return proc;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The exit status once the process has exited on its own (null while alive, or when a signal killed it). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** Sends `signal` and returns at once (see kill() and stop() to wait for the exit). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  output(): string {
    return this.tail;
  }

  /** Sends `signal` (SIGKILL by default: no shutdown hooks, no lock release) and waits for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.alive) this.child.kill(signal);
    await this.exited;
  }

  /** A graceful stop, falling back to SIGKILL when shutdown hangs. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Any answer from /health means the HTTP server is up (the app listens only after bootstrap). */
  private async waitListening(): Promise<void> {
    for (let attempt = 0; attempt < 600; attempt++) {
      if (!this.alive) throw new Error(`${this.name} exited during start-up:\n${this.tail}`);
      try {
        const res = await fetch(`${this.url}/health`);
        await res.arrayBuffer();
        return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`${this.name} never listened on ${this.port}:\n${this.tail}`);
  }
}
