import type { MetaTestEnv } from './meta-test-env';
import type { SignedInUser } from './identity-fixtures';
import { waitFor } from './wait-for';

export interface ConsentForm {
  action: string;
  dialogId: string;
  scopes: string[];
  /** Assets ticked (or, for a system user's business, chosen) by default (pages, ad accounts, businesses), as form fields. */
  assets: [string, string][];
}

/** Opens Meta's (the sandbox's) consent page the way a browser would. */
export async function openConsent(url: string): Promise<ConsentForm> {
  const response = await fetch(url);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`dialog answered ${response.status}: ${html.slice(0, 300)}`);
  const checked = (name: string) =>
    [...html.matchAll(new RegExp(`<input type="(?:checkbox|radio)" name="${name}" value="([^"]+)" checked(?! disabled)`, 'g'))].map(
      (m) => m[1],
    );
  return {
    action: /<form method="post" action="([^"]+)"/.exec(html)![1],
    dialogId: /name="dialog" value="([^"]+)"/.exec(html)![1],
    scopes: checked('scope'),
    assets: (['page', 'ad_account', 'business'] as const).flatMap((name) => checked(name).map((id): [string, string] => [name, id])),
  };
}

/** Clicks Continue (optionally with some permissions unticked) or Cancel; answers Meta's redirect to our callback. */
export async function decide(env: MetaTestEnv, form: ConsentForm, decision: 'continue' | 'cancel', untick: string[] = []): Promise<string> {
  const body = new URLSearchParams({ dialog: form.dialogId, decision });
  for (const scope of form.scopes.filter((s) => !untick.includes(s))) body.append('scope', scope);
  for (const [name, id] of form.assets) body.append(name, id);
  const response = await fetch(`${env.sandbox.url}${form.action}`, { method: 'POST', body, redirect: 'manual' });
  if (response.status !== 302) throw new Error(`decide answered ${response.status}: ${await response.text()}`);
  return response.headers.get('location')!;
}

/** Follows Meta's redirect to our callback; answers where our callback sends the browser. */
export async function followCallback(callbackUrl: string): Promise<URL> {
  const response = await fetch(callbackUrl.replace(/#_=_$/, ''), { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`callback answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location')!);
}

/** The whole Connect click-through; answers the console URL the browser lands on. */
export async function connectMeta(
  env: MetaTestEnv,
  options: { untick?: string[]; user?: SignedInUser } = {},
): Promise<{ landing: URL; callbackUrl: string }> {
  const res = await env.t.http.get('/v1/integrations/meta/auth/url').set((options.user ?? env.admin).auth);
  if (res.status !== 200) throw new Error(`auth/url → ${res.status} ${JSON.stringify(res.body)}`);
  const form = await openConsent(res.body.url);
  const callbackUrl = await decide(env, form, 'continue', options.untick);
  return { landing: await followCallback(callbackUrl), callbackUrl };
}

/**
 * Connects the organisation of `user` (the first admin by default) and fails unless the console would show it
 * connected; then waits for the ad account syncs (meta-ads) and the insights backfills (meta-insights) the connect
 * queued, so that the Graph faults and call counts a test sets up afterwards meet only its own calls.
 */
export async function connectOrganisation(env: MetaTestEnv, user?: SignedInUser): Promise<void> {
  const { landing } = await connectMeta(env, { user });
  if (landing.searchParams.get('result') !== 'connected') throw new Error(`connect landed on ${landing.href}`);
  await waitForAdsMirror(env, (user ?? env.admin).organisationId);
  await waitForInsightsPulls(env, (user ?? env.admin).organisationId);
}

/** Waits until no insights pull of the organisation is queued or running. */
export async function waitForInsightsPulls(env: MetaTestEnv, organisationId: string, timeoutMs = 180_000): Promise<void> {
  await waitFor(
    'the insights pulls queued by the connect',
    async () => {
      const [row]: { pending: number }[] = await env.t.dataSource.query(
        `SELECT count(*)::int AS pending FROM meta_insight_pulls WHERE organisation_id = $1 AND status IN ('queued', 'running')`,
        [organisationId],
      );
      return row.pending === 0;
    },
    timeoutMs,
  );
}

/** Waits until no sync of the organisation's active ad accounts is queued or running. */
export async function waitForAdsMirror(env: MetaTestEnv, organisationId: string): Promise<void> {
  await waitFor('the ad account syncs queued by the connect', async () => {
    const [row]: { pending: number }[] = await env.t.dataSource.query(
      `SELECT count(*)::int AS pending FROM meta_ad_accounts a
         LEFT JOIN meta_ads_sync_state s ON s.organisation_id = a.organisation_id AND s.ad_account_id = a.ad_account_id
        WHERE a.organisation_id = $1 AND a.is_active AND (s.state IS NULL OR s.state IN ('queued', 'running'))`,
      [organisationId],
    );
    return row.pending === 0;
  });
}
