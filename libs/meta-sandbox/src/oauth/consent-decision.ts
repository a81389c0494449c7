import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { GranularScope } from '../world/types';
import { PERMISSIONS } from './permissions';
import { DialogSession, dialogSessions } from './dialog-sessions';
import { ChosenAssets, installSystemUser } from './system-user-install';

const SIXTY_DAYS_SECONDS = 60 * 86_400;

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

function granularScopesOf(granted: string[], chosen: ChosenAssets): GranularScope[] {
  return granted
    .filter((name) => name !== 'public_profile')
    .map((scope) => {
      const targets = PERMISSIONS[scope]?.targets;
      return targets ? { scope, targetIds: chosen[targets] } : { scope };
    });
}

/**
 * Who the grant is for: the person, or, for a Login for Business configuration with system user tokens, the system
 * user installed in the chosen business. Facebook Login lets the person untick permissions (they become declined);
 * a Login for Business configuration is granted whole.
 */
function grantHolder(
  runtime: SandboxRuntime,
  session: DialogSession,
  ticked: Set<string>,
  chosen: ChosenAssets,
): { holderId: string; granted: string[]; declined: string[]; systemUser: boolean } | { error: string } {
  const configuration = session.configuration;
  if (!configuration) {
    const granted = session.requested.filter((name) => name === 'public_profile' || ticked.has(name));
    return { holderId: session.userId, granted, declined: session.requested.filter((name) => !granted.includes(name)), systemUser: false };
  }
  if (configuration.tokenType === 'USER') return { holderId: session.userId, granted: session.requested, declined: [], systemUser: false };
  const user = runtime.world.users.get(session.userId)!;
  const installed = installSystemUser(runtime.world, session.appId, user, chosen, runtime.clock.now());
  if ('error' in installed) return installed;
  return { holderId: installed.id, granted: session.requested, declined: [], systemUser: true };
}

/**
 * The user's answer to the dialog. Cancel redirects with Meta's denial parameters; Continue records the grant
 * (unticked assets narrow `target_ids`) and redirects with a 10-minute, single-use code.
 */
export function decideConsent(
  runtime: SandboxRuntime,
  form: Record<string, unknown>,
): { location: string } | { error: string; title?: string } {
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
  const chosen: ChosenAssets = { pages: list(form['page']), adAccounts: list(form['ad_account']), businesses: list(form['business']) };
  const holder = grantHolder(runtime, session, new Set(list(form['scope'])), chosen);
  if ('error' in holder) return { title: 'Choose a business', error: holder.error };
  world.grants.set(world.grantKey(session.appId, holder.holderId), {
    appId: session.appId,
    userId: holder.holderId,
    granted: holder.granted,
    declined: holder.declined,
    granularScopes: granularScopesOf(holder.granted, chosen),
  });
  const code = `AQ${world.rng.stream('oauth-codes').chars(140)}`;
  world.codes.set(code, {
    code,
    appId: session.appId,
    userId: session.userId,
    redirectUri: session.redirectUri,
    createdAt: runtime.clock.now(),
    used: false,
    ...(holder.systemUser
      ? { systemUserId: holder.holderId, systemUserTokenSeconds: session.configuration!.tokenExpiry === 'never' ? 0 : SIXTY_DAYS_SECONDS }
      : {}),
  });
  const extra = session.responseType.includes('granted_scopes')
    ? { granted_scopes: holder.granted.join(','), denied_scopes: holder.declined.join(',') }
    : {};
  return { location: redirectTo(session.redirectUri, { code, ...extra, state: session.state }) };
}
