import { ErrorCode, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { auditActions, createUserAndLogin, FIRST_ADMIN, login, SignedInUser } from '../utils/identity-fixtures';

describe('audit log (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  });
  afterAll(() => t?.close());

  it('records the first admin, logins, user and key changes, with the actor and target', async () => {
    const viewer = await createUserAndLogin(t, admin, Role.Viewer);
    await t.http.patch(`/v1/users/${viewer.id}`).set(admin.auth).send({ role: 'manager' }).expect(200);
    const key = (await t.http.post('/v1/api-keys').set(admin.auth).send({ name: 'k', role: 'viewer' }).expect(201)).body;
    await t.http.delete(`/v1/api-keys/${key.id}`).set(admin.auth).expect(204);
    await t.http.post('/v1/auth/login').send({ email: viewer.email, password: 'wrong-password!' }).expect(401);
    await t.http.post('/v1/auth/logout').set('Cookie', viewer.refreshCookie).expect(204);

    const rows = await auditActions(t, admin.organisationId);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.created',
        'auth.login',
        'user.updated',
        'api_key.created',
        'api_key.revoked',
        'auth.login_failed',
        'auth.logout',
      ]),
    );
    expect(rows.find((r) => r.action === 'user.created' && r.actor_type === 'system')).toBeDefined();
    expect(rows.find((r) => r.action === 'user.updated')).toMatchObject({ actor_type: 'user', target_id: viewer.id });

    // Secrets never reach the audit log.
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(key.key);
    expect(dump).not.toContain('wrong-password!');
  });

  it('pages newest first, admins only', async () => {
    const page = (await t.http.get('/v1/audit-log?limit=2&offset=0').set(admin.auth).expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page).toMatchObject({ limit: 2, offset: 0 });
    expect(new Date(page.items[0].at).getTime()).toBeGreaterThanOrEqual(new Date(page.items[1].at).getTime());
    const next = (await t.http.get('/v1/audit-log?limit=2&offset=2').set(admin.auth).expect(200)).body;
    expect(next.items[0].id).not.toBe(page.items[0].id);

    const manager = await createUserAndLogin(t, admin, Role.Manager);
    await t.http.get('/v1/audit-log').set(manager.auth).expect(403);
  });

  it('validates paging (400 listing the fields)', async () => {
    const res = await t.http.get('/v1/audit-log?limit=0&offset=-1').set(admin.auth).expect(400);
    expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'offset']);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_log`);
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ count: after, tampered }] = await t.dataSource.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE action = 'tampered')::int AS tampered FROM audit_log`,
    );
    expect(after).toBe(before);
    expect(tampered).toBe(0);
  });
});
