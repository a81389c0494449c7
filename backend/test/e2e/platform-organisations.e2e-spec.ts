import { ErrorCode, MyOrganisationDto, PlatformOrganisationDto, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { auditActions, FIRST_ADMIN, login, PASSWORD, SignedInUser } from '../utils/identity-fixtures';
import { accept, createOrganisation, invite, organisationByInvitation, signedInFrom } from '../utils/platform-fixtures';

/**
 * Many organisations on one deployment: the platform administrator (the first admin) creates them and invites their
 * first admins by single-use, expiring links; suspension; a user of several organisations switches between them.
 */
describe('platform organisations, invitations and memberships (e2e)', () => {
  let t: TestApp;
  let platform: SignedInUser;
  let alpha: { org: PlatformOrganisationDto; admin: SignedInUser };
  let beta: { org: PlatformOrganisationDto; admin: SignedInUser };

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000', INVITATION_TTL_HOURS: '48' } });
    platform = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    alpha = await organisationByInvitation(t, platform, 'Alpha Agency');
    beta = await organisationByInvitation(t, platform, 'Beta Brokers');
  });
  afterAll(() => t?.close());

  const list = async (): Promise<PlatformOrganisationDto[]> =>
    (await t.http.get('/v1/platform/organisations').set(platform.auth).expect(200)).body;

  describe('platform administrators', () => {
    it('the first admin is one; others (organisation admins included) and API keys are refused', async () => {
      const me = (await t.http.get('/v1/auth/me').set(platform.auth).expect(200)).body;
      expect(me.platformAdmin).toBe(true);
      const alphaMe = (await t.http.get('/v1/auth/me').set(alpha.admin.auth).expect(200)).body;
      expect(alphaMe).toMatchObject({ platformAdmin: false, role: Role.Admin, organisationName: 'Alpha Agency' });
      await t.http.get('/v1/platform/organisations').set(alpha.admin.auth).expect(403);
      await t.http.post('/v1/platform/organisations').set(alpha.admin.auth).send({ name: 'Nope' }).expect(403);
      const key = (await t.http.post('/v1/api-keys').set(platform.auth).send({ name: 'k', role: 'admin' }).expect(201)).body;
      await t.http.get('/v1/platform/organisations').set('x-api-key', key.key).expect(403);
      await t.http.get('/v1/platform/organisations').expect(401);
    });

    it('lists every organisation with its state and members; creating validates its input', async () => {
      const orgs = await list();
      expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Alpha Agency', 'Beta Brokers']));
      expect(orgs.find((o) => o.id === alpha.org.id)).toMatchObject({
        state: 'active',
        members: 1,
        pendingInvitations: 0,
        suspendedAt: null,
      });
      await t.http.post('/v1/platform/organisations').set(platform.auth).send({ name: '' }).expect(400);
      await t.http.post('/v1/platform/organisations').set(platform.auth).send({ name: 'X', suspended: true }).expect(400);
      await t.http.post(`/v1/platform/organisations/not-a-uuid/suspend`).set(platform.auth).expect(400);
      await t.http.post(`/v1/platform/organisations/00000000-0000-4000-8000-000000000000/suspend`).set(platform.auth).expect(404);
    });

    it("writes its actions to the concerned organisation's audit log, by name", async () => {
      const actions = (await auditActions(t, alpha.org.id)).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(['organisation.created', 'invitation.created', 'invitation.accepted', 'user.created']),
      );
      const log = (await t.http.get('/v1/audit-log').query({ action: 'organisation.created' }).set(alpha.admin.auth).expect(200)).body;
      expect(log.items[0]).toMatchObject({ actorId: platform.id, actorName: 'Administrator' });
    });

    it("sees no organisation's data unless a member of it", async () => {
      const alphaKey = (await t.http.post('/v1/api-keys').set(alpha.admin.auth).send({ name: 'alpha crm', role: 'viewer' }).expect(201))
        .body;
      const keys = (await t.http.get('/v1/api-keys').set(platform.auth).expect(200)).body as { id: string }[];
      expect(keys.map((k) => k.id)).not.toContain(alphaKey.id);
      await t.http.delete(`/v1/api-keys/${alphaKey.id}`).set(platform.auth).expect(404);
      const users = (await t.http.get('/v1/users').set(platform.auth).expect(200)).body as { email: string }[];
      expect(users.map((u) => u.email)).not.toContain(alpha.admin.email);
      await t.http.post('/v1/auth/switch-organisation').set(platform.auth).send({ organisationId: alpha.org.id }).expect(404);
    });
  });

  describe('invitations', () => {
    it('stores only a hash of the token, previews without it in any URL, and expires after INVITATION_TTL_HOURS', async () => {
      const org = await createOrganisation(t, platform, 'Gamma Group');
      const before = Date.now();
      const invitation = await invite(t, platform, org.id, 'Gamma.Admin@Example.test');
      expect(invitation).toMatchObject({ email: 'gamma.admin@example.test', link: `http://localhost:3000/invitation#${invitation.token}` });
      const hours = (Date.parse(invitation.expiresAt) - before) / 3_600_000;
      expect(hours).toBeGreaterThan(47.9);
      expect(hours).toBeLessThan(48.1);
      const rows = await t.dataSource.query(`SELECT * FROM organisation_invitations WHERE id = $1`, [invitation.id]);
      expect(JSON.stringify(rows)).not.toContain(invitation.token);
      expect((await list()).find((o) => o.id === org.id)).toMatchObject({ members: 0, pendingInvitations: 1 });

      const preview = await t.http.post('/v1/auth/invitations/preview').send({ token: invitation.token }).expect(200);
      expect(preview.body).toMatchObject({
        organisationName: 'Gamma Group',
        email: 'gamma.admin@example.test',
        role: 'admin',
        accountExists: false,
      });
      await t.http
        .post('/v1/auth/invitations/preview')
        .send({ token: 'x'.repeat(43) })
        .expect(404);
      await t.http.post('/v1/auth/invitations/preview').send({ token: 'short' }).expect(400);
    });

    it('is single use: accepted once (the invitee lands in the organisation as its admin), then 410', async () => {
      const org = await createOrganisation(t, platform, 'Delta Direct');
      const invitation = await invite(t, platform, org.id, 'delta.admin@example.test');
      const noName = await t.http.post('/v1/auth/invitations/accept').send({ token: invitation.token, password: PASSWORD }).expect(400);
      expect(noName.body.error.message).toMatch(/name/);
      const weak = await t.http.post('/v1/auth/invitations/accept').send({ token: invitation.token, password: 'short', name: 'D' });
      expect(weak.status).toBe(400);

      const res = await t.http
        .post('/v1/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD, name: 'Dee Admin' })
        .expect(200);
      expect(res.headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringMatching(/^lg_refresh=/)]));
      const dee = signedInFrom(res, 'delta.admin@example.test');
      expect(res.body.user).toMatchObject({ organisationId: org.id, organisationName: 'Delta Direct', role: 'admin', name: 'Dee Admin' });
      await t.http.get('/v1/users').set(dee.auth).expect(200);

      const again = await t.http
        .post('/v1/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD, name: 'Eve' })
        .expect(410);
      expect(again.body.error).toMatchObject({ code: ErrorCode.InvitationUnusable, message: expect.stringMatching(/already used/) });
      await t.http.post('/v1/auth/invitations/preview').send({ token: invitation.token }).expect(410);
      // Concurrent second uses of one link: exactly one wins.
      const other = await invite(t, platform, org.id, 'race@example.test');
      const raced = await Promise.all(
        [1, 2, 3].map((n) =>
          t.http.post('/v1/auth/invitations/accept').send({ token: other.token, password: PASSWORD, name: `Racer ${n}` }),
        ),
      );
      expect(raced.map((r) => r.status).sort()).toEqual([200, 410, 410]);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM organisation_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'race@example.test'`,
      );
      expect(count).toBe(1);
    });

    it('refuses an expired link (410) and changes nothing', async () => {
      const org = await createOrganisation(t, platform, 'Epsilon Ensure');
      const invitation = await invite(t, platform, org.id, 'late@example.test');
      await t.dataSource.query(`UPDATE organisation_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        invitation.id,
      ]);
      const res = await t.http
        .post('/v1/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD, name: 'Late' })
        .expect(410);
      expect(res.body.error.message).toMatch(/expired/);
      await t.http.post('/v1/auth/invitations/preview').send({ token: invitation.token }).expect(410);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'late@example.test'`)).toEqual([]);
      expect((await list()).find((o) => o.id === org.id)).toMatchObject({ members: 0, pendingInvitations: 0 });
    });

    it('lists the pending invitations and revokes one: its link then answers 410, audited; ids of another organisation 404', async () => {
      const org = await createOrganisation(t, platform, 'Zeta Zone');
      const first = await invite(t, platform, org.id, 'zeta.first@example.test');
      const second = await invite(t, platform, org.id, 'zeta.second@example.test');
      const used = await invite(t, platform, org.id, 'zeta.used@example.test');
      await accept(t, used.token, 'zeta.used@example.test', { name: 'Zed' });
      const url = `/v1/platform/organisations/${org.id}/invitations`;

      const pending = (await t.http.get(url).set(platform.auth).expect(200)).body;
      expect(pending).toEqual([
        {
          id: second.id,
          email: 'zeta.second@example.test',
          role: 'admin',
          createdAt: expect.any(String),
          expiresAt: second.expiresAt,
          invitedByName: 'Administrator',
        },
        expect.objectContaining({ id: first.id, email: 'zeta.first@example.test' }),
      ]);
      expect(JSON.stringify(pending)).not.toContain(first.token);

      // Another organisation's path, an unknown organisation, bad ids, other roles.
      await t.http.delete(`/v1/platform/organisations/${alpha.org.id}/invitations/${first.id}`).set(platform.auth).expect(404);
      await t.http.get(`/v1/platform/organisations/00000000-0000-4000-8000-000000000000/invitations`).set(platform.auth).expect(404);
      await t.http.delete(`${url}/not-a-uuid`).set(platform.auth).expect(400);
      await t.http.get(url).set(alpha.admin.auth).expect(403);
      await t.http.delete(`${url}/${first.id}`).set(alpha.admin.auth).expect(403);
      await t.http.delete(`${url}/${used.id}`).set(platform.auth).expect(409);

      await t.http.delete(`${url}/${first.id}`).set(platform.auth).expect(204);
      await t.http.delete(`${url}/${first.id}`).set(platform.auth).expect(204);
      const refused = await t.http
        .post('/v1/auth/invitations/accept')
        .send({ token: first.token, password: PASSWORD, name: 'Too Late' })
        .expect(410);
      expect(refused.body.error).toMatchObject({ code: ErrorCode.InvitationUnusable, message: expect.stringMatching(/revoked/) });
      await t.http.post('/v1/auth/invitations/preview').send({ token: first.token }).expect(410);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'zeta.first@example.test'`)).toEqual([]);

      expect((await t.http.get(url).set(platform.auth).expect(200)).body.map((i: { id: string }) => i.id)).toEqual([second.id]);
      expect((await list()).find((o) => o.id === org.id)).toMatchObject({ members: 1, pendingInvitations: 1 });
      const revoked = (await auditActions(t, org.id)).filter((a) => a.action === 'invitation.revoked');
      expect(revoked).toEqual([
        expect.objectContaining({
          target_id: first.id,
          details: expect.objectContaining({ email: 'zeta.first@example.test', byPlatformAdmin: true }),
        }),
      ]);
      // The other invitation still works.
      await accept(t, second.token, 'zeta.second@example.test', { name: 'Zoe' });
    });

    it('lets an existing account accept with its own password only, gaining the membership', async () => {
      const invitation = await invite(t, platform, alpha.org.id, beta.admin.email);
      const preview = await t.http.post('/v1/auth/invitations/preview').send({ token: invitation.token }).expect(200);
      expect(preview.body.accountExists).toBe(true);
      await t.http.post('/v1/auth/invitations/accept').send({ token: invitation.token, password: 'not-the-password-at-all' }).expect(401);
      const joined = await accept(t, invitation.token, beta.admin.email);
      expect(joined.organisationId).toBe(alpha.org.id);
      // Inviting a member again is refused.
      await t.http
        .post(`/v1/platform/organisations/${alpha.org.id}/invitations`)
        .set(platform.auth)
        .send({ email: beta.admin.email })
        .expect(409);
    });
  });

  describe('memberships and the organisation switcher', () => {
    let multi: SignedInUser;

    beforeAll(async () => {
      // Beta's admin is now also Alpha's admin (invitation above); sign-in lands in the oldest membership (Beta).
      multi = await login(t, beta.admin.email);
    });

    it('lists my organisations, the current one marked', async () => {
      expect(multi.organisationId).toBe(beta.org.id);
      const mine = (await t.http.get('/v1/auth/organisations').set(multi.auth).expect(200)).body as MyOrganisationDto[];
      expect(mine).toEqual([
        { id: beta.org.id, name: 'Beta Brokers', role: 'admin', suspended: false, current: true },
        { id: alpha.org.id, name: 'Alpha Agency', role: 'admin', suspended: false, current: false },
      ]);
    });

    it('switches to another organisation: a new token for it, the session follows on refresh, audited in both', async () => {
      const res = await t.http.post('/v1/auth/switch-organisation').set(multi.auth).send({ organisationId: alpha.org.id }).expect(200);
      const switched = signedInFrom(res, multi.email, multi.refreshCookie);
      expect(res.body.user).toMatchObject({ organisationId: alpha.org.id, organisationName: 'Alpha Agency' });
      const users = (await t.http.get('/v1/users').set(switched.auth).expect(200)).body as { email: string }[];
      expect(users.map((u) => u.email)).toContain(alpha.admin.email);

      const refreshed = await t.http.post('/v1/auth/refresh').set('Cookie', multi.refreshCookie).expect(200);
      expect(refreshed.body.user.organisationId).toBe(alpha.org.id);
      for (const org of [alpha.org.id, beta.org.id]) {
        expect((await auditActions(t, org)).map((a) => a.action)).toContain('auth.organisation_switched');
      }
      await t.http.post('/v1/auth/switch-organisation').set(switched.auth).send({ organisationId: 'nope' }).expect(400);
      const first = (await t.http.get('/v1/organisation').set(platform.auth).expect(200)).body.id;
      await t.http.post('/v1/auth/switch-organisation').set(switched.auth).send({ organisationId: first }).expect(404);
    });

    it("adds an existing account to the admin's organisation from the Users page, keeping its own password", async () => {
      const res = await t.http
        .post('/v1/users')
        .set(alpha.admin.auth)
        .send({ email: FIRST_ADMIN.email, name: 'ignored', role: 'viewer' })
        .expect(201);
      expect(res.body).toMatchObject({ email: FIRST_ADMIN.email, role: 'viewer', active: true, name: 'Administrator' });
      await t.http.post('/v1/users').set(alpha.admin.auth).send({ email: FIRST_ADMIN.email, name: 'x', role: 'viewer' }).expect(409);
      await t.http
        .post('/v1/users')
        .set(alpha.admin.auth)
        .send({ email: 'brand-new@example.test', name: 'New', role: 'viewer' })
        .expect(400);
      await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const mine = (await t.http.get('/v1/auth/organisations').set(platform.auth).expect(200)).body as MyOrganisationDto[];
      expect(mine.find((o) => o.id === alpha.org.id)).toMatchObject({ role: 'viewer', current: false });
    });

    it('deactivating a membership ends that organisation only', async () => {
      const res = await t.http
        .post('/v1/users')
        .set(alpha.admin.auth)
        .send({ email: 'two-orgs@example.test', name: 'Two', role: 'viewer', password: PASSWORD });
      expect(res.status).toBe(201);
      await t.http.post('/v1/users').set(beta.admin.auth).send({ email: 'two-orgs@example.test', name: 'x', role: 'manager' }).expect(201);
      const two = await login(t, 'two-orgs@example.test');
      expect(two.organisationId).toBe(alpha.org.id);
      await t.http.patch(`/v1/users/${two.id}`).set(alpha.admin.auth).send({ active: false }).expect(200);
      await t.http.get('/v1/auth/me').set(two.auth).expect(401);
      const again = await login(t, 'two-orgs@example.test');
      expect(again.organisationId).toBe(beta.org.id);
      expect((await t.http.get('/v1/auth/me').set(again.auth).expect(200)).body.role).toBe('manager');
    });
  });

  describe('suspension', () => {
    let betaKey: string;
    let multi: SignedInUser;

    beforeAll(async () => {
      betaKey = (await t.http.post('/v1/api-keys').set(beta.admin.auth).send({ name: 'beta crm', role: 'viewer' }).expect(201)).body.key;
      // Signed in to Alpha, so the suspension of Beta leaves this token working.
      const inBeta = await login(t, beta.admin.email);
      const res = await t.http.post('/v1/auth/switch-organisation').set(inBeta.auth).send({ organisationId: alpha.org.id }).expect(200);
      multi = signedInFrom(res, beta.admin.email, inBeta.refreshCookie);
    });

    it('refuses to suspend the organisation the platform administrator is signed in to', async () => {
      const own = (await t.http.get('/v1/organisation').set(platform.auth).expect(200)).body.id;
      const res = await t.http.post(`/v1/platform/organisations/${own}/suspend`).set(platform.auth).expect(409);
      expect(res.body.error.message).toMatch(/signed in to/);
    });

    it('suspends: tokens and API keys of the organisation refused with a clear error, sign-in into it refused', async () => {
      const res = await t.http.post(`/v1/platform/organisations/${beta.org.id}/suspend`).set(platform.auth).expect(200);
      expect(res.body).toMatchObject({ state: 'suspended', suspendedAt: expect.any(String) });

      await t.http.get('/v1/auth/me').set(beta.admin.auth).expect(401);
      const viaKey = await t.http.get('/v1/organisation').set('x-api-key', betaKey).expect(403);
      expect(viaKey.body.error).toMatchObject({ code: ErrorCode.OrganisationSuspended, message: expect.stringMatching(/suspended/) });
      const switchTo = await t.http.post('/v1/auth/switch-organisation').set(multi.auth).send({ organisationId: beta.org.id }).expect(403);
      expect(switchTo.body.error.code).toBe(ErrorCode.OrganisationSuspended);

      // Beta's first admin is also Alpha's (invited above): sign-in lands in Alpha, Beta is listed as suspended.
      const intoAlpha = await login(t, beta.admin.email);
      expect(intoAlpha.organisationId).toBe(alpha.org.id);
      const mine = (await t.http.get('/v1/auth/organisations').set(intoAlpha.auth).expect(200)).body as MyOrganisationDto[];
      expect(mine.find((o) => o.id === beta.org.id)).toMatchObject({ suspended: true });

      // A user whose only organisation is suspended is told so, once the password is right.
      await t.http.post(`/v1/platform/organisations/${beta.org.id}/reactivate`).set(platform.auth).expect(200);
      await t.http
        .post('/v1/users')
        .set(beta.admin.auth)
        .send({ email: 'only-beta@example.test', name: 'Only Beta', role: 'viewer', password: PASSWORD })
        .expect(201);
      await t.http.post(`/v1/platform/organisations/${beta.org.id}/suspend`).set(platform.auth).expect(200);
      const refused = await t.http.post('/v1/auth/login').send({ email: 'only-beta@example.test', password: PASSWORD }).expect(403);
      expect(refused.body.error).toMatchObject({
        code: ErrorCode.OrganisationSuspended,
        message: expect.stringMatching(/Beta Brokers is suspended/),
      });
      const wrong = await t.http
        .post('/v1/auth/login')
        .send({ email: 'only-beta@example.test', password: 'wrong-password-here' })
        .expect(401);
      expect(wrong.body.error.code).not.toBe(ErrorCode.OrganisationSuspended);
    });

    it('reactivates: sign-in and API keys work again; both changes audited', async () => {
      const res = await t.http.post(`/v1/platform/organisations/${beta.org.id}/reactivate`).set(platform.auth).expect(200);
      expect(res.body).toMatchObject({ state: 'active', suspendedAt: null });
      await login(t, 'only-beta@example.test');
      await t.http.get('/v1/organisation').set('x-api-key', betaKey).expect(200);
      const actions = (await auditActions(t, beta.org.id)).map((a) => a.action);
      expect(actions.filter((a) => a === 'organisation.suspended')).toHaveLength(2);
      expect(actions.filter((a) => a === 'organisation.reactivated')).toHaveLength(2);
    });
  });
});
