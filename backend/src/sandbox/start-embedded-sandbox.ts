import type { RunningSandbox } from '@legeai/meta-sandbox';
import { API_PREFIX, ROUTES } from '@legeai/contracts';
import type { EnvSchema } from '../config/env.schema';
import { metaConfig } from '../config/meta.config';

export interface EmbeddedSandbox {
  url: string;
  close(): Promise<void>;
}

/**
 * Sandbox mode (META_APP_ID unset): starts the bundled Meta imitation in this process and points the Graph and
 * dialog URLs at it. Its app id, secret, verify token and redirect URI are ours, so the product runs exactly the
 * code it runs against Meta. This file is the only place the backend uses sandbox code; with META_APP_ID set it
 * is never loaded.
 *
 * Call after `useEnv(env)`, before Nest is created: the config namespaces read `env` when the app module loads.
 */
export async function startEmbeddedSandbox(env: EnvSchema): Promise<EmbeddedSandbox> {
  // Loaded here, not at the top, so a real deployment never loads the sandbox package.
  const { startSandbox } = await import('@legeai/meta-sandbox');
  const meta = metaConfig();
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const sandbox: RunningSandbox = await startSandbox({
    port: env.SANDBOX_PORT,
    scenario: 'insurance-agency',
    appId: meta.appId,
    appSecret: meta.appSecret,
    verifyToken: meta.verifyToken,
    redirectUris: [meta.redirectUri],
    demoLeadIntervalSeconds: env.SANDBOX_DEMO_LEAD_INTERVAL,
  });
  env.META_GRAPH_URL = sandbox.url;
  env.META_DIALOG_URL = sandbox.url;
  // Our webhook, registered as an app owner would in the dashboard. The handshake is skipped because this server
  // is not listening yet; connecting runs the real subscription (with the handshake) anyway.
  await sandbox.control.subscribeWebhook({
    callbackUrl: `${publicUrl}/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.webhook}`,
    verifyToken: meta.verifyToken,
    verify: false,
  });
  return { url: sandbox.url, close: () => sandbox.close() };
}
