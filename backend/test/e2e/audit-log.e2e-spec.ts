import { AuditEntryDto, AuditLogFiltersDto, ErrorCode, Page, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, createUserAndLogin, FIRST_ADMIN, login, PASSWORD, SignedInUser } from '../utils/identity-fixtures';
import { insertLead, insertLeadForm } from '../utils/lead-factory';

const QUESTIONS = [
  { key: 'full_name', label: 'Full name', type: 'FULL_NAME', id: '1' },
  { key: 'email', label: 'Email', type: 'EMAIL', id: '2' },
  { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM', id: '3' },
];

describe('audit log for auditors (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let rival: SignedInUser;

  const list = async (query: Record<string, string | number> = {}, as = admin): Promise<Page<AuditEntryDto>> =>
    (
      await t.http
        .get('/v1/audit-log')
        .query({ limit: 200, ...query })
        .set(as.auth)
        .expect(200)
    ).body as Page<AuditEntryDto>;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    manager = await createUserAndLogin(t, admin, Role.Manager, 'mia.manager@example.test');
    await t.http.patch(`/v1/users/${manager.id}`).set(admin.auth).send({ name: 'Mia Manager' }).expect(200);
    rival = (await createOrganisationWithAdmin(t, 'Rival Insurance')).admin;
  });
  afterAll(() => t?.close());

  it('names the actor: users by name and email, API keys by name, the system as System', async () => {
    const key = (await t.http.post('/v1/api-keys').set(admin.auth).send({ name: 'CRM export', role: 'manager' }).expect(201)).body;
    await t.http.get('/v1/leads').set('X-API-Key', key.key).expect(200);
    const lead = await insertLead(t.dataSource, admin.organisationId);
    await t.http.get(`/v1/leads/${lead.id}`).set('X-API-Key', key.key).expect(200);

    const { items } = await list();
    const created = items.find((e) => e.action === 'api_key.created')!;
    expect(created).toMatchObject({ actorType: 'user', actorId: admin.id, actorName: 'Administrator', actorDetail: FIRST_ADMIN.email });
    const viewed = items.find((e) => e.action === 'lead.contact_viewed' && e.actorType === 'api_key')!;
    expect(viewed).toMatchObject({ actorId: key.id, actorName: 'CRM export', actorDetail: key.prefix, category: 'access' });
    const firstAdmin = items.find((e) => e.action === 'user.created' && e.actorType === 'system')!;
    expect(firstAdmin).toMatchObject({ actorName: 'System', actorId: null });
  });

  it('keeps the name a user had after the user is gone, and shows current names of those who remain', async () => {
    const leaver = await createUserAndLogin(t, admin, Role.Viewer, 'leo.leaver@example.test');
    await t.http.post('/v1/auth/logout').set('Cookie', leaver.refreshCookie).expect(204);
    await t.dataSource.query(`DELETE FROM auth_sessions WHERE user_id = $1`, [leaver.id]);
    await t.dataSource.query(`DELETE FROM users WHERE id = $1`, [leaver.id]);

    const { items } = await list({ actorId: leaver.id });
    expect(items.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.logout']);
    for (const entry of items) expect(entry).toMatchObject({ actorName: 'Test viewer', actorDetail: null });

    // The manager signed in as "Test manager" and was renamed: the log shows who they are now.
    const signIn = (await list({ actorId: manager.id, action: 'auth.login' })).items[0];
    expect(signIn).toMatchObject({ actorName: 'Mia Manager', actorDetail: 'mia.manager@example.test' });
  });

  it('keeps sign-ins apart from changes and contact-detail access', async () => {
    await t.http.post('/v1/auth/login').send({ email: manager.email, password: 'not-the-password' }).expect(401);
    const refreshed = await t.http.post('/v1/auth/refresh').set('Cookie', manager.refreshCookie).expect(200);
    expect(refreshed.body.accessToken).toBeTruthy();

    const signIns = (await list({ category: 'sign_in' })).items;
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.category === 'sign_in' && e.action.startsWith('auth.'))).toBe(true);
    expect(signIns.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.refreshed']));

    const changes = (await list({ category: 'change' })).items;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((e) => e.action.startsWith('auth.') || e.action === 'lead.contact_viewed')).toBe(false);
    expect(
      (await list({ category: 'access' })).items.every((e) => e.action === 'lead.contact_viewed' || e.action === 'lead.exported'),
    ).toBe(true);
  });

  it('records a lock-out as a sign-in event', async () => {
    const victim = await createUserAndLogin(t, admin, Role.Viewer);
    for (let i = 0; i < 10; i++) {
      const res = await t.http.post('/v1/auth/login').send({ email: victim.email, password: `wrong-${i}-password` });
      if (res.status === 429) break;
    }
    const locked = (await list({ actorId: victim.id, action: 'auth.locked_out' })).items;
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ category: 'sign_in', before: { lockedUntil: null } });
    expect(typeof locked[0].after?.lockedUntil).toBe('string');
  });

  it('records before and after of a status change, with the request id the answer carried', async () => {
    const lead = await insertLead(t.dataSource, admin.organisationId);
    const res = await t.http.patch(`/v1/leads/${lead.id}/status`).set(manager.auth).send({ status: 'contacted' }).expect(200);
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[\w-]{8,64}$/);

    const { items } = await list({ targetType: 'lead', targetId: lead.id, action: 'lead.status_changed' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      category: 'change',
      actorName: 'Mia Manager',
      before: { status: 'new' },
      after: { status: 'contacted' },
      correlationId: requestId,
    });
    // Filterable by that id: an auditor holding a log line finds the entry.
    expect((await list({ correlationId: requestId })).items.map((e) => e.id)).toEqual([items[0].id]);
  });

  it("keeps the caller's own X-Request-Id as the correlation id", async () => {
    const res = await t.http
      .patch(`/v1/organisation`)
      .set(admin.auth)
      .set('X-Request-Id', 'audit-e2e-0001')
      .send({ defaultCurrency: 'CAD' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('audit-e2e-0001');
    const [entry] = (await list({ correlationId: 'audit-e2e-0001' })).items;
    expect(entry).toMatchObject({ action: 'organisation.updated', before: { defaultCurrency: null }, after: { defaultCurrency: 'CAD' } });
  });

  it('records before and after of a lead form mapping change', async () => {
    const formId = await insertLeadForm(t.dataSource, admin.organisationId, '7701', 'Auto quote', QUESTIONS);
    const mapping = { fields: { current_insurer: 'city' }, defaults: { country: 'US' }, required: ['email'] };
    await t.http.put(`/v1/integrations/meta/lead-forms/${formId}/mapping`).set(admin.auth).send(mapping).expect(200);

    const [entry] = (await list({ targetType: 'meta_lead_form', targetId: formId })).items;
    expect(entry.action).toBe('meta.lead_form_mapping_updated');
    expect(entry.details).toMatchObject({ formId: '7701', formName: 'Auto quote' });
    expect(entry.before).toMatchObject({ customised: false, mapping: { defaults: {}, required: [] } });
    expect((entry.before as { mapping: { fields: Record<string, string> } }).mapping.fields.current_insurer).not.toBe('city');
    expect(entry.after).toMatchObject({
      customised: true,
      mapping: { fields: { current_insurer: 'city', full_name: 'fullName' }, defaults: { country: 'US' }, required: ['email'] },
    });
  });

  it('records role changes and API key revocation as before and after, without secrets', async () => {
    const subject = await createUserAndLogin(t, admin, Role.Viewer);
    await t.http.patch(`/v1/users/${subject.id}`).set(admin.auth).send({ role: 'manager' }).expect(200);
    const [roleChange] = (await list({ targetId: subject.id, action: 'user.updated' })).items;
    expect(roleChange).toMatchObject({ before: { role: 'viewer' }, after: { role: 'manager' } });

    const key = (await t.http.post('/v1/api-keys').set(admin.auth).send({ name: 'Short-lived', role: 'viewer' }).expect(201)).body;
    await t.http.delete(`/v1/api-keys/${key.id}`).set(admin.auth).expect(204);
    const entries = (await list({ targetType: 'api_key', targetId: key.id })).items;
    expect(entries.find((e) => e.action === 'api_key.created')).toMatchObject({
      before: null,
      after: { name: 'Short-lived', role: 'viewer' },
    });
    expect(entries.find((e) => e.action === 'api_key.revoked')).toMatchObject({ before: { revokedAt: null } });

    const dump = JSON.stringify(await list());
    expect(dump).not.toContain(key.key);
    expect(dump).not.toContain(PASSWORD);
  });

  it('filters by date range, actor type and action, newest first, with paging', async () => {
    const all = (await list()).items;
    const times = all.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const middle = all[Math.floor(all.length / 2)].at;
    const older = (await list({ to: middle })).items;
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((e) => Date.parse(e.at) <= Date.parse(middle))).toBe(true);
    const newer = (await list({ from: middle })).items;
    expect(newer.every((e) => Date.parse(e.at) >= Date.parse(middle))).toBe(true);
    expect(older.length + newer.length).toBeGreaterThanOrEqual(all.length);

    expect((await list({ from: new Date(Date.now() + 3_600_000).toISOString() })).total).toBe(0);
    const system = (await list({ actorType: 'system' })).items;
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((e) => e.actorType === 'system' && e.actorName === 'System')).toBe(true);

    const page = await list({ limit: 2, offset: 1 });
    expect(page.items.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
  });

  it('counts past 1,000 entries as an estimate that says so, and exactly below', async () => {
    const exact = await list({ limit: 1 }, rival);
    expect(exact.totalExact).toBe(true);
    await t.dataSource.query(
      `INSERT INTO audit_log (organisation_id, actor_type, action, category, details, at)
       SELECT $1, 'system', 'meta.health_checked', 'change', '{}', now() - i * interval '1 minute' FROM generate_series(1, 1200) i`,
      [rival.organisationId],
    );
    await t.dataSource.query('ANALYZE audit_log');
    const estimated = await list({ limit: 1 }, rival);
    expect(estimated.totalExact).toBe(false);
    expect(estimated.total).toBeGreaterThan(1_000);
    expect(
      (await list({ limit: 1, action: 'meta.health_checked', to: new Date(Date.now() - 1_000 * 60_000).toISOString() }, rival)).total,
    ).toBeLessThanOrEqual(1_000);
  });

  it('offers the actors, actions and subject types that occur, by name', async () => {
    const filters = (await t.http.get('/v1/audit-log/filters').set(admin.auth).expect(200)).body as AuditLogFiltersDto;
    expect(filters.actors).toEqual(
      expect.arrayContaining([
        { type: 'user', id: manager.id, name: 'Mia Manager', detail: 'mia.manager@example.test' },
        { type: 'system', id: null, name: 'System', detail: null },
      ]),
    );
    expect(filters.actions).toEqual(
      expect.arrayContaining([
        { action: 'auth.login', category: 'sign_in' },
        { action: 'lead.status_changed', category: 'change' },
      ]),
    );
    expect(filters.targetTypes).toEqual(expect.arrayContaining(['lead', 'user', 'meta_lead_form']));
    // Nothing of another organisation's log.
    expect(filters.actors.some((a) => a.id === rival.id)).toBe(false);
  });

  it('refuses bad filters with a 400 naming them', async () => {
    const bad = await t.http
      .get('/v1/audit-log')
      .query({ category: 'everything', actorId: 'not-a-uuid', action: 'DROP TABLE', from: 'yesterday', correlationId: 'a b', limit: 1000 })
      .set(admin.auth)
      .expect(400);
    expect(bad.body.error.code).toBe(ErrorCode.ValidationFailed);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['action', 'actorId', 'category', 'correlationId', 'from', 'limit'].sort(),
    );
    const inverted = await t.http
      .get('/v1/audit-log')
      .query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .set(admin.auth)
      .expect(400);
    expect(inverted.body.error.fields[0].field).toBe('to');
    await t.http.get('/v1/audit-log').query({ targetId: 'a\u0000b' }).set(admin.auth).expect(400);
  });

  it('keeps each organisation to its own log, for admins only', async () => {
    const mine = await list({}, rival);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actorId === null || e.actorId === rival.id)).toBe(true);
    expect((await list({ actorId: admin.id }, rival)).total).toBe(0);
    await t.http.get('/v1/audit-log').set(manager.auth).expect(403);
    await t.http.get('/v1/audit-log/filters').set(manager.auth).expect(403);
  });
});
