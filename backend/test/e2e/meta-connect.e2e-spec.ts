import { META_REQUIRED_SCOPES, MetaConnectionStatus, MetaConnectResult, Role } from '@legeai/contracts';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin } from '../utils/identity-fixtures';
import { connectMeta, decide, followCallback, openConsent } from '../utils/meta-connect-fixtures';
import { META_APP, MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(60_000);

describe('Meta connect against the sandbox (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv();
  });

  afterAll(async () => {
    await env?.close();
  });

  const status = async (): Promise<MetaConnectionStatus> =>
    (await env.t.http.get('/v1/integrations/meta/status').set(env.admin.auth).expect(200)).body;

  const integrationRows = () =>
    env.t.dataSource.query(`SELECT * FROM meta_integrations WHERE organisation_id = $1 ORDER BY created_at`, [env.admin.organisationId]);

  it('auth/url answers the dialog URL with every required scope and a single-use state', async () => {
    const res = await env.t.http.get('/v1/integrations/meta/auth/url').set(env.admin.auth).expect(200);
    expect(res.body.expiresIn).toBe(600);
    expect(res.body.scopes).toEqual([...META_REQUIRED_SCOPES]);
    const url = new URL(res.body.url);
    expect(url.origin).toBe(env.sandbox.url);
    expect(url.pathname).toBe(`/${META_APP.version}/dialog/oauth`);
    expect(url.searchParams.get('client_id')).toBe(META_APP.id);
    expect(url.searchParams.get('redirect_uri')).toBe(`${env.publicUrl}/v1/integrations/meta/callback`);
    expect(url.searchParams.get('scope')!.split(',')).toEqual([...META_REQUIRED_SCOPES]);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await env.t.dataSource.query(`SELECT state_hash, user_id FROM meta_oauth_states ORDER BY created_at DESC LIMIT 1`);
    expect(row.state_hash).not.toContain(url.searchParams.get('state'));
    expect(row.user_id).toBe(env.admin.id);
  });

  it('a forged state is refused, and nothing is stored', async () => {
    const landing = await followCallback(`${env.publicUrl}/v1/integrations/meta/callback?code=AQforged&state=${'x'.repeat(43)}`);
    expect(landing.pathname).toBe('/integrations/meta');
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.InvalidState);
    const bare = await followCallback(`${env.publicUrl}/v1/integrations/meta/callback`);
    expect(bare.searchParams.get('result')).toBe(MetaConnectResult.InvalidState);
    expect(await integrationRows()).toHaveLength(0);
  });

  it('denied consent comes back as denied, with nothing stored', async () => {
    const res = await env.t.http.get('/v1/integrations/meta/auth/url').set(env.admin.auth).expect(200);
    const callbackUrl = await decide(env, await openConsent(res.body.url), 'cancel');
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    const landing = await followCallback(callbackUrl);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Denied);
    expect(await integrationRows()).toHaveLength(0);
    expect((await auditActions(env.t, env.admin.organisationId)).map((a) => a.action)).toContain('meta.connect_denied');
  });

  it('an expired state is refused even with a valid code', async () => {
    const res = await env.t.http.get('/v1/integrations/meta/auth/url').set(env.admin.auth).expect(200);
    await env.t.dataSource.query(`UPDATE meta_oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const landing = await followCallback(await decide(env, await openConsent(res.body.url), 'continue'));
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.InvalidState);
    expect(await integrationRows()).toHaveLength(0);
  });

  it('missing permissions are stored, named one by one, and shown on the health card', async () => {
    const { landing } = await connectMeta(env, { untick: ['leads_retrieval', 'pages_manage_metadata'] });
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.MissingPermissions);
    expect(landing.searchParams.get('missing')).toBe('leads_retrieval,pages_manage_metadata');
    const s = await status();
    expect(s.connected).toBe(true);
    expect(s.missingScopes).toEqual(['leads_retrieval', 'pages_manage_metadata']);
    const permissions = s.checks.find((c) => c.key === 'permissions')!;
    expect(permissions.level).toBe('error');
    expect(permissions.message).toContain('leads_retrieval');
    expect(permissions.message).toContain('pages_manage_metadata');
    expect(s.overall).toBe('error');
  });

  it('a full connect stores the integration, its assets and subscriptions, and a green health card (reconnect updates in place)', async () => {
    const before = await integrationRows();
    const { landing, callbackUrl } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);
    expect(landing.searchParams.has('missing')).toBe(false);

    const rows = await integrationRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(before[0].id);
    expect(rows[0].status).toBe('active');
    expect(rows[0].access_token_ciphertext).toBeTruthy();
    expect(rows[0].scopes).toEqual(expect.arrayContaining([...META_REQUIRED_SCOPES]));

    const world = env.sandbox.control.world();
    const accounts = (await env.t.http.get('/v1/integrations/meta/ad-accounts').set(env.admin.auth).expect(200)).body;
    expect(accounts.map((a: { adAccountId: string }) => a.adAccountId).sort()).toEqual(world.adAccounts.map((a) => a.id).sort());
    const pages = (await env.t.http.get('/v1/integrations/meta/pages').set(env.admin.auth).expect(200)).body;
    expect(pages.map((p: { pageId: string }) => p.pageId).sort()).toEqual(world.pages.map((p) => p.id).sort());
    expect(pages.every((p: { subscribed: boolean }) => p.subscribed)).toBe(true);
    const forms = (await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body;
    expect(forms.map((f: { formId: string }) => f.formId).sort()).toEqual(world.forms.map((f) => f.id).sort());
    expect(forms.every((f: { questionCount: number }) => f.questionCount > 0)).toBe(true);

    const pageRows = await env.t.dataSource.query(`SELECT page_access_token_ciphertext, webhook_subscribed FROM meta_pages`);
    expect(pageRows.every((p: { page_access_token_ciphertext: string | null }) => !!p.page_access_token_ciphertext)).toBe(true);

    // Meta's side: the app's page subscription calls our webhook for leadgen.
    const subs = await fetch(
      `${env.sandbox.url}/${META_APP.version}/${META_APP.id}/subscriptions?access_token=${encodeURIComponent(`${META_APP.id}|${META_APP.secret}`)}`,
    );
    const subsBody = (await subs.json()) as { data: unknown[] };
    expect(subsBody.data).toEqual([
      expect.objectContaining({ object: 'page', callback_url: `${env.publicUrl}/v1/integrations/meta/webhook`, active: true }),
    ]);

    const s = await status();
    expect(s).toMatchObject({
      connected: true,
      status: 'active',
      overall: 'ok',
      missingScopes: [],
      sandbox: false,
      apiVersion: META_APP.version,
    });
    expect(s.metaUser?.id).toBe(world.userId);
    expect(s.counts).toEqual({ adAccounts: world.adAccounts.length, pages: world.pages.length, leadForms: world.forms.length });
    // The card lists the token's checks, then the participants' (ad assets, then webhook deliveries), then the version.
    expect(s.checks.map((c) => c.key)).toEqual([
      'token',
      'token_expiry',
      'permissions',
      'page_subscriptions',
      'app_subscription',
      'lead_forms',
      'last_webhook',
      'api_version',
    ]);
    // The connect's steps ran in their order and each added its part to the audit entry.
    const { ConnectionLifecycle } = await import('../../src/modules/meta-auth');
    expect(env.t.app.get(ConnectionLifecycle).names()).toEqual([
      'meta-assets: discovery and webhook subscriptions',
      'meta-webhook: last delivery',
      'meta-auth: health check',
      'meta-leads: parked leads replayed',
      'meta-ads: campaign mirror',
      'meta-insights: backfill',
    ]);
    const reconnected = (await auditActions(env.t, env.admin.organisationId))
      .filter((a) => a.action === 'meta.reconnected')
      .pop() as unknown as {
      details: Record<string, unknown>;
    };
    expect(reconnected.details).toEqual({
      metaUserId: world.userId,
      grantedScopes: expect.arrayContaining([...META_REQUIRED_SCOPES]),
      missingScopes: [],
      adAccounts: world.adAccounts.length,
      pages: world.pages.length,
      forms: world.forms.length,
      pagesSubscribed: world.pages.length,
      appSubscription: true,
      replayedLeads: 0,
      adAccountSyncsQueued: world.adAccounts.length,
      // What the connection had before this reconnect (an earlier test of this file connected it with its own grant).
      before: { status: 'active', metaUserId: world.userId, scopes: expect.any(Array) },
      after: { status: 'active', metaUserId: world.userId, scopes: expect.arrayContaining([...META_REQUIRED_SCOPES]) },
      // A reconnect re-reads the insights of the accounts already backfilled, and backfills the others unless their
      // backfill (queued by the first connect) is still under way.
      insightsPullsQueued: expect.any(Number),
      insightsBackfills: expect.any(Number),
    });

    // The same callback URL again: the state was used.
    const replay = await followCallback(callbackUrl);
    expect(replay.searchParams.get('result')).toBe(MetaConnectResult.InvalidState);
  });

  it("reports the app's newest webhook delivery, whatever the row's status", async () => {
    const insert = (status: string, age: string) =>
      env.t.dataSource.query(
        `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, status, received_at)
         VALUES ('\\x7b7d', md5(random()::text) || md5(random()::text), $1, now() - $2::interval) RETURNING received_at`,
        [status, age],
      ) as Promise<{ received_at: Date }[]>;
    await insert('processed', '2 hours');
    const [newest] = await insert('ignored', '1 minute');
    await insert('received', '3 hours');
    expect((await status()).lastWebhookAt).toBe(new Date(newest.received_at).toISOString());
  });

  it('viewers read, admins change; another organisation sees nothing', async () => {
    const viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    await env.t.http.get('/v1/integrations/meta/status').set(viewer.auth).expect(200);
    await env.t.http.get('/v1/integrations/meta/pages').set(viewer.auth).expect(200);
    await env.t.http.post('/v1/integrations/meta/disconnect').set(viewer.auth).expect(403);
    await env.t.http.post('/v1/integrations/meta/status/check').set(viewer.auth).expect(403);
    await env.t.http.get('/v1/integrations/meta/auth/url').set(viewer.auth).expect(403);
    await env.t.http.get('/v1/integrations/meta/status').expect(401);
    const other = await createOrganisationWithAdmin(env.t, 'Other Agency');
    const otherStatus = (await env.t.http.get('/v1/integrations/meta/status').set(other.admin.auth).expect(200)).body;
    expect(otherStatus.connected).toBe(false);
    expect((await env.t.http.get('/v1/integrations/meta/pages').set(other.admin.auth).expect(200)).body).toEqual([]);
    expect((await env.t.http.get('/v1/integrations/meta/lead-forms').set(other.admin.auth).expect(200)).body).toEqual([]);
    await env.t.http.post('/v1/integrations/meta/disconnect').set(other.admin.auth).expect(404);
  });

  it('starts archived forms with auto-sync off and the others on, and counts leads at Meta apart from those stored here', async () => {
    const forms = (await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body as {
      status: string;
      autoSync: boolean;
      leadsAtMeta: number;
      leadsStored: number;
    }[];
    const archived = forms.filter((f) => f.status === 'ARCHIVED');
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((f) => !f.autoSync)).toBe(true);
    expect(forms.filter((f) => f.status === 'ACTIVE').every((f) => f.autoSync)).toBe(true);
    expect(forms.some((f) => f.leadsAtMeta > 0)).toBe(true);
    expect(forms.every((f) => Number.isInteger(f.leadsStored) && f.leadsStored >= 0)).toBe(true);
  });

  it('toggles auto-sync of a form, audited, and rejects bad input with 4xx', async () => {
    const forms = (
      (await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body as { id: string; autoSync: boolean }[]
    ).filter((f) => f.autoSync);
    const res = await env.t.http
      .patch(`/v1/integrations/meta/lead-forms/${forms[0].id}`)
      .set(env.admin.auth)
      .send({ autoSync: false })
      .expect(200);
    expect(res.body).toMatchObject({ id: forms[0].id, autoSync: false });
    const [row] = await env.t.dataSource.query(`SELECT auto_sync FROM meta_lead_forms WHERE id = $1`, [forms[0].id]);
    expect(row.auto_sync).toBe(false);
    await env.t.http.patch(`/v1/integrations/meta/lead-forms/${forms[0].id}`).set(env.admin.auth).send({ autoSync: 'yes' }).expect(400);
    await env.t.http.patch(`/v1/integrations/meta/lead-forms/not-a-uuid`).set(env.admin.auth).send({ autoSync: true }).expect(400);
    await env.t.http
      .patch(`/v1/integrations/meta/lead-forms/00000000-0000-4000-8000-000000000000`)
      .set(env.admin.auth)
      .send({ autoSync: true })
      .expect(404);
    expect((await auditActions(env.t, env.admin.organisationId)).map((a) => a.action)).toContain('meta.lead_form_updated');
    // A refresh keeps the admin's choice.
    await env.t.http.post('/v1/integrations/meta/refresh').set(env.admin.auth).expect(200);
    const [again] = await env.t.dataSource.query(`SELECT auto_sync FROM meta_lead_forms WHERE id = $1`, [forms[0].id]);
    expect(again.auto_sync).toBe(false);
  });

  it('a lost page subscription is re-created by the health check and audited', async () => {
    const pageId = env.sandbox.control.world().pages[0].id;
    // Remove our app from the page at Meta, as a page admin could in Business Suite.
    const { TokenCipher } = await import('../../src/infra/crypto/token-cipher');
    const cipher = env.t.app.get(TokenCipher);
    const [page] = await env.t.dataSource.query(
      `SELECT organisation_id, page_access_token_ciphertext AS c, page_access_token_key_id AS k FROM meta_pages WHERE page_id = $1`,
      [pageId],
    );
    const pageToken = cipher.decrypt({ ciphertext: page.c, keyId: page.k }, page.organisation_id);
    const { createHmac } = await import('node:crypto');
    const proof = createHmac('sha256', META_APP.secret).update(pageToken).digest('hex');
    const removed = await fetch(`${env.sandbox.url}/${META_APP.version}/${pageId}/subscribed_apps?appsecret_proof=${proof}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${pageToken}` },
    });
    expect(removed.status).toBe(200);

    const s = (await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200)).body as MetaConnectionStatus;
    const check = s.checks.find((c) => c.key === 'page_subscriptions')!;
    expect(check.level).toBe('warning');
    expect(check.message).toContain('re-created');
    const actions = await auditActions(env.t, env.admin.organisationId);
    expect(actions).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'meta.page_resubscribed', actor_type: 'system' })]));
    const fields = await fetch(`${env.sandbox.url}/${META_APP.version}/${pageId}/subscribed_apps?appsecret_proof=${proof}`, {
      headers: { Authorization: `Bearer ${pageToken}` },
    });
    expect(((await fields.json()) as { data: { subscribed_fields: string[] }[] }).data[0].subscribed_fields).toContain('leadgen');
  });

  it('refresh finds the assets again and subscribes the pages, audited with what it found', async () => {
    const world = env.sandbox.control.world();
    const s = (await env.t.http.post('/v1/integrations/meta/refresh').set(env.admin.auth).expect(200)).body as MetaConnectionStatus;
    expect(s).toMatchObject({ connected: true, status: 'active' });
    expect(s.counts).toEqual({ adAccounts: world.adAccounts.length, pages: world.pages.length, leadForms: world.forms.length });
    const refreshed = (await auditActions(env.t, env.admin.organisationId))
      .filter((a) => a.action === 'meta.assets_refreshed')
      .pop() as unknown as {
      details: Record<string, unknown>;
    };
    expect(refreshed.details).toEqual({
      adAccounts: world.adAccounts.length,
      pages: world.pages.length,
      forms: { total: world.forms.length, added: 0, removed: 0 },
      adAccountSyncsQueued: world.adAccounts.length,
      // A refresh backfills only accounts never pulled (none new here; the connect's backfills may still be under way).
      insightsPullsQueued: expect.any(Number),
      insightsBackfills: expect.any(Number),
    });
  });

  it('a token Meta invalidates turns the connection to reauth_required; reconnecting restores it in place', async () => {
    const userId = env.sandbox.control.world().userId!;
    env.sandbox.control.invalidateTokens({ userId, reason: 'password_changed' });
    const s = (await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200)).body as MetaConnectionStatus;
    expect(s.status).toBe('reauth_required');
    expect(s.overall).toBe('error');
    const token = s.checks.find((c) => c.key === 'token')!;
    expect(token.level).toBe('error');
    expect(token.hint).toMatch(/Reconnect/);
    expect((await auditActions(env.t, env.admin.organisationId)).map((a) => a.action)).toContain('meta.reauth_required');
    // The scheduled run leaves it paused, not failed.
    await env.t.app.get((await import('../../src/modules/meta-auth/health/meta-health.service')).MetaHealthService).checkAll();
    expect((await status()).status).toBe('reauth_required');
    // A refresh cannot find anything with a refused token: it says to reconnect.
    const refused = await env.t.http.post('/v1/integrations/meta/refresh').set(env.admin.auth).expect(409);
    expect(refused.body.error.code).toBe('meta_reauth_required');

    const idBefore = (await integrationRows())[0].id;
    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);
    const after = await status();
    expect(after.status).toBe('active');
    expect(after.overall).not.toBe('error');
    expect((await integrationRows()).map((r: { id: string }) => r.id)).toEqual([idBefore]);
  });

  it('disconnect revokes at Meta, unsubscribes the pages, wipes the tokens and keeps leads', async () => {
    const { TokenCipher } = await import('../../src/infra/crypto/token-cipher');
    const cipher = env.t.app.get(TokenCipher);
    const [row] = await integrationRows();
    const userToken = cipher.decrypt({ ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id }, row.organisation_id);
    await env.t.dataSource.query(`INSERT INTO leads (organisation_id, full_name) VALUES ($1, 'Kept Lead')`, [env.admin.organisationId]);

    const res = await env.t.http.post('/v1/integrations/meta/disconnect').set(env.admin.auth).expect(200);
    expect(res.body).toMatchObject({ connected: false, status: null });

    const [wiped] = await env.t.dataSource.query(`SELECT * FROM meta_integrations WHERE id = $1`, [row.id]);
    expect(wiped).toMatchObject({ status: 'disconnected', access_token_ciphertext: null, access_token_key_id: null });
    expect(wiped.disconnected_at).not.toBeNull();
    const pageTokens = await env.t.dataSource.query(
      `SELECT count(*)::int AS n FROM meta_pages WHERE page_access_token_ciphertext IS NOT NULL OR webhook_subscribed`,
    );
    expect(pageTokens[0].n).toBe(0);
    const [leads] = await env.t.dataSource.query(`SELECT count(*)::int AS n FROM leads WHERE organisation_id = $1`, [
      env.admin.organisationId,
    ]);
    expect(leads.n).toBe(1);
    const [forms] = await env.t.dataSource.query(`SELECT count(*)::int AS n FROM meta_lead_forms`);
    expect(forms.n).toBeGreaterThan(0);

    // At Meta: the app was removed, so the old token is refused.
    const { createHmac } = await import('node:crypto');
    const proof = createHmac('sha256', META_APP.secret).update(userToken).digest('hex');
    const me = await fetch(`${env.sandbox.url}/${META_APP.version}/me?appsecret_proof=${proof}`, {
      headers: { Authorization: `Bearer ${userToken}` },
    });
    expect(me.status).toBeGreaterThanOrEqual(400);
    expect(((await me.json()) as { error: { code: number } }).error.code).toBe(190);
    const actions = await auditActions(env.t, env.admin.organisationId);
    const disconnected = actions.find((a) => a.action === 'meta.disconnected') as unknown as { details: Record<string, unknown> };
    expect(disconnected.details).toMatchObject({ permissionsRevoked: true, pagesUnsubscribed: env.sandbox.control.world().pages.length });

    await env.t.http.post('/v1/integrations/meta/disconnect').set(env.admin.auth).expect(404);
  });
});
