import { DEMO_CATALOG_ID, DEMO_CLIENT_CATALOG_ID, DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { ALL_SCOPES, loginAs } from '../support/login';
import { CLOCK_START } from './marketing-fixtures';

const CATALOG = DEMO_CATALOG_ID;

describe('Marketing API: catalogs, products, filters and diagnostics', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clockStart: CLOCK_START });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox, [...ALL_SCOPES, 'catalog_management']);
  });

  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });
  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('lists the business’s catalogs with product_count and creates one, commerce by default', async () => {
    const created = await post(`${DEMO_IDS.businessId}/owned_product_catalogs`, { name: 'Policies 2027' });
    expect(created.body.id).toMatch(/^\d+$/);
    const list = await get(`${DEMO_IDS.businessId}/owned_product_catalogs`, { fields: 'id,name,vertical,product_count' });
    expect(list.body.data).toEqual([
      { id: CATALOG, name: 'Harbor Point – Policies', vertical: 'commerce', product_count: 6 },
      { id: created.body.id, name: 'Policies 2027', vertical: 'commerce', product_count: 0 },
    ]);
  });

  it('lists the catalogs clients shared with the business, with their owner, and serves their products', async () => {
    const list = await get(`${DEMO_IDS.businessId}/client_product_catalogs`, { fields: 'id,name,business{id,name}' });
    expect(list.body.data).toEqual([
      {
        id: DEMO_CLIENT_CATALOG_ID,
        name: 'Bayside CU – Member insurance offers',
        business: { id: '872044519938802', name: 'Bayside Members Credit Union' },
      },
    ]);
    expect((await get(`${DEMO_CLIENT_CATALOG_ID}/products`, { fields: 'retailer_id' })).body.data).toEqual([
      { retailer_id: 'BCU-AUTO-MEMBER', id: expect.any(String) },
    ]);
  });

  it('refuses an unknown vertical', async () => {
    const res = await post(`${DEMO_IDS.businessId}/owned_product_catalogs`, { name: 'X', vertical: 'spaceships' });
    expect(res.body.error).toMatchObject({ code: 100, message: expect.stringContaining('vertical must be one of') });
  });

  it('needs catalog_management', async () => {
    const other = await loginAs(sandbox);
    expect((await graph(sandbox, 'GET', `${CATALOG}/products`, { token: other })).body.error.code).toBe(200);
  });

  it('creates, reads, updates and deletes a product with /products parameter names', async () => {
    const created = await post(`${CATALOG}/products`, {
      retailer_id: 'SKU-1',
      name: 'Auto policy',
      price: '1999',
      currency: 'USD',
      availability: 'in stock',
      condition: 'new',
      url: 'https://harborpoint-insurance.example/auto',
      image_url: 'https://harborpoint-insurance.example/auto.jpg',
      brand: 'Harbor Point',
    });
    const id = created.body.id;
    expect((await get(id, { fields: 'retailer_id,name,price,currency' })).body).toEqual({
      id,
      retailer_id: 'SKU-1',
      name: 'Auto policy',
      price: '$19.99',
      currency: 'USD',
    });
    expect((await post(id, { availability: 'out of stock' })).body).toEqual({ success: true });
    expect((await get(id, { fields: 'availability' })).body.availability).toBe('out of stock');
    expect((await get(`${CATALOG}/products`, { filter: JSON.stringify({ retailer_id: { eq: 'SKU-1' } }) })).body.data).toHaveLength(1);
    expect((await graph(sandbox, 'DELETE', id, { token })).body).toEqual({ success: true });
    expect((await get(id)).body.error.error_subcode).toBe(33);
    expect((await get(`${CATALOG}/products`, { filter: JSON.stringify({ retailer_id: { eq: 'SKU-1' } }) })).body.data).toEqual([]);
  });

  it('refuses a product with a bad availability', async () => {
    const res = await post(`${CATALOG}/products`, {
      retailer_id: 'SKU-2',
      name: 'X',
      price: '100',
      currency: 'USD',
      availability: 'maybe',
    });
    expect(res.body.error.code).toBe(100);
  });

  describe('reading items', () => {
    it('filters by retailer id (eq, is_any), by custom label and by price, with and/or', async () => {
      const ids = async (filter: unknown) =>
        (await get(`${CATALOG}/products`, { fields: 'retailer_id', filter: JSON.stringify(filter) })).body.data.map(
          (p: { retailer_id: string }) => p.retailer_id,
        );
      expect(await ids({ retailer_id: { eq: 'HP-LIFE-TERM20' } })).toEqual(['HP-LIFE-TERM20']);
      expect(await ids({ retailer_id: { is_any: ['HP-AUTO-STD', 'HP-HOME-PLUS', 'NOPE'] } })).toEqual(['HP-AUTO-STD', 'HP-HOME-PLUS']);
      expect(await ids({ custom_label_0: { eq: 'health' } })).toEqual(['HP-HEALTH-SILVER']);
      expect(await ids({ price: { gt: 100 } })).toEqual(['HP-HOME-PLUS', 'HP-HEALTH-SILVER']);
      expect(await ids({ or: [{ retailer_id: { starts_with: 'HP-LIFE' } }, { availability: { eq: 'out of stock' } }] })).toEqual([
        'HP-LIFE-TERM20',
        'HP-RENTERS-PROMO',
      ]);
    });

    it('refuses a filter on an unknown field, with an unknown operator or that is not JSON', async () => {
      for (const filter of [JSON.stringify({ colour: { eq: 'red' } }), JSON.stringify({ retailer_id: { like: 'HP%' } }), '{retailer_id']) {
        const res = await get(`${CATALOG}/products`, { filter });
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: 100, message: expect.stringMatching(/filter/) });
      }
    });

    it('pages through the items with cursors and reads the fields a sync compares', async () => {
      const seen: string[] = [];
      let page = await get(`${CATALOG}/products`, {
        fields: 'retailer_id,name,price,availability,custom_label_0,url,image_url',
        limit: '4',
        summary: 'true',
      });
      expect(page.body.summary).toEqual({ total_count: 6 });
      expect(page.body.data[0]).toMatchObject({
        retailer_id: 'HP-AUTO-STD',
        price: '$89.00',
        custom_label_0: 'auto',
        url: expect.stringMatching(/^https:\/\//),
      });
      for (;;) {
        seen.push(...page.body.data.map((p: { retailer_id: string }) => p.retailer_id));
        if (!page.body.paging?.next) break;
        page = { ...page, body: await (await fetch(page.body.paging.next)).json() };
      }
      expect(seen).toEqual(['HP-AUTO-STD', 'HP-HOME-PLUS', 'HP-LIFE-TERM20', 'HP-HEALTH-SILVER', 'HP-UMBRELLA-1M', 'HP-RENTERS-PROMO']);
    });
  });

  describe('diagnostics', () => {
    it('groups the problems of the items as they are now: a missing image must be fixed, a shouting title is an opportunity', async () => {
      const groups = (await get(`${CATALOG}/diagnostics`)).body.data;
      expect(groups).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'ATTRIBUTES_MISSING',
            severity: 'MUST_FIX',
            affected_entity: 'product_item',
            number_of_affected_items: 1,
            diagnostics: [expect.objectContaining({ error_type: 'EMPTY_IMAGE_URL', sample_retailer_ids: ['HP-UMBRELLA-1M'] })],
          }),
          expect.objectContaining({ type: 'LOW_QUALITY_TITLE_AND_DESCRIPTION', severity: 'OPPORTUNITY', number_of_affected_items: 1 }),
        ]),
      );
      const umbrella = (
        await get(`${CATALOG}/products`, { fields: 'errors', filter: JSON.stringify({ retailer_id: { eq: 'HP-UMBRELLA-1M' } }) })
      ).body.data[0];
      expect(umbrella.errors).toEqual([expect.objectContaining({ error_type: 'EMPTY_IMAGE_URL', error_priority: 'HIGH' })]);
    });

    it('clears a group once items_batch fixed the items', async () => {
      const requests = [
        { method: 'UPDATE', data: { id: 'HP-UMBRELLA-1M', image_link: 'https://harborpoint-insurance.example/img/umbrella.jpg' } },
      ];
      await post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: JSON.stringify(requests) });
      sandbox.control.advanceClock(10_000);
      const types = (await get(`${CATALOG}/diagnostics`)).body.data.map((group: { type: string }) => group.type);
      expect(types).toEqual(['LOW_QUALITY_TITLE_AND_DESCRIPTION']);
    });
  });

  describe('items made elsewhere (control surface)', () => {
    it('adds items the API did not create and removes them, as Commerce Manager would', async () => {
      const added = await control('POST', `/catalogs/${CATALOG}/items`, {
        items: [{ id: 'CM-PET-BASIC', title: 'Pet insurance – Basic', price: '19.00 USD', custom_label_0: 'pet' }],
      });
      expect(added.status).toBe(201);
      const found = await get(`${CATALOG}/products`, {
        fields: 'retailer_id,price,custom_label_0',
        filter: JSON.stringify({ retailer_id: { eq: 'CM-PET-BASIC' } }),
      });
      expect(found.body.data).toEqual([{ id: expect.any(String), retailer_id: 'CM-PET-BASIC', price: '$19.00', custom_label_0: 'pet' }]);
      const summary = ((await (await control('GET', '/catalogs')).json()) as any).data.find((c: { id: string }) => c.id === CATALOG);
      expect(summary).toMatchObject({ productCount: 7, madeElsewhere: 7 });
      const removed = await control('DELETE', `/catalogs/${CATALOG}/items`, { retailerIds: ['CM-PET-BASIC', 'HP-AUTO-STD', 'NOPE'] });
      expect(await removed.json()).toEqual({ removed: 2 });
      expect((await get(CATALOG, { fields: 'product_count' })).body.product_count).toBe(5);
    });

    it('refuses items without a title, with a bad price, or for an unknown catalog (400, nothing added)', async () => {
      for (const [path, body] of [
        [`/catalogs/${CATALOG}/items`, { items: [{ id: 'X-1' }] }],
        [`/catalogs/${CATALOG}/items`, { items: [{ id: 'X-2', title: 'Ok', price: '12 dollars' }] }],
        [`/catalogs/${CATALOG}/items`, { items: [{ id: 'HP-AUTO-STD', title: 'Duplicate' }] }],
        ['/catalogs/999/items', { items: [{ id: 'X-3', title: 'Ok' }] }],
        [`/catalogs/${CATALOG}/items`, { items: 'nope' }],
      ] as const) {
        const res = await control('POST', path, body);
        expect(res.status).toBe(400);
        expect(((await res.json()) as any).error.message).toEqual(expect.any(String));
      }
      expect((await get(CATALOG, { fields: 'product_count' })).body.product_count).toBe(6);
    });
  });
});
