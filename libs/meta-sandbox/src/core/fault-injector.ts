import { GraphError } from './graph-error';
import { errorForCode } from './error-catalog';
import { Rng } from './rng';

/** One error rule: when a call matches, it fails with `code` at `rate` (0..1). */
export interface ErrorFault {
  code: number;
  subcode?: number;
  rate: number;
  /**
   * The rule fails at most this many calls, then lets every call through: "fail the next N reads", for tests that
   * need a retry to happen without leaving how many to chance. No limit when absent.
   */
  times?: number;
  /**
   * Substring of the path (without version) the rule applies to; all paths when absent. A trailing `$` anchors it at
   * the end of the path: `/ads$` fails `POST /act_1/ads` but not `/act_1/adsets`.
   */
  path?: string;
  method?: string;
}

export interface FaultConfig {
  /**
   * Added once to every Graph HTTP request, in ms: the network round trip to Meta. A batch request pays it once for
   * all its operations (Meta runs them on its side), not once per operation.
   */
  latencyMs?: number;
  errors?: ErrorFault[];
  /** Share of batch operations answered with `null` (the operation timed out and did not run). */
  batchNullRate?: number;
  webhooks?: {
    /** Share of webhook deliveries silently not sent. */
    dropRate?: number;
    /** Share of webhook deliveries sent twice. */
    duplicateRate?: number;
  };
}

/**
 * Faults asked for through the control surface. Decisions come from the seeded `faults` stream, so a test that
 * sets a 30 % error rate sees the same calls fail on every run.
 */
export class FaultInjector {
  config: FaultConfig = {};
  /** Calls each `times`-limited rule has failed so far. */
  private fired = new Map<ErrorFault, number>();

  constructor(private rng: Rng) {}

  setRng(rng: Rng): void {
    this.rng = rng;
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.fired.clear();
  }

  clear(): void {
    this.config = {};
    this.fired.clear();
  }

  /** Waits the configured latency; answers how long it waited (ms). */
  async delay(): Promise<number> {
    const ms = this.config.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return Math.max(0, ms);
  }

  /** The injected error for this call, if any. */
  errorFor(method: string, path: string): GraphError | undefined {
    for (const rule of this.config.errors ?? []) {
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path && !matchesPath(path, rule.path)) continue;
      const fired = this.fired.get(rule) ?? 0;
      if (rule.times !== undefined && fired >= rule.times) continue;
      if (this.rng.chance(rule.rate)) {
        this.fired.set(rule, fired + 1);
        return errorForCode(rule.code, rule.subcode);
      }
    }
    return undefined;
  }

  dropBatchItem(): boolean {
    return this.rng.chance(this.config.batchNullRate ?? 0);
  }

  dropWebhook(): boolean {
    return this.rng.chance(this.config.webhooks?.dropRate ?? 0);
  }

  duplicateWebhook(): boolean {
    return this.rng.chance(this.config.webhooks?.duplicateRate ?? 0);
  }
}

function matchesPath(path: string, rule: string): boolean {
  if (!rule.endsWith('$')) return path.includes(rule);
  // Paths come without their leading slash (`act_1/ads`); the rule may name one (`/ads$`, `/me$`).
  const full = `/${path.split('?')[0].replace(/^\/+|\/+$/g, '')}`;
  return full.endsWith(rule.slice(0, -1));
}
