import type { MetaGraphError } from './meta-graph-error';
import { parseUsageHeaders } from './usage-headers';

export type PaceScope = 'app' | 'ad_account' | 'business';

export interface PacingOptions {
  /** Usage percent (of any of call count, CPU time, total time) from which a scope is paused. */
  thresholdPct: number;
  /**
   * Shortest pause once a scope is over the threshold. Meta keeps counting calls made while throttled and
   * lengthens the block, so a pause shorter than a minute mostly buys a longer block.
   */
  minPauseMs: number;
  /** Pause after a rate-limit error that gave no regain time. */
  rateLimitPauseMs: number;
}

export const DEFAULT_PACING: PacingOptions = { thresholdPct: 90, minPauseMs: 60_000, rateLimitPauseMs: 60_000 };

export interface ScopePause {
  scope: PaceScope;
  id: string;
  /** Epoch ms when calls may resume. */
  until: number;
  reason: string;
  usagePct?: number;
}

/** The scopes a call spends quota from. */
export interface PaceTarget {
  adAccountId?: string;
  businessId?: string;
}

/** Ad accounts appear as `act_123` in paths and `123` as usage-header keys. */
export function normaliseAccountId(id: string): string {
  return id.startsWith('act_') ? id.slice(4) : id;
}

/**
 * Remembers, per app, ad account and business object, whether Meta's usage headers or rate-limit errors say
 * to stop calling for a while (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 * In-memory and per process: each instance learns from the headers of its own calls.
 */
export class UsagePacer {
  private readonly paused = new Map<string, ScopePause>();

  constructor(
    private readonly options: PacingOptions = DEFAULT_PACING,
    private readonly now: () => number = Date.now,
  ) {}

  /** Learns from the usage headers of an answer (successful or not). */
  observe(headers: Record<string, string | undefined>, target: PaceTarget): void {
    const usage = parseUsageHeaders(headers);
    const { thresholdPct, minPauseMs } = this.options;
    if (usage.app && usage.app.maxPct >= thresholdPct) {
      this.pause({ scope: 'app', id: 'app', until: this.now() + minPauseMs, reason: 'x-app-usage', usagePct: usage.app.maxPct });
    }
    if (usage.adAccount && target.adAccountId && usage.adAccount.utilPct >= thresholdPct) {
      const ms = Math.max(usage.adAccount.resetTimeMs, minPauseMs);
      this.pause({
        scope: 'ad_account',
        id: normaliseAccountId(target.adAccountId),
        until: this.now() + ms,
        reason: 'x-ad-account-usage',
        usagePct: usage.adAccount.utilPct,
      });
    }
    for (const buc of usage.businessUseCases) {
      const high = buc.maxPct >= thresholdPct;
      if (!high && buc.regainMs <= 0) continue;
      const ms = high ? Math.max(buc.regainMs, minPauseMs) : buc.regainMs;
      this.pause({
        scope: 'business',
        id: buc.objectId,
        until: this.now() + ms,
        reason: `x-business-use-case-usage:${buc.type}`,
        usagePct: buc.maxPct,
      });
    }
  }

  /** Pauses the narrowest scope a rate-limit error concerns, for the time Meta gave (or a default). */
  onRateLimited(err: MetaGraphError, target: PaceTarget): void {
    const until = this.now() + (err.retryAfterMs ?? this.options.rateLimitPauseMs);
    const reason = `error ${err.code ?? err.httpStatus ?? 'rate_limited'}`;
    const code = err.code ?? 0;
    // Code 4 is the app-wide platform limit; the others concern the object the call touched.
    if (code === 4) return this.pause({ scope: 'app', id: 'app', until, reason });
    const isBuc = code >= 80000 && code <= 80014;
    if (target.adAccountId) {
      const id = normaliseAccountId(target.adAccountId);
      this.pause({ scope: isBuc ? 'business' : 'ad_account', id, until, reason });
      if (!isBuc) this.pause({ scope: 'business', id, until, reason });
      return;
    }
    if (target.businessId) return this.pause({ scope: 'business', id: target.businessId, until, reason });
    this.pause({ scope: 'app', id: 'app', until, reason });
  }

  /** The pause that blocks a call for this target the longest, if any. */
  blocking(target: PaceTarget): ScopePause | undefined {
    const keys = ['app:app'];
    if (target.adAccountId) {
      const id = normaliseAccountId(target.adAccountId);
      keys.push(`ad_account:${id}`, `business:${id}`);
    }
    if (target.businessId) keys.push(`business:${target.businessId}`);
    let worst: ScopePause | undefined;
    for (const key of keys) {
      const p = this.active(key);
      if (p && (!worst || p.until > worst.until)) worst = p;
    }
    return worst;
  }

  /** Every active pause (for health checks and metrics). */
  pauses(): ScopePause[] {
    return [...this.paused.keys()].map((key) => this.active(key)).filter((p): p is ScopePause => !!p);
  }

  private active(key: string): ScopePause | undefined {
    const p = this.paused.get(key);
    if (!p) return undefined;
    if (p.until <= this.now()) {
      this.paused.delete(key);
      return undefined;
    }
    return p;
  }

  private pause(p: ScopePause): void {
    const key = `${p.scope}:${p.id}`;
    const current = this.active(key);
    if (!current || current.until < p.until) this.paused.set(key, p);
  }
}
