import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { FaultConfig } from '../core/fault-injector';
import type { ScopeUsage } from '../core/usage-tracker';
import type { BucType, UsageBudgets } from '../core/usage-types';
import type { CallFilter, CallLogEntry } from '../core/call-log';
import type { DeliveryLogEntry, WebhookDelivery } from '../webhooks/webhook-delivery';
import type { TokenInvalidation, TokenRecord } from '../world/types';
import { UsageTracker } from '../core/usage-tracker';
import { graphTime } from '../core/clock';
import { CreateLeadsRequest, createLeads } from '../leads/lead-service';
import { verifyCallback } from '../webhooks/handshake';
import { ControlError } from './control-error';
import { MarketingControl } from '../marketing/control/marketing-control';
import { AppSetupControl } from './app-setup-control';
import { CatalogControl } from '../marketing/catalogs/catalog-control';
import { ConversionsControl } from '../marketing/conversions/conversions-control';

export { ControlError };

export interface WorldSummary {
  seed: string;
  scenario: string;
  appId: string;
  userId?: string;
  businesses: { id: string; name: string }[];
  adAccounts: { id: string; accountId: string; name: string; currency: string }[];
  pages: { id: string; name: string }[];
  forms: { id: string; name: string; pageId: string; status: string; locale: string; leads: number }[];
}

/**
 * What tests and demos can do to the sandbox, in process (`sandbox.control`) or over HTTP (`/__sandbox`).
 */
