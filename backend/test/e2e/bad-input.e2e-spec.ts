import { ErrorCode } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { FIRST_ADMIN, login, SignedInUser } from '../utils/identity-fixtures';

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: { type?: string };
}

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  op: Operation;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const NUL = '\u0000';

/**
 * What an attacker (or a broken client) sends to every endpoint the API documents: paging numbers PostgreSQL cannot
 * hold and control characters PostgreSQL cannot store. The walk reads the OpenAPI document, so a new endpoint is
 * covered the day it is documented. Every answer must be a 400 envelope naming the field; a 500 is a bug.
 */
describe('bad input on every documented endpoint (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let ops: Op[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    const doc = (await t.http.get('/docs-json').expect(200)).body as OpenApi;
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method as Op['method'], path, op: resolveBody(doc, op) })),
    );
  });
  afterAll(() => t?.close());

  const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, PLACEHOLDER_ID);
  const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'query');
  const paged = () =>
    ops.filter(({ method, op }) => method === 'get' && ['limit', 'offset'].every((n) => queryParams(op).some((p) => p.name === n)));

  const send = (method: Op['method'], url: string, body?: unknown) => {
    const req = t.http[method](url).set(admin.auth);
    return body === undefined ? req : req.send(body as object);
  };

  it('finds the paged lists (so the walk itself works)', () => {
    expect(paged().map((o) => o.path)).toEqual(expect.arrayContaining(['/v1/leads', '/v1/integrations/meta/lead-syncs', '/v1/audit-log']));
  });

  it.each([
    ['offset', '1e20'],
    ['offset', '99999999999999999999'],
    ['offset', '1000001'],
    ['offset', '-1'],
    ['offset', '1.5'],
    ['offset', '0x10'],
    ['offset', ''],
    ['limit', '0'],
    ['limit', '201'],
    ['limit', '1e20'],
    ['limit', 'ten'],
  ])('answers %s=%p on every paged list with a 400 naming it', async (name, value) => {
    const failures: string[] = [];
    for (const { path } of paged()) {
      const res = await t.http
        .get(urlOf(path))
        .query({ [name]: value })
        .set(admin.auth);
      const fields = ((res.body?.error?.fields ?? []) as { field: string }[]).map((f) => f.field);
      if (res.status !== 400 || res.body.error.code !== ErrorCode.ValidationFailed || !fields.includes(name)) {
        failures.push(`GET ${path}?${name}=${value} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('still serves the largest allowed page numbers', async () => {
    for (const { path } of paged()) {
      const res = await t.http.get(urlOf(path)).query({ limit: '200', offset: '1000000' }).set(admin.auth);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });

  it('refuses a control character in every documented query parameter with a 400 naming it', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, path, op } of ops) {
      for (const param of queryParams(op)) {
        for (const bad of [`a${NUL}b`, 'a\u001bb', 'a\u007fb', 'a\nb']) {
          checked++;
          const res = await send(method, `${urlOf(path)}?${encodeURIComponent(param.name)}=${encodeURIComponent(bad)}`);
          const fields = ((res.body?.error?.fields ?? []) as { field: string }[]).map((f) => f.field);
          // The envelope is JSON even from a handler that declares a text/plain answer (Meta's verification echo).
          if (res.status !== 400 || !fields.includes(param.name) || !/^application\/json/.test(res.headers['content-type'])) {
            failures.push(
              `${method.toUpperCase()} ${path}?${param.name}=${JSON.stringify(bad)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });

  it('refuses a NUL in every string property of every documented JSON body with a 400 naming it', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, path, op } of ops) {
      const schema = op.requestBody?.content['application/json']?.schema;
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        if (property.type !== 'string') continue;
        checked++;
        const res = await send(method, urlOf(path), { [name]: `a${NUL}b` });
        const fields = ((res.body?.error?.fields ?? []) as { field: string }[]).map((f) => f.field);
        if (res.status !== 400 || !fields.includes(name)) {
          failures.push(`${method.toUpperCase()} ${path} {${name}: "a\\u0000b"} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('refuses a NUL in a nested body value and in a path parameter, never with a 500', async () => {
    const form = '/v1/integrations/meta/lead-forms/123/mapping';
    const nested = await send('put', form, { fields: {}, defaults: { city: `Paris${NUL}` }, required: [] });
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields).toEqual([expect.objectContaining({ field: 'defaults.city' })]);

    const failures: string[] = [];
    for (const { method, path } of ops.filter((o) => o.path.includes('{'))) {
      const res = await send(method, path.replace(/\{[^}]+\}/g, '%00'));
      if (res.status !== 400 && res.status !== 404) failures.push(`${method.toUpperCase()} ${path} with %00 → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('searches leads and exports them with ordinary text as before', async () => {
    await t.http.get('/v1/leads').query({ q: 'Müller O’Brien 50%_' }).set(admin.auth).expect(200);
    await t.http.get('/v1/leads/export.csv').query({ q: 'smith' }).set(admin.auth).expect(200);
  });
});

/** The operation with its JSON body schema's $ref replaced by the schema itself. */
function resolveBody(doc: OpenApi, op: Operation): Operation {
  const json = op.requestBody?.content['application/json'];
  const ref = json?.schema?.$ref;
  if (!json || !ref) return op;
  const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
  return { ...op, requestBody: { content: { ...op.requestBody!.content, 'application/json': { schema } } } };
}
