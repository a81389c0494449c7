import type { Request, Response, Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { VERSION_PATTERN } from '../core/versions';
import { DEMO_IDS } from '../world/demo-ids';
import { consentPage, errorPage } from './dialog-page';
import { PERMISSIONS, parseScope } from './permissions';
import { decideConsent } from './consent-decision';
import { DialogSession, dialogSessions } from './dialog-sessions';

const first = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

function showDialog(runtime: SandboxRuntime, req: Request, res: Response): void {
  const world = runtime.world;
  const query = req.query as Record<string, unknown>;
  const clientId = first(query['client_id']);
  const redirectUri = first(query['redirect_uri']);
  const app = clientId ? world.apps.get(clientId) : undefined;
  if (!app) {
    res.status(400).type('html').send(errorPage('Invalid App ID', 'The provided app ID does not look like a valid app ID.'));
    return;
  }
  // Strict Mode: the redirect URI must be one of the app's valid OAuth redirect URIs, byte for byte.
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    res
      .status(400)
      .type('html')
      .send(
        errorPage(
          'URL blocked',
          "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. " +
            'Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.',
        ),
      );
    return;
  }
  const requested = parseScope(first(query['scope']));
  const unknown = requested.filter((name) => !PERMISSIONS[name]);
  if (unknown.length > 0) {
    res.status(400).type('html').send(errorPage('Invalid Scopes', `Invalid Scopes: ${unknown.join(', ')}.`));
    return;
  }
  const user = world.users.get(DEMO_IDS.userId)!;
  const permissions = ['public_profile', ...requested.filter((name) => name !== 'public_profile')];
  const session: DialogSession = {
    id: world.rng.stream('oauth-dialog').chars(24),
    appId: app.id,
    userId: user.id,
    redirectUri,
    state: first(query['state']),
    requested: permissions,
    responseType: first(query['response_type']) ?? 'code',
  };
  dialogSessions(world).set(session.id, session);
  const wants = (kind: string): boolean => permissions.some((name) => PERMISSIONS[name]?.targets === kind);
  const pages = user.pageRoles.map((role) => world.pages.get(role.pageId)!).filter(Boolean);
  const accounts = user.adAccountIds.map((id) => world.adAccounts.get(id)!).filter(Boolean);
  const businesses = user.businessIds.map((id) => world.businesses.get(id)!).filter(Boolean);
  res.type('html').send(
    consentPage({
      dialogId: session.id,
      action: `/${req.params['version']}/dialog/oauth/decide`,
      appName: app.name,
      userName: user.name,
      permissions,
      assets: [
        { kind: 'business', legend: 'Businesses', items: wants('businesses') ? businesses : [] },
        { kind: 'page', legend: 'Pages', items: wants('pages') ? pages : [] },
        {
          kind: 'ad_account',
          legend: 'Ad accounts',
          items: wants('adAccounts') ? accounts.map((account) => ({ id: account.accountId, name: account.name })) : [],
        },
      ],
    }),
  );
}

/** `/{version}/dialog/oauth`: Meta's login dialog, as a real page with Continue and Cancel. */
export function registerDialogRoutes(router: Router, runtime: SandboxRuntime): void {
  router.get('/:version/dialog/oauth', (req, res, next) => {
    if (!VERSION_PATTERN.test(String(req.params['version']))) return next();
    showDialog(runtime, req, res);
  });
  router.post('/:version/dialog/oauth/decide', (req, res, next) => {
    if (!VERSION_PATTERN.test(String(req.params['version']))) return next();
    const result = decideConsent(runtime, (req.body ?? {}) as Record<string, unknown>);
    if ('error' in result) {
      res.status(400).type('html').send(errorPage('This dialog has expired', result.error));
      return;
    }
    res.redirect(302, result.location);
  });
}
