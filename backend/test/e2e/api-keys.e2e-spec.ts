import { ErrorCode, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';

describe('api keys (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    ({ admin, manager, viewer } = await signInAdminManagerViewer(t));
  });
  afterAll(() => t?.close());

  const createKey = async (role: Role, name = `key ${role}`) =>
    (await t.http.post('/v1/api-keys').set(admin.auth).send({ name, role }).expect(201)).body as {
      id: string;
      key: string;
      prefix: string;
    };

  describe('role matrix', () => {
    const routes = [
      ['GET', '/v1/api-keys', undefined],
      ['POST', '/v1/api-keys', { name: 'n', role: 'viewer' }],
      ['DELETE', '/v1/api-keys/00000000-0000-4000-8000-000000000000', undefined],
    ] as const;
    const call = (method: string, path: string) => t.http[method.toLowerCase() as 'get' | 'post' | 'delete'](path);

    it.each(routes)('%s %s: 401 without credentials, 403 for manager and viewer', async (method, path, body) => {
      expect((await call(method, path).send(body)).status).toBe(401);
      for (const who of [manager, viewer]) {
        const res = await call(method, path).set(who.auth).send(body);
        expect(res.status).toBe(403);
      }
    });

    it('refuses API keys on key management, so a leaked key cannot mint a replacement', async () => {
      const { key } = await createKey(Role.Admin);
      const res = await t.http.post('/v1/api-keys').set('x-api-key', key).send({ name: 'n', role: 'admin' }).expect(403);
      expect(res.body.error.code).toBe(ErrorCode.Forbidden);
    });
  });

  it('shows the key once: lgk_<prefix>_<secret>, stored only as a SHA-256, never listed', async () => {
    const created = await createKey(Role.Viewer, 'reporting');
    expect(created.key).toMatch(/^lgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const list = await t.http.get('/v1/api-keys').set(admin.auth).expect(200);
    const listed = list.body.find((k: { id: string }) => k.id === created.id);
    expect(listed).toMatchObject({ name: 'reporting', role: 'viewer', prefix: created.prefix, revokedAt: null });
    // The secret is what follows the prefix; it is base64url, so it may hold '_' itself.
    const secret = created.key.slice(created.prefix.length + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const [row] = await t.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.id]);
    const { createHash } = await import('node:crypto');
    expect(row.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
  });

  it('authenticates with x-api-key within its role and records last use', async () => {
    const viewerKey = await createKey(Role.Viewer);
    const res = await t.http.get('/v1/organisation').set('x-api-key', viewerKey.key).expect(200);
    expect(res.body.id).toBe(admin.organisationId);
    // A viewer key cannot read the admin-only audit log; an admin key can.
    await t.http.get('/v1/audit-log').set('x-api-key', viewerKey.key).expect(403);
    const adminKey = await createKey(Role.Admin);
    await t.http.get('/v1/audit-log').set('x-api-key', adminKey.key).expect(200);

    const [row] = await t.dataSource.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [viewerKey.id]);
    expect(row.last_used_at).not.toBeNull();
  });

  it('refuses a revoked key at once, and revoking twice is harmless', async () => {
    const { id, key } = await createKey(Role.Viewer);
    await t.http.get('/v1/organisation').set('x-api-key', key).expect(200);
    await t.http.delete(`/v1/api-keys/${id}`).set(admin.auth).expect(204);
    const res = await t.http.get('/v1/organisation').set('x-api-key', key).expect(401);
    expect(res.body.error.code).toBe(ErrorCode.Unauthenticated);
    await t.http.delete(`/v1/api-keys/${id}`).set(admin.auth).expect(204);

    const listed = (await t.http.get('/v1/api-keys').set(admin.auth).expect(200)).body.find((k: { id: string }) => k.id === id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('refuses malformed, unknown and tampered keys with 401', async () => {
    const { key } = await createKey(Role.Viewer);
    const tampered = key.slice(0, -2) + (key.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of ['nonsense', 'lgk_000000000000_' + 'a'.repeat(43), tampered]) {
      await t.http.get('/v1/organisation').set('x-api-key', bad).expect(401);
    }
  });

  it('validates the body (400 listing the fields)', async () => {
    const res = await t.http.post('/v1/api-keys').set(admin.auth).send({ name: '', role: 'root' }).expect(400);
    expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'role']);
  });

  it('answers 404 for an unknown key id', async () => {
    await t.http.delete('/v1/api-keys/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
  });
});
