import { Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, createUserAndLogin, FIRST_ADMIN, login, SignedInUser } from '../utils/identity-fixtures';

/** One organisation must never see or touch another's rows, whatever ids it sends. */
describe('tenancy (e2e)', () => {
  let t: TestApp;
  let acme: SignedInUser;
  let globex: SignedInUser;
  let acmeViewer: SignedInUser;
  let acmeKey: { id: string; key: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    acme = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    acmeViewer = await createUserAndLogin(t, acme, Role.Viewer);
    acmeKey = (await t.http.post('/v1/api-keys').set(acme.auth).send({ name: 'acme', role: 'admin' }).expect(201)).body;
    globex = (await createOrganisationWithAdmin(t, 'Globex')).admin;
  });
  afterAll(() => t?.close());

  it('lists only the caller organisation’s users and keys', async () => {
    const users = (await t.http.get('/v1/users').set(globex.auth).expect(200)).body as { email: string }[];
    expect(users.map((u) => u.email)).toEqual([globex.email]);
    const keys = (await t.http.get('/v1/api-keys').set(globex.auth).expect(200)).body as unknown[];
    expect(keys).toEqual([]);
  });

  it('answers 404 when patching another organisation’s user, and changes nothing', async () => {
    await t.http.patch(`/v1/users/${acmeViewer.id}`).set(globex.auth).send({ active: false, role: 'admin' }).expect(404);
    await t.http.get('/v1/auth/me').set(acmeViewer.auth).expect(200);
    const [row] = await t.dataSource.query(`SELECT role, active FROM organisation_memberships WHERE user_id = $1`, [acmeViewer.id]);
    expect(row).toEqual({ role: 'viewer', active: true });
  });

  it('answers 404 when revoking another organisation’s API key, which keeps working', async () => {
    await t.http.delete(`/v1/api-keys/${acmeKey.id}`).set(globex.auth).expect(404);
    await t.http.get('/v1/organisation').set('x-api-key', acmeKey.key).expect(200);
  });

  it('shows each principal its own organisation only', async () => {
    const mine = (await t.http.get('/v1/organisation').set(globex.auth).expect(200)).body;
    expect(mine.id).toBe(globex.organisationId);
    const viaKey = (await t.http.get('/v1/organisation').set('x-api-key', acmeKey.key).expect(200)).body;
    expect(viaKey.id).toBe(acme.organisationId);
  });

  it('keeps audit logs apart', async () => {
    const globexLog = (await t.http.get('/v1/audit-log').set(globex.auth).expect(200)).body;
    expect(globexLog.items.length).toBeGreaterThan(0);
    expect(globexLog.items.every((e: { targetId: string | null }) => e.targetId !== acmeViewer.id)).toBe(true);
    const ids = await t.dataSource.query(`SELECT id FROM audit_log WHERE organisation_id = $1`, [acme.organisationId]);
    const globexIds = new Set(globexLog.items.map((e: { id: string }) => e.id));
    expect(ids.some((r: { id: string }) => globexIds.has(r.id))).toBe(false);
  });

  it('ignores an organisation id smuggled into a body (400: unknown property)', async () => {
    await t.http
      .post('/v1/api-keys')
      .set(globex.auth)
      .send({ name: 'sneaky', role: 'viewer', organisationId: acme.organisationId })
      .expect(400);
  });
});
