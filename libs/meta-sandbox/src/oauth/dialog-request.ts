import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { AppRecord, UserRecord } from '../world/types';
import { DEMO_IDS } from '../world/demo-ids';
import type { ConsentView } from './dialog-page';
import { PERMISSIONS, parseScope } from './permissions';
import { askablePermissions, hasAppRole } from './app-access';
import { AssetKind, LoginConfiguration, loginConfigurations } from './login-configurations';
import { DialogSession, dialogSessions } from './dialog-sessions';

export type DialogOutcome = { kind: 'consent'; view: ConsentView } | { kind: 'error'; title: string; message: string };

type Query = Record<string, unknown>;

const first = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

const refuse = (title: string, message: string): DialogOutcome => ({ kind: 'error', title, message });

/** What the dialog asks for: from `scope` (Facebook Login), or from a configuration (`config_id`, Login for Business). */
type Request = { permissions: string[]; assetKinds: AssetKind[]; configuration?: LoginConfiguration } | DialogOutcome;

function byScope(query: Query): Request {
  const requested = parseScope(first(query['scope']));
  const unknown = requested.filter((name) => !PERMISSIONS[name]);
  if (unknown.length > 0) return refuse('Invalid Scopes', `Invalid Scopes: ${unknown.join(', ')}.`);
  const assetKinds = [...new Set(requested.map((name) => PERMISSIONS[name]?.targets).filter((kind): kind is AssetKind => !!kind))];
  return { permissions: requested, assetKinds };
}

/**
 * A configuration replaces `scope` (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
 * System user tokens come only from the code flow: `response_type=code` with `override_default_response_type=true`.
 * Meta does not document the page for an unknown `config_id`; the sandbox shows the one people report for a Login for
 * Business app whose login is not set up ("It looks like this app isn't available"), and never reaches the redirect.
 */
function byConfiguration(runtime: SandboxRuntime, app: AppRecord, configId: string, query: Query): Request {
  const configuration = loginConfigurations(runtime.world).get(configId);
  if (!configuration) return refuse("It looks like this app isn't available", `To fix this, please contact ${app.name}.`);
  const codeFlow = first(query['response_type']) === 'code' && first(query['override_default_response_type']) === 'true';
  if (configuration.tokenType === 'SYSTEM_USER' && !codeFlow) {
    return refuse(
      'This configuration needs the code flow',
      'A configuration that issues system user access tokens is used with response_type=code and override_default_response_type=true.',
    );
  }
  // A system user belongs to a business: the business is asked for even when the configuration names no business asset.
  const assetKinds =
    configuration.tokenType === 'SYSTEM_USER' ? [...new Set<AssetKind>(['businesses', ...configuration.assets])] : configuration.assets;
  return { permissions: configuration.permissions, assetKinds, configuration };
}

function assetsOf(runtime: SandboxRuntime, user: UserRecord, kinds: AssetKind[]): ConsentView['assets'] {
  const world = runtime.world;
  const wants = (kind: AssetKind) => kinds.includes(kind);
  const pages = user.pageRoles.map((role) => world.pages.get(role.pageId)!).filter(Boolean);
  const accounts = user.adAccountIds.map((id) => world.adAccounts.get(id)!).filter(Boolean);
  const businesses = user.businessIds.map((id) => world.businesses.get(id)!).filter(Boolean);
  return [
    { kind: 'business', legend: 'Businesses', items: wants('businesses') ? businesses : [] },
    { kind: 'page', legend: 'Pages', items: wants('pages') ? pages : [] },
    {
      kind: 'ad_account',
      legend: 'Ad accounts',
      items: wants('adAccounts') ? accounts.map((account) => ({ id: account.accountId, name: account.name })) : [],
    },
  ];
}

/**
 * Opens Meta's login dialog for the demo user: checks the app, the redirect URI (Strict Mode: byte for byte), the app
 * mode, what is asked for, then stores a session the consent form answers.
 */
export function openLoginDialog(runtime: SandboxRuntime, query: Query, action: string): DialogOutcome {
  const world = runtime.world;
  const clientId = first(query['client_id']);
  const redirectUri = first(query['redirect_uri']);
  const app = clientId ? world.apps.get(clientId) : undefined;
  if (!app) return refuse('Invalid App ID', 'The provided app ID does not look like a valid app ID.');
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    return refuse(
      'URL blocked',
      "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. " +
        'Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.',
    );
  }
  const user = world.users.get(DEMO_IDS.userId)!;
  // In development mode only people with a role on the app can log in to it.
  if (app.mode === 'development' && !hasAppRole(app, user.id)) {
    return refuse(
      'App not active',
      'This app is not currently accessible and the app developer is aware of the issue. You will be able to log in when the app is reactivated.',
    );
  }
  const configId = first(query['config_id']);
  const request = configId !== undefined ? byConfiguration(runtime, app, configId, query) : byScope(query);
  if ('kind' in request) return request;
  if (request.configuration?.tokenType === 'SYSTEM_USER' && user.businessIds.length === 0) {
    return refuse('No business portfolio', `A system user access token is issued for a business portfolio, and ${user.name} manages none.`);
  }
  const askable = askablePermissions(app, user.id, request.permissions);
  // A system user has no profile: public_profile (and email) do not apply to its token.
  const permissions =
    request.configuration?.tokenType === 'SYSTEM_USER'
      ? askable
      : ['public_profile', ...askable.filter((name) => name !== 'public_profile')];
  const session: DialogSession = {
    id: world.rng.stream('oauth-dialog').chars(24),
    appId: app.id,
    userId: user.id,
    redirectUri,
    state: first(query['state']),
    requested: permissions,
    responseType: first(query['response_type']) ?? 'code',
    configuration: request.configuration,
  };
  dialogSessions(world).set(session.id, session);
  const configuration = request.configuration;
  return {
    kind: 'consent',
    view: {
      dialogId: session.id,
      action,
      appName: app.name,
      userName: user.name,
      permissions,
      configuration: configuration && {
        name: configuration.name,
        tokenType: configuration.tokenType,
        tokenExpiry: configuration.tokenExpiry,
      },
      assets: assetsOf(runtime, user, request.assetKinds),
    },
  };
}
