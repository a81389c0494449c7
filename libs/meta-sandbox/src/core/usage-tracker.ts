import { SandboxClock } from './clock';
import { BUC_WINDOW_MS, BucType, UsageBudgets, UsageCharge } from './usage-types';

interface Hit {
  at: number;
  costMs: number;
}

/**
 * One scope's calls inside its rolling window, oldest first, with their total cost kept as they come and go.
 * Asking for a scope's usage is amortised O(1): expired calls leave from the front. A busy scope holds tens of
 * thousands of calls (a 10,000-lead drain) and is asked several times per call, so filtering the whole list each
 * time made the sandbox's answer slower with every call it had answered.
 */
class HitWindow {
  private items: Hit[] = [];
  private head = 0;
  /** Calls arrive in clock order unless the sandbox clock was moved back; then expiry falls back to a full pass. */
  private ordered = true;
  spent = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  at(i: number): Hit | undefined {
    return this.items[this.head + i];
  }

  push(hit: Hit): void {
    const last = this.items[this.items.length - 1];
    if (this.length > 0 && last && hit.at < last.at) this.ordered = false;
    this.items.push(hit);
    this.spent += hit.costMs;
  }

  /** Drops the calls made at or before `cutoff`. */
  expire(cutoff: number): void {
    if (!this.ordered) {
      const live = this.items
        .slice(this.head)
        .filter((hit) => hit.at > cutoff)
        .sort((a, b) => a.at - b.at);
      this.items = live;
      this.head = 0;
      this.spent = live.reduce((sum, hit) => sum + hit.costMs, 0);
      this.ordered = true;
      return;
    }
    while (this.head < this.items.length && this.items[this.head].at <= cutoff) {
      this.spent -= this.items[this.head].costMs;
      this.head++;
    }
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
      this.spent = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

export interface ScopeUsage {
  callCount: number;
  /** Whole percent of the budget, as Meta reports them. */
  callPct: number;
  timePct: number;
  cpuPct: number;
  /** Minutes until the oldest calls leave the window enough to drop below 100 %. */
  regainMinutes: number;
  windowMs: number;
}

/** How much synthetic server time one call's budget allows; total_time budgets are calls × this. */
const TIME_PER_CALL_MS = 40;
const CPU_SHARE = 0.6;

/**
 * Real rolling-window budgets per app, per BUC object and per ad account. Every charged call is remembered with
 * its time; percentages come from what is still inside the window. Calls made while throttled are recorded too,
 * which lengthens the block exactly as Meta warns
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export class UsageTracker {
  private readonly hits = new Map<string, HitWindow>();
  private readonly forced = new Set<string>();

  constructor(
    private readonly clock: SandboxClock,
    public budgets: UsageBudgets,
  ) {}

  static appKey(appId: string): string {
    return `app:${appId}`;
  }

  static bucKey(type: BucType, objectId: string): string {
    return `buc:${type}:${objectId}`;
  }

  static accountKey(accountId: string): string {
    return `acct:${accountId}`;
  }

  /** A user's own limit; only ever forced (Meta does not publish it). */
  static userKey(userId: string): string {
    return `user:${userId}`;
  }

  isForced(key: string): boolean {
    return this.forced.has(key);
  }

  record(key: string, costMs: number): void {
    let window = this.hits.get(key);
    if (!window) this.hits.set(key, (window = new HitWindow()));
    window.push({ at: this.clock.now(), costMs });
  }

  /** Forces a scope over its budget (fault injection) until cleared. */
  force(key: string, on: boolean): void {
    if (on) this.forced.add(key);
    else this.forced.delete(key);
  }

  clearForced(): void {
    this.forced.clear();
  }

  usage(key: string): ScopeUsage {
    const { windowMs, budget } = this.limits(key);
    const now = this.clock.now();
    const live = this.hits.get(key) ?? new HitWindow();
    live.expire(now - windowMs);
    const timeBudget = budget * TIME_PER_CALL_MS;
    const spent = live.spent;
    let callPct = Math.floor((live.length / budget) * 100);
    const timePct = Math.floor((spent / timeBudget) * 100);
    const cpuPct = Math.floor(((spent * CPU_SHARE) / timeBudget) * 100);
    let regainMinutes = 0;
    if (Math.max(callPct, timePct) >= 100) {
      // The block lasts until enough old calls fall out of the window.
      const excess = Math.max(live.length - budget + 1, 1);
      const freeing = live.at(Math.min(excess, live.length) - 1);
      regainMinutes = freeing ? Math.max(1, Math.ceil((freeing.at + windowMs - now) / 60_000)) : 1;
    }
    if (this.forced.has(key)) {
      callPct = Math.max(callPct, 100);
      regainMinutes = Math.max(regainMinutes, 5);
    }
    return { callCount: live.length, callPct, timePct, cpuPct, regainMinutes, windowMs };
  }

  isThrottled(key: string): boolean {
    const usage = this.usage(key);
    return Math.max(usage.callPct, usage.timePct, usage.cpuPct) >= 100;
  }

  /** Charges a call to the app and the given scopes; answers the first scope that was already over budget. */
  charge(appId: string | undefined, charges: UsageCharge[], defaultCostMs: number): string | undefined {
    const keys: { key: string; cost: number }[] = [];
    if (appId) keys.push({ key: UsageTracker.appKey(appId), cost: defaultCostMs });
    for (const charge of charges) {
      const cost = charge.costMs ?? defaultCostMs;
      keys.push({ key: UsageTracker.bucKey(charge.type, charge.objectId), cost });
      if (charge.adAccountId) keys.push({ key: UsageTracker.accountKey(charge.adAccountId), cost });
    }
    const throttled = keys.find(({ key }) => this.isThrottled(key))?.key;
    for (const { key, cost } of keys) this.record(key, cost);
    return throttled;
  }

  counters(): Record<string, ScopeUsage> {
    const out: Record<string, ScopeUsage> = {};
    for (const key of [...this.hits.keys()].sort()) out[key] = this.usage(key);
    return out;
  }

  reset(): void {
    this.hits.clear();
    this.forced.clear();
  }

  private limits(key: string): { windowMs: number; budget: number } {
    const [kind, type, id] = key.split(':') as [string, string, string];
    if (kind === 'app') return { windowMs: 3_600_000, budget: this.budgets.appCallsPerHour };
    if (kind === 'acct') return { windowMs: 3_600_000, budget: this.budgets.adAccountCallsPerHour };
    const bucType = type as BucType;
    const configured = this.budgets.buc[bucType];
    const budget = typeof configured === 'function' ? configured(id) : configured;
    return { windowMs: BUC_WINDOW_MS[bucType] ?? 3_600_000, budget: Math.max(1, budget) };
  }
}
