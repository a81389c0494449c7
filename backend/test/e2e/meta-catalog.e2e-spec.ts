import { DEMO_CATALOG_ID, DEMO_IDS } from '@legeai/meta-sandbox';
import { Role, type CatalogProductDto, type CatalogSyncDto } from '@legeai/contracts';
import { MetaGraphClient } from '../../src/infra/meta-graph';
import { MetaIntegrationRepository, MetaTokenVault } from '../../src/modules/meta-auth';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin, type SignedInUser } from '../utils/identity-fixtures';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(180_000);

const BASE = '/v1/catalog';
const SITE = 'https://legeai.example';

describe('MetaCatalog (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  const http = () => env.t.http;
  const control = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    fetch(`${env.sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${await r.text()}`);
      return r.json();
    });
  const lastSeq = () => env.sandbox.control.calls({ limit: 1_000_000 }).reduce((max, c) => Math.max(max, c.seq), 0);
  const batchCalls = (since: number) =>
    env.sandbox.control.calls({ sinceSeq: since, limit: 100_000 }).filter((c) => c.path.endsWith('/items_batch'));
  /** The catalog's items as Meta lists them (through the app's Graph client: appsecret_proof and all). */
  const catalogItems = async (): Promise<Map<string, { name: string; price: string }>> => {
    const integration = await env.t.app.get(MetaIntegrationRepository).findLive(env.admin.organisationId);
    const accessToken = env.t.app.get(MetaTokenVault).openUserToken(integration!)!;
    const items = new Map<string, { name: string; price: string }>();
    const params = { fields: 'retailer_id,name,price', limit: 500 };
    for await (const item of env.t.app.get(MetaGraphClient).paginate<any>(`${DEMO_CATALOG_ID}/products`, params, { accessToken }))
      items.set(item.retailer_id, item);
    return items;
  };

  const product = (retailerId: string, change: Record<string, unknown> = {}) => ({
    retailerId,
    name: `Policy ${retailerId}`,
    description: `Insurance policy ${retailerId}, monthly premium from the listed price.`,
    brand: 'Harbor Point',
    lineOfBusiness: 'auto',
    priceMinor: 4900,
    currency: 'USD',
    landingUrl: `${SITE}/p/${retailerId.toLowerCase()}`,
    imageUrl: `${SITE}/img/${retailerId.toLowerCase()}.jpg`,
    availability: 'in stock',
    customLabels: ['TX', 'Harbor Point', 'families'],
    ...change,
  });
  const products = async (user: SignedInUser = viewer): Promise<CatalogProductDto[]> =>
    (await http().get(`${BASE}/products`).query({ limit: 200 }).set(user.auth).expect(200)).body.items;
  const byRetailer = async (retailerId: string) => (await products()).find((p) => p.retailerId === retailerId)!;

  async function syncAndWait(user: SignedInUser = manager): Promise<CatalogSyncDto> {
    const started = (await http().post(`${BASE}/syncs`).set(user.auth).expect(202)).body as CatalogSyncDto;
    return waitFor(`sync ${started.id}`, async () => {
      const s = (await http().get(`${BASE}/syncs/${started.id}`).set(viewer.auth).expect(200)).body as CatalogSyncDto;
      return ['succeeded', 'failed', 'awaiting_confirmation'].includes(s.state) ? s : undefined;
    });
  }

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'meta-catalog-e2e', env: { CATALOG_POLL_INITIAL_MS: '50' } });
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    await connectOrganisation(env);
    // Handles take a little time to finish, so every sync has to poll them.
    await control('PUT', '/catalogs/batches', { startedSeconds: 0.1, durationSeconds: 0.4 });
  });
  afterAll(() => env?.close());

  it('refuses bad input with 400 and the error envelope', async () => {
    const bad = await http()
      .post(`${BASE}/products`)
      .set(manager.auth)
      .send(product('BAD-1', { currency: 'usd', priceMinor: -1 }))
      .expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toMatch(/currency/);
    await http().post(`${BASE}/products`).set(manager.auth).send(product('has space')).expect(400);
    await http()
      .post(`${BASE}/products`)
      .set(manager.auth)
      .send(product('CTRL-1', { name: 'bad\u0007name' }))
      .expect(400);
    await http()
      .post(`${BASE}/products`)
      .set(manager.auth)
      .send(product('URL-1', { landingUrl: 'javascript:alert(1)' }))
      .expect(400);
    await http()
      .post(`${BASE}/products`)
      .set(manager.auth)
      .send(product('EXTRA-1', { surprise: true }))
      .expect(400);
    await http().get(`${BASE}/products/not-a-uuid`).set(viewer.auth).expect(400);
    await http().get(`${BASE}/products`).query({ limit: 100000 }).set(viewer.auth).expect(400);
    await http().get(`${BASE}/catalogs`).query({ businessId: 'abc' }).set(viewer.auth).expect(400);
    await http().post(`${BASE}/products/import`).set(manager.auth).set('content-type', 'application/json').send({ a: 1 }).expect(415);
  });

  it('lists the business catalogs and links one (admins only)', async () => {
    const catalogs = (await http().get(`${BASE}/catalogs`).set(viewer.auth).expect(200)).body;
    const demo = catalogs.find((c: any) => c.id === DEMO_CATALOG_ID);
    expect(demo).toMatchObject({ businessId: DEMO_IDS.businessId, productCount: 6 });
    await http().get(`${BASE}/link`).set(viewer.auth).expect(404);
    await http().put(`${BASE}/link`).set(manager.auth).send({ catalogId: DEMO_CATALOG_ID }).expect(403);
    const link = (await http().put(`${BASE}/link`).set(env.admin.auth).send({ catalogId: DEMO_CATALOG_ID }).expect(200)).body;
    expect(link).toMatchObject({ catalogId: DEMO_CATALOG_ID, productCount: 6, graphError: null });
    // Two of the items made elsewhere have problems Meta's diagnostics report.
    expect(link.diagnostics.length).toBeGreaterThan(0);
  });

  it('creates products (managers), names what Meta still needs, and refuses viewers', async () => {
    await http().post(`${BASE}/products`).set(viewer.auth).send(product('AUTO-1')).expect(403);
    for (const id of ['AUTO-1', 'HOME-1', 'LIFE-1']) await http().post(`${BASE}/products`).set(manager.auth).send(product(id)).expect(201);
    const draft = (
      await http()
        .post(`${BASE}/products`)
        .set(manager.auth)
        .send(product('PET-1', { imageUrl: null, landingUrl: 'http://legeai.example/pet', description: '' }))
        .expect(201)
    ).body as CatalogProductDto;
    expect(draft.readiness.map((i) => i.field).sort()).toEqual(['description', 'imageUrl', 'landingUrl']);
    expect(draft.readiness.find((i) => i.field === 'landingUrl')!.message).toMatch(/https/);
    await http().post(`${BASE}/products`).set(manager.auth).send(product('AUTO-1')).expect(409);
  });

  it('imports a CSV: good rows saved, bad rows reported by line and field', async () => {
    const csv = [
      'retailer_id,name,description,brand,line_of_business,price,currency,landing_url,image_url,custom_label_0',
      `RENT-1,Renters basic,"Renters cover, contents and liability",Harbor Point,renters,12.50,USD,${SITE}/r1,${SITE}/r1.jpg,TX`,
      `RENT-2,Renters plus,Renters cover with more,Harbor Point,renters,19.99,USD,${SITE}/r2,${SITE}/r2.jpg,CA`,
      `BAD-PRICE,Bad price,Text,Harbor Point,home,12.5.0,USD,${SITE}/b,${SITE}/b.jpg,TX`,
      `BAD-CUR,Bad currency,Text,Harbor Point,home,10.00,dollars,${SITE}/c,${SITE}/c.jpg,TX`,
      `TRAVEL-1,Travel single trip,Trip cover,Harbor Point,travel,9,EUR,${SITE}/t1,${SITE}/t1.jpg,`,
      `BAD-LOB,Bad line,Text,Harbor Point,boats,10.00,USD,${SITE}/d,${SITE}/d.jpg,TX`,
      `HEALTH-1,Health silver,Health plan,Harbor Point,health,415.00,USD,${SITE}/h1,${SITE}/h1.jpg,FL`,
    ].join('\r\n');
    await http().post(`${BASE}/products/import`).set(viewer.auth).set('content-type', 'text/csv').send(csv).expect(403);
    const report = (await http().post(`${BASE}/products/import`).set(manager.auth).set('content-type', 'text/csv').send(csv).expect(200))
      .body;
    expect(report).toMatchObject({ rows: 7, created: 4, updated: 0, rejected: 3 });
    expect(report.problems).toEqual([
      { row: 4, field: 'price', message: expect.stringMatching(/not a price/) },
      { row: 5, field: 'currency', message: expect.stringMatching(/ISO 4217/) },
      { row: 7, field: 'lineOfBusiness', message: expect.any(String) },
    ]);
    expect((await byRetailer('TRAVEL-1')).priceMinor).toBe(900);
    expect((await byRetailer('RENT-1')).description).toBe('Renters cover, contents and liability');
    // The same file again changes nothing.
    const again = (await http().post(`${BASE}/products/import`).set(manager.auth).set('content-type', 'text/csv').send(csv).expect(200))
      .body;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 3 });
  });

  it('first sync: one items_batch call, every handle followed to the end, products synced', async () => {
    const since = lastSeq();
    const sync = await syncAndWait();
    expect(sync).toMatchObject({ state: 'succeeded', creates: 7, updates: 0, deletes: 0, skipped: 1, writeRequests: 1, itemErrors: 0 });
    expect(sync.statusPolls).toBeGreaterThanOrEqual(1);
    expect(batchCalls(since)).toHaveLength(1);
    const statusCalls = env.sandbox.control
      .calls({ sinceSeq: since, limit: 1000 })
      .filter((c) => c.path.endsWith('/check_batch_request_status'));
    expect(statusCalls.length).toBe(sync.statusPolls);
    const items = await catalogItems();
    for (const id of ['AUTO-1', 'HOME-1', 'LIFE-1', 'RENT-1', 'RENT-2', 'TRAVEL-1', 'HEALTH-1']) expect(items.has(id)).toBe(true);
    expect(items.has('PET-1')).toBe(false);
    expect(items.has('HP-AUTO-STD')).toBe(true); // made elsewhere, left alone
    const all = await products();
    expect(all.filter((p) => p.syncState === 'synced')).toHaveLength(7);
    const pet = all.find((p) => p.retailerId === 'PET-1')!;
    expect(pet.syncState).toBe('error');
    expect(pet.syncErrors.map((e) => e.message).join(' ')).toMatch(/image/);
    const audit = (await auditActions(env.t, env.admin.organisationId)) as any[];
    expect(audit.find((a) => a.action === 'catalog.synced')?.details).toMatchObject({ creates: 7, writeRequests: 1 });
  });

  it('one price change sends exactly one UPDATE keyed by retailer_id', async () => {
    const home = await byRetailer('HOME-1');
    await http().patch(`${BASE}/products/${home.id}`).set(manager.auth).send({ priceMinor: 5350 }).expect(200);
    expect((await byRetailer('HOME-1')).syncState).toBe('pending');
    const since = lastSeq();
    const sync = await syncAndWait();
    expect(sync).toMatchObject({ state: 'succeeded', creates: 0, updates: 1, deletes: 0, writeRequests: 1 });
    const calls = batchCalls(since);
    expect(calls).toHaveLength(1);
    const requests = JSON.parse(calls[0].params['requests']);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'UPDATE', data: { id: 'HOME-1', price: '53.50 USD' } });
    expect((await catalogItems()).get('HOME-1')!.price).toMatch(/53\.50/);
    expect((await byRetailer('HOME-1')).syncState).toBe('synced');
  });

  it('an unchanged re-sync sends no write at all', async () => {
    const since = lastSeq();
    const sync = await syncAndWait();
    expect(sync).toMatchObject({ state: 'succeeded', creates: 0, updates: 0, deletes: 0, writeRequests: 0, statusPolls: 0 });
    expect(env.sandbox.control.calls({ sinceSeq: since, limit: 1000 }).filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it("shows Meta's per-item errors on the product", async () => {
    await control('POST', '/catalogs/item-errors', {
      retailerId: 'LIFE-1',
      message: 'Invalid price: the price of a life policy must be a monthly premium',
      times: 1,
    });
    const life = await byRetailer('LIFE-1');
    await http().patch(`${BASE}/products/${life.id}`).set(manager.auth).send({ name: 'Term life – 20 years' }).expect(200);
    const sync = await syncAndWait();
    expect(sync).toMatchObject({ state: 'succeeded', updates: 1, itemErrors: 1 });
    const after = await byRetailer('LIFE-1');
    expect(after.syncState).toBe('error');
    expect(after.syncErrors).toEqual([{ source: 'meta', message: 'Invalid price: the price of a life policy must be a monthly premium' }]);
    // Not resent while unchanged; fixed by the next change.
    expect((await syncAndWait()).writeRequests).toBe(0);
    await http().patch(`${BASE}/products/${life.id}`).set(manager.auth).send({ priceMinor: 3100 }).expect(200);
    expect(await syncAndWait()).toMatchObject({ updates: 1, itemErrors: 0 });
    expect((await byRetailer('LIFE-1')).syncState).toBe('synced');
  });

  it('leaves the items of a batch Meta failed as a whole to the next sync, with its message', async () => {
    await control('PUT', '/catalogs/batches', { failNext: 1, failMessage: 'Batch could not be processed, retry later' });
    const auto = await byRetailer('AUTO-1');
    await http().patch(`${BASE}/products/${auto.id}`).set(manager.auth).send({ priceMinor: 4500 }).expect(200);
    const failed = await syncAndWait();
    expect(failed).toMatchObject({ state: 'succeeded', updates: 1 });
    const after = await byRetailer('AUTO-1');
    expect(after.syncState).toBe('error');
    expect(after.syncErrors[0].message).toBe('Batch could not be processed, retry later');
    expect((await catalogItems()).get('AUTO-1')!.price).toMatch(/49\.00/);
    // Not counted as sent: the next sync sends it again and it lands.
    expect(await syncAndWait()).toMatchObject({ updates: 1, writeRequests: 1 });
    expect((await byRetailer('AUTO-1')).syncState).toBe('synced');
    expect((await catalogItems()).get('AUTO-1')!.price).toMatch(/45\.00/);
  });

  it('holds a sync that would delete too much until an admin confirms; nothing is deleted before', async () => {
    const all = await products(manager);
    const doomed = all.filter((p) => ['RENT-1', 'RENT-2', 'TRAVEL-1'].includes(p.retailerId));
    for (const p of doomed) await http().delete(`${BASE}/products/${p.id}`).set(manager.auth).expect(204);
    const since = lastSeq();
    const held = await syncAndWait();
    expect(held.state).toBe('awaiting_confirmation');
    expect([...held.pendingDeletes!].sort()).toEqual(['RENT-1', 'RENT-2', 'TRAVEL-1']);
    expect(batchCalls(since)).toEqual([]);
    expect((await catalogItems()).has('RENT-1')).toBe(true);
    // "Sync now" meanwhile answers the held sync instead of starting another.
    expect((await http().post(`${BASE}/syncs`).set(manager.auth).expect(202)).body.id).toBe(held.id);
    await http().post(`${BASE}/syncs/${held.id}/confirm`).set(manager.auth).expect(403);
    await http().post(`${BASE}/syncs/${held.id}/confirm`).set(env.admin.auth).expect(202);
    const done = await waitFor('the confirmed sync', async () => {
      const s = (await http().get(`${BASE}/syncs/${held.id}`).set(viewer.auth).expect(200)).body as CatalogSyncDto;
      return s.state === 'succeeded' ? s : undefined;
    });
    expect(done).toMatchObject({ deletes: 3, writeRequests: 1, trigger: 'confirmation' });
    const items = await catalogItems();
    expect(items.has('RENT-1') || items.has('RENT-2') || items.has('TRAVEL-1')).toBe(false);
    expect(items.has('HP-HOME-PLUS')).toBe(true);
    await http().post(`${BASE}/syncs/${held.id}/confirm`).set(env.admin.auth).expect(409);
    const history = (await http().get(`${BASE}/syncs`).set(viewer.auth).expect(200)).body;
    expect(history.items[0].id).toBe(held.id);
    expect(history.total).toBeGreaterThanOrEqual(6);
    const actions = ((await auditActions(env.t, env.admin.organisationId)) as any[]).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['catalog.sync_held', 'catalog.sync_confirmed', 'catalog.linked', 'catalog.products_imported']),
    );
  });

  it('holds a sync that starts from an empty product list', async () => {
    for (const p of await products(manager)) await http().delete(`${BASE}/products/${p.id}`).set(manager.auth).expect(204);
    const held = await syncAndWait();
    expect(held.state).toBe('awaiting_confirmation');
    expect(held.error).toMatch(/empty/);
    await http().post(`${BASE}/syncs/${held.id}/cancel`).set(env.admin.auth).expect(200);
    expect((await catalogItems()).has('AUTO-1')).toBe(true);
  });

  it("keeps organisations apart: another organisation sees none of this one's products or syncs", async () => {
    const other = await createOrganisationWithAdmin(env.t, 'Other Agency');
    expect((await http().get(`${BASE}/products`).set(other.admin.auth).expect(200)).body.total).toBe(0);
    expect((await http().get(`${BASE}/syncs`).set(other.admin.auth).expect(200)).body.total).toBe(0);
    const mine = (await http().get(`${BASE}/syncs`).set(viewer.auth).expect(200)).body.items[0];
    await http().get(`${BASE}/syncs/${mine.id}`).set(other.admin.auth).expect(404);
    await http().post(`${BASE}/syncs`).set(other.admin.auth).expect(409);
    await http().get(`${BASE}/catalogs`).set(other.admin.auth).expect(409);
  });
});
