import { ErrorCode, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createUserAndLogin, FIRST_ADMIN, login } from '../utils/identity-fixtures';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789abcdef';

/** METRICS_ACCESS and DOCS_ACCESS: /metrics and /docs closed to the public where the deployment says so. */
describe('operational endpoints access (e2e)', () => {
  describe('production defaults', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { NODE_ENV: 'production' } });
    });
    afterAll(() => t?.close());

    it('closes /metrics: a 404 envelope, as for a route that does not exist', async () => {
      const res = await t.http.get('/metrics').expect(404);
      expect(res.body.error).toMatchObject({ status: 404, code: ErrorCode.NotFound });
      expect(res.text).not.toContain('process_cpu');
    });

    it('keeps /health and the API docs open', async () => {
      await t.http.get('/health').expect(200);
      await t.http.get('/docs-json').expect(200);
    });
  });

  describe('METRICS_ACCESS=token, DOCS_ACCESS=off', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { NODE_ENV: 'production', METRICS_ACCESS: 'token', METRICS_TOKEN, DOCS_ACCESS: 'off' } });
    });
    afterAll(() => t?.close());

    it('serves /metrics to the bearer of the token', async () => {
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(res.text).toContain('process_cpu_seconds_total');
    });

    it.each([
      ['no token', undefined],
      ['a wrong token', 'Bearer prometheus-scrape-token-0123456789abcdeX'],
      ['a prefix of the token', `Bearer ${METRICS_TOKEN.slice(0, 10)}`],
      ['the token without the Bearer scheme', METRICS_TOKEN],
    ])('refuses %s with a 401 envelope', async (_, authorization) => {
      const req = t.http.get('/metrics');
      if (authorization) req.set('Authorization', authorization);
      const res = await req.expect(401);
      expect(res.body.error).toMatchObject({ status: 401, code: ErrorCode.Unauthenticated });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.text).not.toContain('process_cpu');
    });

    it('does not serve Swagger UI or the OpenAPI document', async () => {
      for (const path of ['/docs', '/docs-json']) {
        const res = await t.http.get(path).expect(404);
        expect(res.body.error).toMatchObject({ status: 404, code: ErrorCode.NotFound });
      }
    });
  });

  describe('METRICS_ACCESS=admin', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { METRICS_ACCESS: 'admin' } });
    });
    afterAll(() => t?.close());

    it("serves /metrics to a console admin's access token only", async () => {
      const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
      const manager = await createUserAndLogin(t, admin, Role.Manager);
      await t.http.get('/metrics').set(admin.auth).expect(200);
      expect((await t.http.get('/metrics').set(manager.auth).expect(403)).body.error.code).toBe(ErrorCode.Forbidden);
      expect((await t.http.get('/metrics').expect(401)).body.error.code).toBe(ErrorCode.Unauthenticated);
      await t.http.get('/metrics').set('Authorization', 'Bearer not-a-jwt').expect(401);
    });
  });
});
