import { ErrorCode } from '@legeai/contracts';
import jwt from 'jsonwebtoken';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../../src/modules/auth/access-token.service';
import { hashRefreshToken } from '../../src/modules/sessions/refresh-token';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { FIRST_ADMIN, login, refreshCookieOf, setCookieLine } from '../utils/identity-fixtures';

/** The reuse grace window this file runs with (the default). */
const GRACE_SECONDS = 30;

/** The session id (`sid`) of an access token. */
const sessionIdOf = (accessToken: string): string => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).sid;

describe('auth (e2e)', () => {
  let t: TestApp;

  /** Moves a refresh token's rotation `seconds` into the past, so a test needs not wait out the grace window. */
  const ageRotation = (refreshCookie: string, seconds: number) =>
    t.dataSource.query(`UPDATE auth_sessions SET rotated_at = rotated_at - make_interval(secs => $2) WHERE token_hash = $1`, [
      hashRefreshToken(refreshCookie.split('=')[1]),
      seconds,
    ]);

  beforeAll(async () => {
    // A generous per-address limit: this file signs in many times; the limit itself is tested below.
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000', JWT_REFRESH_REUSE_GRACE: String(GRACE_SECONDS) } });
  });
  afterAll(() => t?.close());

  describe('login', () => {
    it('signs in the first admin and sets an httpOnly, SameSite=Strict refresh cookie scoped to /v1/auth', async () => {
      const res = await t.http.post('/v1/auth/login').send(FIRST_ADMIN).expect(200);
      expect(res.body).toMatchObject({
        accessToken: expect.any(String),
        user: { email: FIRST_ADMIN.email, role: 'admin', organisationName: expect.any(String) },
      });
      expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const cookie = setCookieLine(res, 'lg_refresh')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/v1\/auth/);
      expect(cookie).not.toMatch(/Secure/i); // PUBLIC_URL is http in tests
      expect(JSON.stringify(res.body)).not.toContain(refreshCookieOf(res)!.split('=')[1]);
    });

    it('believes no X-Forwarded-* header by default (TRUST_PROXY=false): no Secure cookie over http, the socket address recorded', async () => {
      const res = await t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-For', '203.0.113.7')
        .send(FIRST_ADMIN)
        .expect(200);
      expect(setCookieLine(res, 'lg_refresh')).not.toMatch(/Secure/i);
      const [session] = await t.dataSource.query(`SELECT ip FROM auth_sessions WHERE family_id = $1`, [sessionIdOf(res.body.accessToken)]);
      expect(session.ip).toMatch(/127\.0\.0\.1|::1/);
    });

    it('accepts the email in any case', async () => {
      await t.http
        .post('/v1/auth/login')
        .send({ ...FIRST_ADMIN, email: FIRST_ADMIN.email.toUpperCase() })
        .expect(200);
    });

    it('answers a wrong password and an unknown email with the same generic 401', async () => {
      const wrong = await t.http.post('/v1/auth/login').send({ ...FIRST_ADMIN, password: 'not-the-password' });
      const unknown = await t.http.post('/v1/auth/login').send({ email: 'nobody@example.test', password: 'whatever-pass' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const { requestId: _a, ...wrongError } = wrong.body.error;
      const { requestId: _b, ...unknownError } = unknown.body.error;
      expect(wrongError).toEqual(unknownError);
      expect(wrong.body.error).toMatchObject({ code: ErrorCode.Unauthenticated, message: 'Invalid email or password' });
      expect(setCookieLine(wrong, 'lg_refresh')).toBeUndefined();
    });

    it('refuses a body without fields with a 400 listing them', async () => {
      const res = await t.http.post('/v1/auth/login').send({ email: 42 }).expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'password']);
    });

    it('locks the account after five failures, refuses even the right password while locked, with retry info', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const email = 'lockme@example.test';
      await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email, name: 'Lock Me', role: 'viewer', password: 'the-right-password' })
        .expect(201);

      for (let i = 0; i < 5; i++) {
        await t.http
          .post('/v1/auth/login')
          .send({ email, password: `wrong-password-${i}` })
          .expect(401);
      }
      const locked = await t.http.post('/v1/auth/login').send({ email, password: 'the-right-password' }).expect(429);
      expect(locked.body.error.code).toBe(ErrorCode.RateLimited);
      expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

      const [row] = await t.dataSource.query(`SELECT failed_login_count, locked_until FROM users WHERE email = $1`, [email]);
      expect(row.failed_login_count).toBe(5);
      expect(new Date(row.locked_until).getTime()).toBeGreaterThan(Date.now());

      // Once the lock has run out, the right password works and resets the counter.
      await t.dataSource.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);
      await t.http.post('/v1/auth/login').send({ email, password: 'the-right-password' }).expect(200);
      const [after] = await t.dataSource.query(`SELECT failed_login_count, locked_until FROM users WHERE email = $1`, [email]);
      expect(after).toEqual({ failed_login_count: 0, locked_until: null });
    });

    it('refuses a deactivated user with the generic 401', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const created = await t.http
        .post('/v1/users')
        .set(admin.auth)
        .send({ email: 'gone@example.test', name: 'Gone', role: 'viewer', password: 'the-right-password' })
        .expect(201);
      await t.http.patch(`/v1/users/${created.body.id}`).set(admin.auth).send({ active: false }).expect(200);
      const res = await t.http.post('/v1/auth/login').send({ email: 'gone@example.test', password: 'the-right-password' });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Invalid email or password');
    });
  });

  describe('me', () => {
    it('returns the signed-in user', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const res = await t.http.get('/v1/auth/me').set(admin.auth).expect(200);
      expect(res.body).toMatchObject({ id: admin.id, email: FIRST_ADMIN.email, role: 'admin' });
    });

    it('refuses no token, a garbage token and a token signed with another secret', async () => {
      await t.http.get('/v1/auth/me').expect(401);
      await t.http.get('/v1/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
      const forged =
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ.' +
        'c2lnbmF0dXJlLXdpdGgtYW5vdGhlci1zZWNyZXQ';
      const res = await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
      expect(res.body.error.code).toBe(ErrorCode.Unauthenticated);
    });
  });

  describe('access token claims', () => {
    /**
     * Tokens signed with the app's real JWT secret for a live session, each wrong in one way: whoever holds the secret
     * (or a bug minting tokens) must still not get a token that never expires, or one meant for something else.
     */
    const forgeries = (claims: Record<string, unknown>, secret: string): [string, string][] => {
      const { exp: _exp, iat: _iat, iss: _iss, aud: _aud, ...rest } = claims;
      const now = Math.floor(Date.now() / 1000);
      const sign = (payload: object, options: jwt.SignOptions = {}) =>
        jwt.sign(payload, secret, { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, ...options });
      return [
        ['no exp', sign({ ...rest, iat: now })],
        ['no iat', sign({ ...rest, exp: now + 600 }, { noTimestamp: true })],
        ['a lifetime of a year', sign({ ...rest, iat: now, exp: now + 365 * 86400 })],
        ['another issuer', sign({ ...rest, iat: now, exp: now + 600 }, { issuer: 'someone-else' })],
        ['no audience', jwt.sign({ ...rest, iat: now, exp: now + 600 }, secret, { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER })],
        ['another audience', sign({ ...rest, iat: now, exp: now + 600 }, { audience: 'another-app' })],
        ['alg none', sign({ ...rest, iat: now, exp: now + 600 }, { algorithm: 'none' })],
        ['typ refresh', sign({ ...rest, typ: 'refresh', iat: now, exp: now + 600 })],
      ];
    };
    const claimsOf = (token: string) => jwt.decode(token) as Record<string, unknown>;

    it('signs access tokens with issuer, audience, iat and exp', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      expect(claimsOf(admin.accessToken)).toMatchObject({
        iss: ACCESS_TOKEN_ISSUER,
        aud: ACCESS_TOKEN_AUDIENCE,
        iat: expect.any(Number),
        exp: expect.any(Number),
        typ: 'access',
      });
    });

    it('refuses, on the API and on Bull Board, tokens signed with the real secret but lacking exp or iat, or with the wrong issuer, audience, algorithm or type', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      // The same claims re-signed correctly do work: each forgery below fails for its one defect.
      const { exp, iat, ...same } = claimsOf(admin.accessToken);
      const resigned = jwt.sign({ ...same, exp, iat }, t.env.JWT_SECRET, { algorithm: 'HS256' });
      await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${resigned}`).expect(200);
      await t.http.get('/admin/queues').set('Authorization', `Bearer ${resigned}`).expect(200);

      for (const [defect, token] of forgeries(claimsOf(admin.accessToken), t.env.JWT_SECRET)) {
        for (const res of [
          await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${token}`),
          await t.http.get('/admin/queues').set('Authorization', `Bearer ${token}`),
          await t.http.get('/admin/queues').set('Cookie', `lg_board=${token}`),
        ]) {
          expect({ defect, status: res.status }).toEqual({ defect, status: 401 });
          expect(res.body.error).toMatchObject({ status: 401, code: ErrorCode.Unauthenticated, requestId: expect.any(String) });
        }
      }
    });
  });

  describe('refresh', () => {
    it('rotates the refresh cookie and issues a working access token', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const res = await t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie).expect(200);
      const next = refreshCookieOf(res)!;
      expect(next).toBeDefined();
      expect(next).not.toBe(admin.refreshCookie);
      await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      // The next cookie rotates again.
      await t.http.post('/v1/auth/refresh').set('Cookie', next).expect(200);
    });

    it('lets two tabs refresh with one cookie at once: both get an access token and the session stays live', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const [a, b] = await Promise.all([
        t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie),
        t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);

      // Exactly one of them rotated; the other leaves the browser's cookie (the successor) alone.
      const successors = [refreshCookieOf(a), refreshCookieOf(b)].filter((c) => c !== undefined);
      expect(successors).toHaveLength(1);
      expect(successors[0]).not.toBe(admin.refreshCookie);
      expect([a, b].map((r) => setCookieLine(r, 'lg_refresh')).filter(Boolean)).toHaveLength(1);

      for (const res of [a, b]) {
        await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      }
      // The successor still rotates, and nothing was recorded as reuse.
      const next = await t.http.post('/v1/auth/refresh').set('Cookie', successors[0]).expect(200);
      expect(refreshCookieOf(next)).toBeDefined();
      const reuse = await t.dataSource.query(`SELECT 1 FROM audit_log WHERE action = 'auth.refresh_reuse' AND details->>'sessionId' = $1`, [
        sessionIdOf(admin.accessToken),
      ]);
      expect(reuse).toHaveLength(0);
    });

    it('treats a replayed (already rotated) refresh token as theft and ends the whole session', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const rotated = await t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie).expect(200);
      const current = refreshCookieOf(rotated)!;
      const currentAccess = rotated.body.accessToken as string;

      // Inside the reuse grace window the replay is taken for a concurrent tab; move the rotation past the window.
      await t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie).expect(200);
      await ageRotation(admin.refreshCookie, GRACE_SECONDS);
      await t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie).expect(401);

      // The legitimate holder's newer refresh token and every access token of the session are dead too.
      await t.http.post('/v1/auth/refresh').set('Cookie', current).expect(401);
      await t.http.get('/v1/auth/me').set('Authorization', `Bearer ${currentAccess}`).expect(401);
      await t.http.get('/v1/auth/me').set(admin.auth).expect(401);

      const [reuse] = await t.dataSource.query(`SELECT actor_id FROM audit_log WHERE action = 'auth.refresh_reuse' AND actor_id = $1`, [
        admin.id,
      ]);
      expect(reuse).toBeDefined();
    });

    it('answers "no session" without a cookie, and refuses a malformed one', async () => {
      const none = await t.http.post('/v1/auth/refresh').expect(204);
      expect(none.text).toBe('');
      expect(none.headers['set-cookie']).toBeUndefined();
      await t.http.post('/v1/auth/refresh').set('Cookie', 'lg_refresh=nonsense').expect(401);
    });

    it('does not let one user session end another', async () => {
      const a = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const b = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      await t.http.post('/v1/auth/logout').set('Cookie', a.refreshCookie).expect(204);
      await t.http.get('/v1/auth/me').set(b.auth).expect(200);
    });
  });

  describe('logout', () => {
    it('ends the session: the access token and refresh cookie stop working at once', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      await t.http.get('/v1/auth/me').set(admin.auth).expect(200);

      const res = await t.http.post('/v1/auth/logout').set('Cookie', admin.refreshCookie).expect(204);
      expect(setCookieLine(res, 'lg_refresh')).toMatch(/Expires=Thu, 01 Jan 1970/);

      await t.http.get('/v1/auth/me').set(admin.auth).expect(401);
      await t.http.post('/v1/auth/refresh').set('Cookie', admin.refreshCookie).expect(401);
    });

    it('is harmless without a cookie', async () => {
      await t.http.post('/v1/auth/logout').expect(204);
    });
  });

  describe('board session', () => {
    it('sets an httpOnly lg_board cookie scoped to /admin/queues for an admin', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const res = await t.http.post('/v1/auth/board-session').set(admin.auth).expect(204);
      const cookie = setCookieLine(res, 'lg_board')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      expect(cookie).toMatch(/SameSite=Strict/i);
    });
  });
});

