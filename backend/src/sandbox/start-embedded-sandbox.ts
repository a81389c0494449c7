import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSandbox } from '@legeai/meta-sandbox';
import { API_PREFIX, ROUTES } from '@legeai/contracts';
import type { EnvSchema } from '../config/env.schema';
import { metaConfig } from '../config/meta.config';
import { setEmbeddedAppDashboard } from './embedded-app-dashboard';

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
  const defaultCallback = `${publicUrl}/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.callback}`;
  const redirectUris = [meta.redirectUri ?? defaultCallback];
  const sandbox: RunningSandbox = await startSandbox({
    port: env.SANDBOX_PORT,
    // Without PUBLIC_URL the console may be opened from another machine, and its login dialog is opened on the host
    // name the console was (meta.dialogHostFollowsRequest): listen on every interface, as the product does.
    host: meta.dialogHostFollowsRequest ? '0.0.0.0' : '127.0.0.1',
    scenario: 'insurance-agency',
    appId: meta.appId,
    appSecret: meta.appSecret,
    verifyToken: meta.verifyToken,
    redirectUris,
    demoLeadIntervalSeconds: env.SANDBOX_DEMO_LEAD_INTERVAL,
    // Meta keeps the tokens it issued while we restart: so does the sandbox, beside the embedded database.
    stateFile: sandboxStateFile(env.DATA_DIR),
  });
  const local = `http://127.0.0.1:${sandbox.port}`;
  env.META_GRAPH_URL = local;
  env.META_DIALOG_URL = local;
  setEmbeddedAppDashboard({
    allowRedirectUri(uri) {
      if (redirectUris.includes(uri)) return;
      redirectUris.push(uri);
      sandbox.control.setApp({ redirectUris });
    },
  });
  // Our webhook, registered as an app owner would in the dashboard. The handshake is skipped because this server
  // is not listening yet; connecting runs the real subscription (with the handshake) anyway.
  await sandbox.control.subscribeWebhook({
    callbackUrl: `${publicUrl}/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.webhook}`,
    verifyToken: meta.verifyToken,
    verify: false,
  });
  return {
    url: local,
    close: () => {
      setEmbeddedAppDashboard(null);
      return sandbox.close();
    },
  };
}

/** `<DATA_DIR>/meta-sandbox-state.json`, its folder made if missing; none when there is no data folder to write. */
function sandboxStateFile(dataDir: string | undefined): string | undefined {
  if (!dataDir) return undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    return join(dataDir, 'meta-sandbox-state.json');
  } catch {
    return undefined;
  }
}