export class SandboxControl {
  /** Campaigns, ads and insights changed behind the API's back (`/__sandbox/marketing`). */
  readonly marketing: MarketingControl;
  /** App mode and roles, Standard Access, Page tasks, Leads Access Manager, callback URL, Login for Business configurations. */
  readonly setup: AppSetupControl;
  /** Catalog batches, item errors, items made elsewhere, call counters (`/__sandbox/catalogs`). */
  readonly catalogs: CatalogControl;
  /** Conversions API events received, failing sends (`/__sandbox/capi`). */
  readonly conversions: ConversionsControl;

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly webhooks: WebhookDelivery,
  ) {
    this.marketing = new MarketingControl(runtime);
    this.setup = new AppSetupControl(runtime);
    this.catalogs = new CatalogControl(runtime);
    this.conversions = new ConversionsControl(runtime);
  }

  reset(change: { seed?: string | number; scenario?: string } = {}): WorldSummary {
    try {
      this.runtime.reset(change);
    } catch (error) {
      throw new ControlError((error as Error).message);
    }
    return this.world();
  }

  world(): WorldSummary {
    const world = this.runtime.world;
    return {
      seed: world.seed,
      scenario: world.scenario,
      appId: world.app.id,
      userId: world.users.values().next().value?.id,
      businesses: [...world.businesses.values()].map(({ id, name }) => ({ id, name })),
      adAccounts: [...world.adAccounts.values()].map((account) => ({
        id: `act_${account.accountId}`,
        accountId: account.accountId,
        name: account.name,
        currency: account.currency,
      })),
      pages: [...world.pages.values()].map(({ id, name }) => ({ id, name })),
      forms: [...world.forms.values()].map((form) => ({
        id: form.id,
        name: form.name,
        pageId: form.pageId,
        status: form.status,
        locale: form.locale,
        leads: [...world.leads.values()].filter((lead) => lead.formId === form.id).length,
      })),
    };
  }

  /** Creates leads now; each one triggers a `leadgen` webhook when subscriptions allow. */
  createLeads(
    request: CreateLeadsRequest = {},
  ): { id: string; form_id: string; page_id: string; created_time: string; is_organic: boolean }[] {
    if (request.formId !== undefined && !this.runtime.world.forms.has(request.formId)) {
      throw new ControlError(`Unknown form ${request.formId}`);
    }
    if (request.submittedBy !== undefined && !this.runtime.world.users.has(String(request.submittedBy))) {
      throw new ControlError(`Unknown user ${String(request.submittedBy)}`);
    }
    return createLeads(this.runtime, request).map((lead) => ({
      id: lead.id,
      form_id: lead.formId,
      page_id: lead.pageId,
      created_time: graphTime(lead.createdTime),
      is_organic: lead.isOrganic,
    }));
  }

  setFaults(config: FaultConfig): void {
    this.runtime.faults.set(config);
  }

  clearFaults(): void {
    this.runtime.faults.clear();
    this.runtime.usage.clearForced();
  }

  /** Puts a rate-limit scope over budget (or releases it): `app`, `user`, `ad_account`, or a BUC type with its object id. */
  throttle(scope: string, objectId: string | undefined, on = true): void {
    let key: string;
    if (scope === 'app') key = UsageTracker.appKey(objectId ?? this.runtime.world.app.id);
    else if (scope === 'user') key = UsageTracker.userKey(objectId ?? this.runtime.world.users.values().next().value?.id ?? '');
    else if (!objectId) throw new ControlError(`Throttling ${scope} needs an objectId`);
    else if (scope === 'ad_account') key = UsageTracker.accountKey(objectId.replace(/^act_/, ''));
    else if (scope in this.runtime.usage.budgets.buc) key = UsageTracker.bucKey(scope as BucType, objectId.replace(/^act_/, ''));
    else throw new ControlError(`Unknown throttle scope ${scope}`);
    this.runtime.usage.force(key, on);
  }

  setUsageBudgets(budgets: Partial<UsageBudgets>): void {
    const current = this.runtime.usage.budgets;
    this.runtime.usage.budgets = { ...current, ...budgets, buc: { ...current.buc, ...(budgets.buc ?? {}) } };
  }

  /**
   * Kills tokens the way Meta does: expired (190/463), password change (460), logout (467), app removal (458). A
   * system user id as `userId` reaches its tokens (the business removed the app in Business Settings).
   */
  invalidateTokens(target: { token?: string; userId?: string; reason: TokenInvalidation }): number {
    const owns = (token: TokenRecord) =>
      target.userId !== undefined && (token.userId === target.userId || token.systemUserId === target.userId);
    const tokens = [...this.runtime.world.tokens.values()].filter(
      (token) => (target.token !== undefined && token.value === target.token) || owns(token),
    );
    if (tokens.length === 0) throw new ControlError('No token matches');
    for (const token of tokens) token.invalidation = target.reason;
    return tokens.length;
  }

  setApp(change: { redirectUris?: string[]; requireAppsecretProof?: boolean }): void {
    const app = this.runtime.world.app;
    if (change.redirectUris) app.redirectUris = [...change.redirectUris];
    if (change.requireAppsecretProof !== undefined) app.requireAppsecretProof = change.requireAppsecretProof;
  }

  setWebhooks(change: Partial<SandboxRuntime['options']['webhooks']>): void {
    Object.assign(this.runtime.options.webhooks, change);
  }

  /**
   * For demos: points the app's `page` subscription at a callback (after the handshake, unless `verify` is false)
   * and installs the app on every Page, as a user would in the App Dashboard.
   */
  async subscribeWebhook(request: { callbackUrl: string; verifyToken?: string; fields?: string[]; verify?: boolean }): Promise<void> {
    const world = this.runtime.world;
    const verifyToken = request.verifyToken ?? this.runtime.options.verifyToken;
    if (!URL.canParse(request.callbackUrl)) throw new ControlError('callbackUrl must be a valid URL');
    if (request.verify !== false) {
      const challenge = String(this.runtime.rng('webhook-challenges').int(100_000_000, 2_147_483_647));
      try {
        await verifyCallback(request.callbackUrl, verifyToken, challenge, this.runtime.options.webhooks.timeoutMs);
      } catch (error) {
        throw new ControlError((error as Error).message);
      }
    }
    const fields = request.fields ?? ['leadgen'];
    world.appSubscriptions.set(world.app.id, [
      ...(world.appSubscriptions.get(world.app.id) ?? []).filter((entry) => entry.object !== 'page'),
      {
        object: 'page',
        callbackUrl: request.callbackUrl,
        verifyToken,
        fields,
        includeValues: true,
        version: this.runtime.versions.latest(this.runtime.clock.now()),
        active: true,
      },
    ]);
    for (const page of world.pages.values()) {
      const installs = (world.pageInstalls.get(page.id) ?? []).filter((install) => install.appId !== world.app.id);
      world.pageInstalls.set(page.id, [...installs, { appId: world.app.id, subscribedFields: ['leadgen'] }]);
    }
  }

  deliveries(): DeliveryLogEntry[] {
    return [...this.webhooks.log];
  }

  /** Sends batched notifications now and waits until no delivery is in flight or scheduled. */
  async flushWebhooks(): Promise<DeliveryLogEntry[]> {
    this.webhooks.flush();
    await this.webhooks.whenIdle();
    return this.deliveries();
  }

  calls(options: CallFilter = {}): CallLogEntry[] {
    return this.runtime.callLog.list(options);
  }

  counters(): {
    httpRequests: number;
    graphCalls: number;
    byStatus: Record<string, number>;
    byErrorCode: Record<string, number>;
    usage: Record<string, ScopeUsage>;
  } {
    const log = this.runtime.callLog;
    return {
      httpRequests: log.httpRequests,
      graphCalls: log.graphCalls,
      byStatus: Object.fromEntries(log.byStatus),
      byErrorCode: Object.fromEntries(log.byErrorCode),
      usage: this.runtime.usage.counters(),
    };
  }

  advanceClock(ms: number): string {
    if (!Number.isFinite(ms) || ms < 0) throw new ControlError('ms must be a non-negative number');
    this.runtime.clock.advance(ms);
    return graphTime(this.runtime.clock.now());
  }

  now(): string {
    return graphTime(this.runtime.clock.now());
  }
}
