import { createHash } from 'node:crypto';
import { DEFAULT_BUDGETS, UsageBudgets } from './core/usage-types';

export interface WebhookOptions {
  /** Whether notifications are delivered at all (default true). */
  enabled?: boolean;
  /**
   * Compresses the retry schedule (Meta retries for 36 h): a delay of D is waited as D / retryTimeScale.
   * 1 (default) is real time; 1_000_000 plays the 36 hours in about 130 ms.
   */
  retryTimeScale?: number;
  /** A delivery not answered within this many ms is a failure (Meta's value is not published; ~20 s). */
  timeoutMs?: number;
  /** Share of deliveries Meta sends twice (default 0.02). Deterministic for a seed. */
  duplicateRate?: number;
  /** How long new changes wait to be batched into one POST, in ms (default 200). */
  batchWindowMs?: number;
  /** Most updates per POST (Meta: up to 1000). */
  maxBatchSize?: number;
}

export interface SandboxOptions {
  /** 0 (default for tests) picks a free port. */
  port?: number;
  host?: string;
  /** Everything generated (ids aside from the fixed demo assets, lead data, faults, duplicates) follows this seed. */
  seed?: string | number;
  /** 'insurance-agency' (default) or 'empty'. */
  scenario?: string;
  appId?: string;
  appSecret?: string;
  appName?: string;
  /** Valid OAuth redirect URIs of the app (exact match). */
  redirectUris?: string[];
  /** Verify token the sandbox uses when it subscribes a callback itself (control surface, demo). */
  verifyToken?: string;
  /** "Require App Secret" (default true): user and page token calls need appsecret_proof. */
  requireAppsecretProof?: boolean;
  /** Where the sandbox clock starts (default: now). */
  clockStart?: string | number | Date;
  webhooks?: WebhookOptions;
  /** Demo mode: create a lead every N seconds (and deliver its webhook). Off when absent or 0. */
  demoLeadIntervalSeconds?: number;
  usage?: Partial<UsageBudgets>;
  /** Public origin to use in links instead of the request's Host (when behind a proxy). */
  publicUrl?: string;
  /**
   * A file where the sandbox keeps what Meta remembers across restarts (`world/remembered-state.ts`: issued tokens,
   * grants, system users, Page installs, id counters). Without it (tests), every start is a new Meta.
   */
  stateFile?: string;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: string;
  scenario: string;
  appId: string;
  appSecret: string;
  appName: string;
  redirectUris: string[];
  verifyToken: string;
  requireAppsecretProof: boolean;
  clockStart?: string | number | Date;
  webhooks: Required<WebhookOptions>;
  demoLeadIntervalSeconds: number;
  usage: UsageBudgets;
  publicUrl?: string;
  stateFile?: string;
}

export const DEFAULT_APP_ID = '1786543210987654';

/**
 * The product's own callback with nothing configured (PORT 3000, no PUBLIC_URL), under both loopback names, so a
 * standalone sandbox accepts the product as it starts. Matching stays exact, like Meta's "Valid OAuth Redirect URIs".
 */
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://localhost:3000/v1/integrations/meta/callback',
  'http://127.0.0.1:3000/v1/integrations/meta/callback',
];

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const seed = String(options.seed ?? 'legeai');
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed,
    scenario: options.scenario ?? 'insurance-agency',
    appId: options.appId ?? DEFAULT_APP_ID,
    // Derived from the seed so a standalone sandbox prints the same secret on every start.
    appSecret: options.appSecret ?? createHash('sha256').update(`meta-sandbox-app-secret:${seed}`).digest('hex').slice(0, 32),
    appName: options.appName ?? 'LEGEAI Meta Connect (sandbox)',
    redirectUris: [...(options.redirectUris ?? DEFAULT_REDIRECT_URIS)],
    verifyToken: options.verifyToken ?? 'legeai-sandbox-verify-token',
    requireAppsecretProof: options.requireAppsecretProof ?? true,
    clockStart: options.clockStart,
    webhooks: {
      enabled: options.webhooks?.enabled ?? true,
      retryTimeScale: options.webhooks?.retryTimeScale ?? 1,
      timeoutMs: options.webhooks?.timeoutMs ?? 20_000,
      duplicateRate: options.webhooks?.duplicateRate ?? 0.02,
      batchWindowMs: options.webhooks?.batchWindowMs ?? 200,
      maxBatchSize: options.webhooks?.maxBatchSize ?? 1000,
    },
    demoLeadIntervalSeconds: options.demoLeadIntervalSeconds ?? 0,
    usage: { ...DEFAULT_BUDGETS, ...(options.usage ?? {}), buc: { ...DEFAULT_BUDGETS.buc, ...(options.usage?.buc ?? {}) } },
    publicUrl: options.publicUrl,
    stateFile: options.stateFile,
  };
}
