import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createUserAndLogin, FIRST_ADMIN, login } from '../utils/identity-fixtures';
import { TEST_QUEUE_BACKEND } from '../utils/test-services';

const ALLOWED_ORIGIN = 'https://console.example.test';

describe('platform (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: ALLOWED_ORIGIN, BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('/health', () => {
    it('reports the database and the queue backend up', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details.database.status).toBe('up');
      expect(res.body.details.queue).toMatchObject({ status: 'up', backend: TEST_QUEUE_BACKEND });
    });

    it('documents its 503 as the error envelope, the shape it answers', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body;
      const unavailable = doc.paths['/health'].get.responses['503'];
      expect(unavailable.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelopeDto' });
    });
  });

  describe('/metrics', () => {
    it('exposes default, HTTP and queue metrics in Prometheus format', async () => {
      await t.http.get('/health').expect(200);
      const res = await t.http.get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('process_cpu_seconds_total');
      expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
      expect(res.text).toMatch(/queue_jobs\{queue="meta-webhook",state="waiting"\} \d+/);
    });
  });

  describe('/docs', () => {
    it('serves the OpenAPI document with both security schemes and the error envelope', async () => {
      const res = await t.http.get('/docs-json').expect(200);
      const paths = Object.keys(res.body.paths);
      expect(paths).toEqual(expect.arrayContaining(['/health', '/metrics', '/v1/auth/login', '/v1/users']));
      expect(res.body.components.securitySchemes).toMatchObject({
        bearer: { type: 'http', scheme: 'bearer' },
        'api-key': { type: 'apiKey', in: 'header', name: 'x-api-key' },
      });
      expect(res.body.components.schemas.ErrorEnvelopeDto).toBeDefined();
    });

    it('documents every Meta integration and leads operation: summary, auth (or public by design), error answers', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body as {
        paths: Record<
          string,
          Record<string, { summary?: string; security?: Record<string, string[]>[]; responses: Record<string, unknown> }>
        >;
      };
      // Meta calls these, or the browser returns through them: they carry no credentials of ours.
      const publicByDesign = ['/webhook', '/callback', '/deauthorize', '/data-deletion', '/data-deletion/{code}'].map(
        (p) => `/v1/integrations/meta${p}`,
      );
      const ops = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/v1/integrations/meta') || path.startsWith('/v1/leads'))
        .flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
        );
      expect(ops.length).toBeGreaterThan(25);
      for (const { name, path, op } of ops) {
        const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
        const errors = Object.keys(op.responses).filter((status) => /^[45]/.test(status));
        const problems = [
          !op.summary && 'no summary',
          !publicByDesign.includes(path) && !schemes.length && 'no security requirement',
          new Set(schemes).size !== schemes.length && `security listed twice (${schemes.join(', ')})`,
          // The OAuth callback answers every outcome, failures included, with a redirect to the console.
          !errors.length && !op.responses['302'] && 'no error responses',
        ].filter(Boolean);
        expect({ name, problems }).toEqual({ name, problems: [] });
      }
    });

    it('serves Swagger UI', async () => {
      const res = await t.http.get('/docs').redirects(1).expect(200);
      expect(res.text).toContain('swagger-ui');
    });
  });

  describe('security headers', () => {
    it('sets a CSP without inline scripts, and the usual hardening headers', async () => {
      const res = await t.http.get('/health').expect(200);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('sends COOP and Origin-Agent-Cluster only where browsers apply them, so a LAN address logs nothing', async () => {
      const loopback = await t.http.get('/').expect(200);
      expect(loopback.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(loopback.headers['origin-agent-cluster']).toBe('?1');
      // Plain HTTP at a host name a browser does not trust: every other header stays, the two ignored there go.
      const lan = await t.http.get('/').set('Host', 'console.lan:3000').expect(200);
      expect(lan.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(lan.headers['origin-agent-cluster']).toBeUndefined();
      expect(lan.headers['content-security-policy']).toBe(loopback.headers['content-security-policy']);
      expect(lan.headers['x-frame-options']).toBe('SAMEORIGIN');
      // TRUST_PROXY is off here: a forwarded https is not believed.
      const claimed = await t.http.get('/').set('Host', 'console.lan').set('X-Forwarded-Proto', 'https').expect(200);
      expect(claimed.headers['cross-origin-opener-policy']).toBeUndefined();
    });

    it('keeps API answers out of browser and proxy caches, without an ETag', async () => {
      const res = await t.http.post('/v1/auth/login').send({ email: 'nobody@example.com', password: 'not-the-password' });
      expect(res.status).toBe(401);
      expect(res.headers['cache-control']).toBe('no-store');
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const listed = await t.http.get('/v1/leads').set('Authorization', `Bearer ${admin.accessToken}`).expect(200);
      expect(listed.headers['cache-control']).toBe('no-store');
      expect(listed.headers.etag).toBeUndefined();
      // Operational paths keep their own rules.
      expect((await t.http.get('/health')).headers['cache-control']).not.toBe('no-store');
    });
  });

  describe('CORS', () => {
    it('allows a configured origin, with credentials', async () => {
      const res = await t.http.options('/v1/auth/login').set('Origin', ALLOWED_ORIGIN).set('Access-Control-Request-Method', 'POST');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    });

    it('gives other origins no CORS grant', async () => {
      const res = await t.http
        .options('/v1/auth/login')
        .set('Origin', 'https://evil.example.test')
        .set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('error envelope', () => {
    it('answers malformed JSON with a 400 envelope', async () => {
      const res = await t.http
        .post('/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.c", "password": hunter2}');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: expect.objectContaining({ status: 400, code: ErrorCode.BadRequest, message: expect.stringMatching(/JSON/) }),
      });
      // V8's parse message quotes the input; it must not come back (or reach the logs).
      expect(res.text).not.toContain('hunter2');
    });

    it('answers a body of a type the API does not read with a 415 envelope, and an empty JSON body as {}', async () => {
      const xml = await t.http.post('/v1/auth/login').set('Content-Type', 'application/xml').send('<login/>');
      expect(xml.status).toBe(415);
      // Fastify's own words (Nest hands its request errors to the filter as HTTP exceptions); nothing of the body.
      expect(xml.body.error).toMatchObject({ code: 'unsupported_media_type', message: 'Unsupported Media Type' });
      expect(xml.headers['x-request-id']).toBe(xml.body.error.requestId);
      const empty = await t.http.post('/v1/auth/login').set('Content-Type', 'application/json').send('');
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['email', 'password']));
    });

    it('answers a URL whose percent-encoding cannot be decoded with a 400 envelope', async () => {
      const res = await t.http.get('/v1/leads/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400, code: ErrorCode.BadRequest, requestId: expect.any(String) });
    });

    it('answers an unknown API route with a 404 envelope', async () => {
      const res = await t.http.get('/v1/no-such-thing').expect(404);
      expect(res.body.error).toMatchObject({ status: 404, code: ErrorCode.NotFound });
      expect(typeof res.body.error.requestId).toBe('string');
    });

    it('answers an oversized body with a 413 envelope', async () => {
      const res = await t.http
        .post('/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(4096) }));
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ status: 413, code: ErrorCode.PayloadTooLarge });
    });

    it('lists the offending fields on a validation failure', async () => {
      // No password, and a property the DTO does not declare (the global pipe forbids those).
      const res = await t.http.post('/v1/auth/login').send({ email: 'a@example.test', extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
      const fields = res.body.error.fields as { field: string; messages: string[] }[];
      expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['extra', 'password']));
      expect(fields.every((f) => f.messages.length > 0)).toBe(true);
      expect(res.body.error.message).toContain('extra');
    });
  });

  describe('Bull Board', () => {
    it('refuses anonymous visitors with a 401 envelope', async () => {
      const res = await t.http.get('/admin/queues').expect(401);
      expect(res.body.error.code).toBe(ErrorCode.Unauthenticated);
    });

    it('refuses a forged token', async () => {
      const forged = new JwtService().sign(
        { sub: 'x', role: Role.Admin, typ: 'access' },
        { secret: 'not-the-secret-at-all-0123456789abcdef' },
      );
      await t.http.get('/admin/queues').set('Authorization', `Bearer ${forged}`).expect(401);
    });

    it('refuses a non-admin with 403', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const manager = await createUserAndLogin(t, admin, Role.Manager);
      const res = await t.http.get('/admin/queues').set(manager.auth);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe(ErrorCode.Forbidden);
    });

    it("answers a browser with a page in the console's look instead of raw JSON", async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const manager = await createUserAndLogin(t, admin, Role.Manager);
      const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
      const denied = await t.http.get('/admin/queues').set(manager.auth).set('Accept', html).expect(403);
      expect(denied.headers['content-type']).toMatch(/^text\/html/);
      expect(denied.text).toContain('The queues are for admins');
      expect(denied.text).toContain('href="/"');
      expect(denied.text).not.toMatch(/<script/i);
      // Written before the server's own hooks run, it still carries what every answer does.
      expect(denied.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(denied.headers['x-content-type-options']).toBe('nosniff');
      expect(denied.text).toContain(`Request ${denied.headers['x-request-id']}`);
      const anonymous = await t.http.get('/admin/queues').set('Accept', html).expect(401);
      expect(anonymous.text).toContain('Sign in to open the queues');
    });

    it('opens for an admin through the lg_board cookie, and its API lists the queues', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const cookie = `lg_board=${admin.accessToken}`;
      const page = await t.http.get('/admin/queues').set('Cookie', cookie).expect(200);
      expect(page.text).toContain('<div id="root">');
      // No request leaves for another origin (the package's page links Google Fonts, which the CSP blocks).
      expect(page.text).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)/);
      const css = /href="(static\/css\/[^"]+)"/.exec(page.text)![1];
      await t.http.get(`/admin/queues/${css}`).set('Cookie', cookie).expect(200);
      const api = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
      const names = (api.body.queues as { name: string }[]).map((q) => q.name);
      expect(names).toEqual(
        expect.arrayContaining(['meta-auth', 'meta-webhook', 'meta-leads', 'meta-ads', 'meta-catalog', 'outgoing-webhooks', 'alerts']),
      );
    });

    it('closes for an admin whose session has ended', async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const cookie = `lg_board=${admin.accessToken}`;
      await t.http.get('/admin/queues').set('Cookie', cookie).expect(200);
      await t.http
        .post('/v1/auth/logout')
        .set(admin.auth)
        .set('Cookie', admin.refreshCookie)
        .expect((r) => {
          if (r.status >= 300) throw new Error(`logout answered ${r.status}`);
        });
      const res = await t.http.get('/admin/queues').set('Cookie', cookie).expect(401);
      expect(res.body.error.code).toBe(ErrorCode.Unauthenticated);
    });
  });

  describe('schedules', () => {
    it('declares every schedule once, however often they are upserted, on the queue where schedules tick', async () => {
      const { getQueueToken } = await import('@nestjs/bullmq');
      const { SchedulerService } = await import('../../src/infra/scheduler/scheduler.service');
      await t.app.get(SchedulerService).onApplicationBootstrap();
      await t.app.get(SchedulerService).onApplicationBootstrap();
      const queue = t.app.get(getQueueToken('schedules'));
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s: { key: string }) => s.key).sort()).toEqual([
        'alerts:evaluate',
        'alerts:send-digests',
        'alerts:sweep',
        'meta-ads:sync-all',
        'meta-auth:check-all-connections',
        'meta-catalog:sync-all',
        'meta-conversions:sweep-events',
        'meta-insights:lookback',
        'meta-insights:refresh-today',
        'meta-leads:reconcile-all',
        'meta-webhook:prune-webhook-inbox',
        'meta-webhook:relay-webhook-inbox',
        'outgoing-webhooks:prune-deliveries',
        'outgoing-webhooks:sweep-deliveries',
      ]);
    });

    it("keeps the capabilities' queues free of schedulers and of their delayed next jobs", async () => {
      // A delayed job in the lead queue changes how BullMQ's worker fills its slots (schedule-ticks.ts): the lead
      // queue holds only jobs that are due, or delayed on purpose.
      const { getQueueToken } = await import('@nestjs/bullmq');
      for (const name of [
        'meta-auth',
        'meta-webhook',
        'meta-leads',
        'meta-ads',
        'meta-catalog',
        'meta-insights',
        'meta-conversions',
        'outgoing-webhooks',
        'alerts',
      ]) {
        const queue = t.app.get(getQueueToken(name));
        expect({ name, schedulers: await queue.getJobSchedulers(), delayed: await queue.getDelayedCount() }).toEqual({
          name,
          schedulers: [],
          delayed: 0,
        });
      }
    });
  });
});