describe('auth rate limiting (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t?.close());

  it('refuses the attempt after LOGIN_RATE_LIMIT per minute from one address with a 429 envelope', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http.post('/v1/auth/login').send({ email: 'nobody@example.test', password: 'whatever-pass' }).expect(401);
    }
    const res = await t.http.post('/v1/auth/login').send(FIRST_ADMIN).expect(429);
    expect(res.body.error).toMatchObject({ status: 429, code: ErrorCode.RateLimited });
    expect(res.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts attempts per socket address when no proxy is trusted, whatever X-Forwarded-For claims', async () => {
    const res = await t.http.post('/v1/auth/login').set('X-Forwarded-For', '198.51.100.99').send(FIRST_ADMIN).expect(429);
    expect(res.body.error.code).toBe(ErrorCode.RateLimited);
  });

  it('does not throttle other routes', async () => {
    await t.http.post('/v1/auth/refresh').set('Cookie', 'lg_refresh=nonsense').expect(401);
  });
});

describe('auth behind a trusted proxy (e2e)', () => {
  let t: TestApp;
  const LIMIT = 3;

  beforeAll(async () => {
    // supertest connects from the loopback address, which plays the TLS-terminating load balancer here.
    t = await createTestApp({ env: { TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: String(LIMIT) } });
  });
  afterAll(() => t?.close());

  /** A login forwarded by the proxy for a client at `clientIp`, reached over https unless told otherwise. */
  const loginVia = (clientIp: string, proto = 'https') =>
    t.http.post('/v1/auth/login').set('X-Forwarded-For', clientIp).set('X-Forwarded-Proto', proto).send(FIRST_ADMIN);

  it('marks the refresh and board cookies Secure when the proxy says the request came over https', async () => {
    const res = await loginVia('203.0.113.10').expect(200);
    expect(setCookieLine(res, 'lg_refresh')).toMatch(/;\s*Secure/i);

    const refreshed = await t.http
      .post('/v1/auth/refresh')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', refreshCookieOf(res)!)
      .expect(200);
    expect(setCookieLine(refreshed, 'lg_refresh')).toMatch(/;\s*Secure/i);

    const board = await t.http
      .post('/v1/auth/board-session')
      .set('X-Forwarded-Proto', 'https')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(204);
    expect(setCookieLine(board, 'lg_board')).toMatch(/;\s*Secure/i);
  });

  it('leaves them without Secure when the proxy says http (PUBLIC_URL is http here)', async () => {
    const res = await loginVia('203.0.113.11', 'http').expect(200);
    expect(setCookieLine(res, 'lg_refresh')).not.toMatch(/Secure/i);
  });

  it("records the client's address the proxy forwarded, not the proxy's", async () => {
    const res = await loginVia('203.0.113.12').expect(200);
    const [session] = await t.dataSource.query(`SELECT ip FROM auth_sessions WHERE family_id = $1`, [sessionIdOf(res.body.accessToken)]);
    expect(session.ip).toBe('203.0.113.12');
    const [audit] = await t.dataSource.query(`SELECT ip FROM audit_log WHERE action = 'auth.login' AND details->>'sessionId' = $1`, [
      sessionIdOf(res.body.accessToken),
    ]);
    expect(audit.ip).toBe('203.0.113.12');
  });

  it('rate limits each client behind the proxy on its own, not the proxy as one client', async () => {
    const wrong = (clientIp: string) =>
      t.http.post('/v1/auth/login').set('X-Forwarded-For', clientIp).send({ email: 'nobody@example.test', password: 'whatever-pass' });
    for (let i = 0; i < LIMIT; i++) await wrong('198.51.100.1').expect(401);
    await wrong('198.51.100.1').expect(429);
    await wrong('198.51.100.2').expect(401);
  });
});

describe('auth with an https PUBLIC_URL (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://connect.example.test' } });
  });
  afterAll(() => t?.close());

  it('marks the refresh cookie Secure even on a request that reached it over plain http', async () => {
    const res = await t.http.post('/v1/auth/login').send(FIRST_ADMIN).expect(200);
    expect(setCookieLine(res, 'lg_refresh')).toMatch(/;\s*Secure/i);
  });
});
