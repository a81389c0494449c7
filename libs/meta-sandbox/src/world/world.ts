import { RngStreams } from '../core/rng';
import { SandboxClock } from '../core/clock';
import { IdSequence } from './id-sequence';
import type {
  AdAccountRecord,
  AppRecord,
  AppSubscriptionRecord,
  AuthCodeRecord,
  BusinessRecord,
  GrantRecord,
  LeadFormRecord,
  LeadRecord,
  PageInstallRecord,
  PageRecord,
  SystemUserRecord,
  TokenRecord,
  UserRecord,
} from './types';

/**
 * Everything the sandbox knows, in memory. A reset builds a fresh World from a seed and a scenario, so two runs
 * with the same seed see the same objects.
 *
 * Every object reachable as `/{id}` is registered in `index` with its node type name; node types then load the
 * record from their own collection. Modules that bring their own objects (the Marketing API) keep their
 * collections in `ext(…)` instead of adding fields here.
 */
export class World {
  readonly apps = new Map<string, AppRecord>();
  readonly users = new Map<string, UserRecord>();
  /** Business integration system users, created when a business installs the app (Facebook Login for Business). */
  readonly systemUsers = new Map<string, SystemUserRecord>();
  readonly businesses = new Map<string, BusinessRecord>();
  /** Keyed by numeric account id (without `act_`). */
  readonly adAccounts = new Map<string, AdAccountRecord>();
  readonly pages = new Map<string, PageRecord>();
  readonly forms = new Map<string, LeadFormRecord>();
  readonly leads = new Map<string, LeadRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();
  /** Keyed by `${appId}:${userId}`. */
  readonly grants = new Map<string, GrantRecord>();
  /** Keyed by app id, one record per object type (one callback per object, as Meta allows). */
  readonly appSubscriptions = new Map<string, AppSubscriptionRecord[]>();
  /** Keyed by page id: the apps installed on the page via `/{page-id}/subscribed_apps`. */
  readonly pageInstalls = new Map<string, PageInstallRecord[]>();
  /** Graph id → node type name (`Page`, `LeadgenForm`, `AdAccount`, …). */
  readonly index = new Map<string, string>();
  readonly ids = new IdSequence();
  /**
   * Sandbox time when the world was built. Everything seeded "N days ago" counts from this one instant, so the
   * leads a scenario generates and the ads a module says delivered them agree to the millisecond.
   */
  readonly createdAt: number;
  private readonly extensions = new Map<string, unknown>();

  constructor(
    readonly seed: string,
    readonly scenario: string,
    readonly rng: RngStreams,
    readonly clock: SandboxClock,
  ) {
    this.createdAt = clock.now();
  }

  /** Makes `/{id}` resolve to the given node type. */
  register(id: string, nodeType: string): void {
    this.index.set(id, nodeType);
  }

  unregister(id: string): void {
    this.index.delete(id);
  }

  /** Per-world state of a module, created on first use (for example the Marketing API's campaigns). */
  ext<T>(key: string, create: () => T): T {
    if (!this.extensions.has(key)) this.extensions.set(key, create());
    return this.extensions.get(key) as T;
  }

  /** The one app the sandbox plays Meta for. */
  get app(): AppRecord {
    const app = this.apps.values().next().value;
    if (!app) throw new Error('The sandbox world has no app');
    return app;
  }

  grantKey(appId: string, userId: string): string {
    return `${appId}:${userId}`;
  }
}
