import { ErrorCode, Role } from '@legeai/contracts';
import { AppConfig, appConfig } from '../../src/config/app.config';
import { AuthConfig, authConfig } from '../../src/config/auth.config';
import { AuditService } from '../../src/modules/audit/audit.service';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { EMBEDDED_ADMIN_EMAIL, FirstAdminBootstrap } from '../../src/modules/users/first-admin.bootstrap';
import { UsersService } from '../../src/modules/users/users.service';
import { createTestApp, TestApp } from '../utils/create-test-app';
import {
  createOrganisationWithAdmin,
  createUserAndLogin,
  FIRST_ADMIN,
  login,
  PASSWORD,
  signInAdminManagerViewer,
  SignedInUser,
} from '../utils/identity-fixtures';

describe('users (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    ({ admin, manager, viewer } = await signInAdminManagerViewer(t));
  });
  afterAll(() => t?.close());

  describe('role matrix', () => {
    const routes = [
      ['GET', '/v1/users', undefined],
      ['POST', '/v1/users', { email: 'matrix@example.test', name: 'M', role: 'viewer', password: PASSWORD }],
      ['PATCH', '/v1/users/00000000-0000-4000-8000-000000000000', { name: 'x' }],
    ] as const;

    it.each(routes)('%s %s: 401 without credentials', async (method, path, body) => {
      const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'patch'](path).send(body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(ErrorCode.Unauthenticated);
    });

    it.each(routes)('%s %s: 403 for a manager and a viewer', async (method, path, body) => {
      for (const who of [manager, viewer]) {
        const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'patch'](path).set(who.auth).send(body);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe(ErrorCode.Forbidden);
      }
    });

    it('lets an admin list users, without password hashes', async () => {
      const res = await t.http.get('/v1/users').set(admin.auth).expect(200);
      expect(res.body.map((u: { email: string }) => u.email)).toEqual(
        expect.arrayContaining([FIRST_ADMIN.email, manager.email, viewer.email]),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    });
  });

  describe('create', () => {
    it('creates a user who can then sign in; the email is stored lower-cased', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: '  New.Person@Example.TEST ', name: ' New Person ', role: 'manager', password: PASSWORD })
        .expect(201);
      expect(res.body).toMatchObject({ email: 'new.person@example.test', name: 'New Person', role: 'manager', active: true });
      expect(res.body.lastLoginAt).toBeNull();
      await login(t, 'new.person@example.test');
    });

    it('refuses a duplicate email whatever its case with a 409', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: FIRST_ADMIN.email.toUpperCase(), name: 'Dup', role: 'viewer', password: PASSWORD })
        .expect(409);
      expect(res.body.error.code).toBe(ErrorCode.Conflict);
    });

    it('refuses passwords shorter than 12 characters and invalid fields with a 400 listing every field', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: 'not-an-email', name: '', role: 'owner', password: 'short' })
        .expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'name', 'password', 'role']);
    });

    it('refuses unknown properties (whitelist)', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: 'x@example.test', name: 'X', role: 'viewer', password: PASSWORD, organisationId: admin.organisationId })
        .expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    });

    it('applies the password policy beyond length (400 on password)', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: 'same-as-password@example.test', name: 'S', role: 'viewer', password: 'same-as-password@example.test' })
        .expect(400);
      expect(res.body.error.fields).toEqual([{ field: 'password', messages: [expect.stringMatching(/email/)] }]);
    });
  });

  describe('update', () => {
    it('renames and changes the role; the new role applies to live sessions at once', async () => {
      const someone = await createUserAndLogin(t, admin, Role.Viewer);
      await t.http.get('/v1/api-keys').set(someone.auth).expect(403);
      const res = await t.http.patch(`/v1/users/${someone.id}`).set(admin.auth).send({ name: 'Promoted', role: 'admin' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Promoted', role: 'admin' });
      await t.http.get('/v1/api-keys').set(someone.auth).expect(200);
    });

    it('deactivating a user ends their sessions', async () => {
      const someone = await createUserAndLogin(t, admin, Role.Manager);
      await t.http.get('/v1/auth/me').set(someone.auth).expect(200);
      await t.http.patch(`/v1/users/${someone.id}`).set(admin.auth).send({ active: false }).expect(200);
      await t.http.get('/v1/auth/me').set(someone.auth).expect(401);
      await t.http.post('/v1/auth/refresh').set('Cookie', someone.refreshCookie).expect(401);
    });

    it('refuses to let an admin demote or deactivate themself (409)', async () => {
      const demote = await t.http.patch(`/v1/users/${admin.id}`).set(admin.auth).send({ role: 'viewer' }).expect(409);
      expect(demote.body.error).toMatchObject({ code: ErrorCode.Conflict, message: expect.stringMatching(/own role/) });
      const deactivate = await t.http.patch(`/v1/users/${admin.id}`).set(admin.auth).send({ active: false }).expect(409);
      expect(deactivate.body.error.message).toMatch(/own account/);
    });

    it('never leaves an organisation without an active admin, even when two admins demote each other at once', async () => {
      const { org, admin: first } = await createOrganisationWithAdmin(t, 'Duel');
      const second = await createUserAndLogin(t, first, Role.Admin);
      const [a, b] = await Promise.all([
        t.http.patch(`/v1/users/${second.id}`).set(first.auth).send({ role: 'viewer' }),
        t.http.patch(`/v1/users/${first.id}`).set(second.auth).send({ role: 'viewer' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      // The loser is refused either by the guard (already demoted) or by the last-admin rule.
      expect([403, 409]).toContain(statuses[1]);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM organisation_memberships WHERE organisation_id = $1 AND role = 'admin' AND active`,
        [org.id],
      );
      expect(count).toBe(1);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await t.http.patch('/v1/users/00000000-0000-4000-8000-000000000000').set(admin.auth).send({ name: 'x' }).expect(404);
      const bad = await t.http.patch('/v1/users/not-a-uuid').set(admin.auth).send({ name: 'x' }).expect(400);
      expect(bad.body.error.status).toBe(400);
    });

    it('validates the body (400 listing the fields)', async () => {
      const res = await t.http.patch(`/v1/users/${viewer.id}`).set(admin.auth).send({ role: 'superuser', active: 'yes' }).expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['active', 'role']);
    });
  });

  describe('API keys cannot manage users', () => {
    it('refuses even an admin API key on /v1/users (403)', async () => {
      const created = await t.http.post('/v1/api-keys').set(admin.auth).send({ name: 'admin key', role: 'admin' }).expect(201);
      const res = await t.http.get('/v1/users').set('x-api-key', created.body.key).expect(403);
      expect(res.body.error.code).toBe(ErrorCode.Forbidden);
    });
  });
});

describe('first admin (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A real deployment (DATABASE_URL set) without ADMIN_*: nothing may be created.
    t = await createTestApp({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' } });
  });
  afterAll(() => t?.close());

  const bootstrapWith = (app: Partial<AppConfig>, auth: Partial<AuthConfig>, banner: string[]) =>
    new FirstAdminBootstrap(
      t.dataSource,
      { ...t.app.get<AppConfig>(appConfig.KEY), ...app },
      { ...t.app.get<AuthConfig>(authConfig.KEY), ...auth },
      t.app.get(UsersService),
      t.app.get(OrganisationsService),
      t.app.get(AuditService),
      (text) => banner.push(text),
    );

  it('creates nothing on a real database without ADMIN_EMAIL/ADMIN_PASSWORD, and says what to set', async () => {
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    expect(count).toBe(0);
    await expect(bootstrapWith({ embedded: false }, {}, []).ensureFirstAdmin()).resolves.toBe('needs-config');
  });

  it('in the embedded default, creates exactly one admin with a generated password printed once, even when instances race', async () => {
    const banners: string[] = [];
    const outcomes = await Promise.all([
      bootstrapWith({ embedded: true }, {}, banners).ensureFirstAdmin(),
      bootstrapWith({ embedded: true }, {}, banners).ensureFirstAdmin(),
      bootstrapWith({ embedded: true }, {}, banners).ensureFirstAdmin(),
    ]);
    expect(outcomes.sort()).toEqual(['created-generated', 'exists', 'exists']);
    expect(banners).toHaveLength(1);
    const password = /password:\s+(\S+)/.exec(banners[0])![1];
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(banners[0]).toContain(EMBEDDED_ADMIN_EMAIL);

    const users = await t.dataSource.query(
      `SELECT u.email, m.role, u.platform_admin, u.password_hash FROM users u JOIN organisation_memberships m ON m.user_id = u.id`,
    );
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: EMBEDDED_ADMIN_EMAIL, role: 'admin', platform_admin: true });
    expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(users[0].password_hash).not.toContain(password);

    const [org] = await t.dataSource.query(`SELECT name FROM organisations`);
    expect(org.name).toBe(t.app.get<AppConfig>(appConfig.KEY).orgName);
    await t.http.post('/v1/auth/login').send({ email: EMBEDDED_ADMIN_EMAIL, password }).expect(200);

    // Later boots leave it alone.
    await expect(bootstrapWith({ embedded: true }, {}, banners).ensureFirstAdmin()).resolves.toBe('exists');
    expect(banners).toHaveLength(1);
  });

  it('makes the accounts PLATFORM_ADMIN_EMAILS names platform administrators at start-up', async () => {
    const [org] = await t.dataSource.query(`SELECT id FROM organisations`);
    await t.app
      .get(UsersService)
      .insertUser(
        { organisationId: org.id, email: 'ops@example.test', name: 'Ops', role: Role.Viewer, password: PASSWORD },
        async () => undefined,
      );
    await bootstrapWith({}, { platformAdminEmails: ['ops@example.test', 'not-yet@example.test'] }, []).grantPlatformAdmins();
    const rows: { email: string }[] = await t.dataSource.query(`SELECT email FROM users WHERE platform_admin ORDER BY email`);
    expect(rows.map((r) => r.email)).toEqual([EMBEDDED_ADMIN_EMAIL, 'ops@example.test'].sort());
  });
});
