import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface MetaConfig {
  appId: string;
  /**
   * The app secret (META_APP_SECRET). Everything we send Meta uses it (appsecret_proof, the OAuth code exchange, the
   * app token): Meta knows one app secret at a time, the one its dashboard shows.
   */
  appSecret: string;
  /**
   * The secret before the last reset (META_APP_SECRET_PREVIOUS), during the overlap only: webhook signatures and
   * signed_request callbacks made with it are still accepted (docs/key-rotation.md).
   */
  previousAppSecret?: string;
  /**
   * META_REDIRECT_URI, else `<PUBLIC_URL>/v1/integrations/meta/callback`; null when neither is set: the connect flow
   * then returns to the address the console was opened at (the same path on the request's origin).
   */
  redirectUri: string | null;
  verifyToken: string;
  /**
   * META_LOGIN_CONFIG_ID: a Facebook Login for Business configuration. Set, the dialog sends `config_id` (with
   * `response_type=code` and `override_default_response_type=true`) and no scope list; null: the scope list.
   */
  loginConfigId: string | null;
  apiVersion: string;
  graphUrl: string;
  dialogUrl: string;
  /** Whether META_APP_ID is unset: the bundled sandbox stands in for Meta and these values point at it. */
  sandbox: boolean;
  /**
   * The bundled sandbox without PUBLIC_URL: its login dialog is opened on the host name the console was opened at
   * (its own port), so a browser on another machine reaches it as it reaches the console.
   */
  dialogHostFollowsRequest: boolean;
  timeoutMs: number;
  /** Pause of a rate-limited scope when Meta gave no regain time (META_RATE_LIMIT_PAUSE_MS). */
  rateLimitPauseMs: number;
}

export const metaConfig = registerAs('meta', (): MetaConfig => {
  const { env } = currentEnv();
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const sandbox = !env.META_APP_ID;
  return {
    appId: env.META_APP_ID ?? 'sandbox-app',
    appSecret: env.META_APP_SECRET ?? 'sandbox-app-secret',
    previousAppSecret: env.META_APP_SECRET_PREVIOUS,
    redirectUri: env.META_REDIRECT_URI ?? (env.PUBLIC_URL ? `${publicUrl}/v1/integrations/meta/callback` : null),
    verifyToken: env.META_VERIFY_TOKEN ?? 'sandbox-verify-token',
    loginConfigId: env.META_LOGIN_CONFIG_ID ?? null,
    apiVersion: env.META_API_VERSION,
    graphUrl: env.META_GRAPH_URL.replace(/\/+$/, ''),
    dialogUrl: env.META_DIALOG_URL.replace(/\/+$/, ''),
    sandbox,
    dialogHostFollowsRequest: sandbox && !env.PUBLIC_URL,
    timeoutMs: env.META_TIMEOUT_MS,
    rateLimitPauseMs: env.META_RATE_LIMIT_PAUSE_MS,
  };
});
