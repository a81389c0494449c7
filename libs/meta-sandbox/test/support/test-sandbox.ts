import { RunningSandbox, SandboxOptions, startSandbox } from '../../src';

/** A sandbox for one test file: free port, fixed seed, webhooks fast (batched briefly, retries compressed, no random duplicates). */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    seed: 'test-seed',
    redirectUris: [REDIRECT_URI],
    ...options,
    webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: 2000, ...(options.webhooks ?? {}) },
  });
}

export const REDIRECT_URI = 'http://localhost:3000/v1/meta/oauth/callback';
export const VERSION = 'v25.0';
