import type { SandboxRuntime } from '../core/sandbox-runtime';
import { createLeads } from '../leads/lead-service';

/** Demo mode: a new lead on a random active form every N seconds, so a new user sees leads arrive. */
export class DemoLeadTicker {
  private timer?: NodeJS.Timeout;

  constructor(private readonly runtime: SandboxRuntime) {}

  start(intervalSeconds: number): void {
    this.stop();
    if (!(intervalSeconds > 0)) return;
    this.timer = setInterval(() => {
      try {
        createLeads(this.runtime, { count: 1 });
      } catch (error) {
        console.error('[meta-sandbox] demo lead failed', error);
      }
    }, intervalSeconds * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
