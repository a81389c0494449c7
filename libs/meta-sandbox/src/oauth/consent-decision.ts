import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { GranularScope } from '../world/types';
import { PERMISSIONS } from './permissions';
import { dialogSessions } from './dialog-sessions';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

/** Meta appends `#_=_` to login redirects. */
function redirectTo(uri: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%20/g, '+')}`)
    .join('&');
  return `${uri}${uri.includes('?') ? '&' : '?'}${query}#_=_`;
}

/**
 * The user's answer to the dialog. Cancel redirects with Meta's denial parameters; Continue records the grant
 * (unticked permissions become declined, unticked assets narrow `target_ids`) and redirects with a 10-minute,
 * single-use code.
 */
export function decideConsent(runtime: SandboxRuntime, form: Record<string, unknown>): { location: string } | { error: string } {
  const world = runtime.world;
  const sessions = dialogSessions(world);
  const session = sessions.get(String(form['dialog'] ?? ''));
  if (!session) return { error: 'Open the login dialog again from the app.' };
  sessions.delete(session.id);
  if (form['decision'] !== 'continue') {
    return {
      location: redirectTo(session.redirectUri, {
        error: 'access_denied',
        error_code: '200',
        error_description: 'Permissions error',
        error_reason: 'user_denied',
        state: session.state,
      }),
    };
  }
  const ticked = new Set(list(form['scope']));
  const granted = session.requested.filter((name) => name === 'public_profile' || ticked.has(name));
  const declined = session.requested.filter((name) => !granted.includes(name));
  const chosen = {
    pages: list(form['page']),
    adAccounts: list(form['ad_account']),
    businesses: list(form['business']),
  };
  const granularScopes: GranularScope[] = granted
    .filter((name) => name !== 'public_profile')
    .map((scope) => {
      const targets = PERMISSIONS[scope]?.targets;
      return targets ? { scope, targetIds: chosen[targets] } : { scope };
    });
  world.grants.set(world.grantKey(session.appId, session.userId), {
    appId: session.appId,
    userId: session.userId,
    granted,
    declined,
    granularScopes,
  });
  const code = `AQ${world.rng.stream('oauth-codes').chars(140)}`;
  world.codes.set(code, {
    code,
    appId: session.appId,
    userId: session.userId,
    redirectUri: session.redirectUri,
    createdAt: runtime.clock.now(),
    used: false,
  });
  const extra = session.responseType.includes('granted_scopes')
    ? { granted_scopes: granted.join(','), denied_scopes: declined.join(',') }
    : {};
  return { location: redirectTo(session.redirectUri, { code, ...extra, state: session.state }) };
}
