import { DEMO_CATALOG_ID, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { ALL_SCOPES, loginAs } from '../support/login';
import { CLOCK_START } from './marketing-fixtures';

const CATALOG = DEMO_CATALOG_ID;
const SITE = 'https://harborpoint-insurance.example';

/** A complete CREATE in feed field names. */
const policy = (id: string, extra: Record<string, unknown> = {}) => ({
  method: 'CREATE',
  data: {
    id,
    title: `Policy ${id}`,
    description: 'Coverage for the whole family, billed monthly.',
    availability: 'in stock',
    condition: 'new',
    price: '1234.50 USD',
    link: `${SITE}/policies/${id}`,
    image_link: `${SITE}/img/${id}.jpg`,
    brand: 'Harbor Point',
    custom_label_0: 'life',
    ...extra,
  },
});

describe('Marketing API: items_batch and check_batch_request_status', () => {
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
  const send = (requests: unknown[], extra: Record<string, string> = {}) =>
    post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: JSON.stringify(requests), ...extra });
  const status = (handle: string) =>
    get(`${CATALOG}/check_batch_request_status`, { handle, load_ids_of_invalid_requests: 'true' }).then((r) => r.body.data[0]);
  const retailerIds = async () =>
    (await get(`${CATALOG}/products`, { fields: 'retailer_id', limit: '500' })).body.data.map(
      (p: { retailer_id: string }) => p.retailer_id,
    );
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers a handle, then the handle goes started → in_progress → finished over sandbox time, and only then applies', async () => {
    const sent = await send([
      policy('SKU-9'),
      { method: 'UPDATE', data: { id: 'HP-AUTO-STD', availability: 'out of stock' } },
      { method: 'DELETE', data: { id: 'HP-HEALTH-SILVER' } },
    ]);
    expect(sent.body).toEqual({ handles: [expect.stringMatching(/^A[\w-]{31}$/)], validation_status: [] });
    const handle = sent.body.handles[0];
    expect(await status(handle)).toMatchObject({ handle, status: 'started', errors_total_count: 0 });
    sandbox.control.advanceClock(2_000);
    expect((await status(handle)).status).toBe('in_progress');
    expect(await retailerIds()).not.toContain('SKU-9');
    sandbox.control.advanceClock(4_000);
    expect(await status(handle)).toEqual({
      handle,
      status: 'finished',
      errors_total_count: 0,
      errors: [],
      warnings_total_count: 0,
      warnings: [],
      ids_of_invalid_requests: [],
    });
    const products = (await get(`${CATALOG}/products`, { fields: 'retailer_id,availability,price,custom_label_0', limit: '50' })).body.data;
    const byRetailer = Object.fromEntries(products.map((p: { retailer_id: string }) => [p.retailer_id, p]));
    expect(byRetailer['SKU-9']).toMatchObject({ price: '$1,234.50', custom_label_0: 'life' });
    expect(byRetailer['HP-AUTO-STD'].availability).toBe('out of stock');
    expect(byRetailer['HP-HEALTH-SILVER']).toBeUndefined();
  });

  it('refuses invalid items one by one (line, retailer id, message) and applies the valid ones of the same batch', async () => {
    const sent = await send([
      policy('OK-1'),
      policy('NO-IMAGE', { image_link: undefined }),
      policy('BAD-PRICE', { price: '1234,50 USD' }),
      policy('REL-LINK', { link: '/policies/rel-link' }),
      policy('NO-TITLE', { title: '' }),
      policy('LONG-DESC', { description: 'x'.repeat(10_000) }),
      policy('BAD-AVAIL', { availability: 'sometimes' }),
      policy('LONG-LABEL', { custom_label_1: 'y'.repeat(101) }),
      policy('NUM-PRICE', { price: 12 }),
      { method: 'UPSERT', data: { id: 'BAD-METHOD' } },
      { method: 'CREATE', data: { title: 'No id' } },
    ]);
    const byId = Object.fromEntries(
      sent.body.validation_status.map((entry: { retailer_id?: string; errors: { message: string }[] }) => [
        entry.retailer_id ?? '(none)',
        entry.errors.map((e) => e.message),
      ]),
    );
    expect(byId).toEqual({
      'NO-IMAGE': ['Missing required field: image_link'],
      'BAD-PRICE': [expect.stringMatching(/^Invalid price "1234,50 USD"/)],
      'REL-LINK': [expect.stringMatching(/^Invalid URL in link/)],
      'NO-TITLE': ['Missing required field: title'],
      'LONG-DESC': ['Invalid description: 10000 characters, at most 9999'],
      'BAD-AVAIL': [expect.stringMatching(/^Invalid availability "sometimes"/)],
      'LONG-LABEL': ['Invalid custom_label_1: at most 100 characters'],
      'NUM-PRICE': ['Invalid value for price: must be a string'],
      'BAD-METHOD': [expect.stringMatching(/^Invalid method "UPSERT"/)],
      '(none)': ['Missing required field: id'],
    });
    sandbox.control.advanceClock(10_000);
    const done = await status(sent.body.handles[0]);
    expect(done.status).toBe('finished');
    expect(done.errors_total_count).toBe(10);
    expect(done.errors).toContainEqual({ line: 1, id: 'NO-IMAGE', message: 'Missing required field: image_link' });
    expect(done.ids_of_invalid_requests).toEqual([
      'NO-IMAGE',
      'BAD-PRICE',
      'REL-LINK',
      'NO-TITLE',
      'LONG-DESC',
      'BAD-AVAIL',
      'LONG-LABEL',
      'NUM-PRICE',
      'BAD-METHOD',
    ]);
    const ids = await retailerIds();
    expect(ids).toContain('OK-1');
    expect(ids.filter((id: string) => !id.startsWith('HP-'))).toEqual(['OK-1']);
  });

  it('answers no handle when every request was refused on arrival (nothing ingested)', async () => {
    const sent = await send([policy('ONLY-BAD', { price: 'free' })]);
    expect(sent.body).toEqual({
      handles: [],
      validation_status: [{ retailer_id: 'ONLY-BAD', errors: [{ message: expect.stringMatching(/^Invalid price/) }], warnings: [] }],
    });
    expect(sandbox.control.catalogs.batches(CATALOG)).toEqual([]);
  });

  it('accepts items with warnings (a shouting title, a zero price) and reports them', async () => {
    const sent = await send([policy('LOUD', { title: 'BEST LIFE INSURANCE EVER' }), policy('FREE', { price: '0.00 USD' })]);
    expect(sent.body.validation_status).toEqual([
      { retailer_id: 'LOUD', errors: [], warnings: [{ message: expect.stringMatching(/capital letters/) }] },
      { retailer_id: 'FREE', errors: [], warnings: [{ message: expect.stringMatching(/^Price is zero/) }] },
    ]);
    sandbox.control.advanceClock(10_000);
    expect(await status(sent.body.handles[0])).toMatchObject({ status: 'finished', errors_total_count: 0, warnings_total_count: 2 });
    expect(await retailerIds()).toEqual(expect.arrayContaining(['LOUD', 'FREE']));
  });

  it('refuses UPDATE of an unknown retailer id when allow_upsert is false, creates it otherwise; DELETE of an unknown one warns', async () => {
    const strict = await send(
      [
        { method: 'UPDATE', data: { id: 'GHOST-1', availability: 'in stock' } },
        { method: 'DELETE', data: { id: 'GHOST-2' } },
      ],
      { allow_upsert: 'false' },
    );
    const upsert = await send([{ method: 'UPDATE', data: policy('NEW-1').data }]);
    sandbox.control.advanceClock(10_000);
    expect(await status(strict.body.handles[0])).toMatchObject({
      status: 'finished',
      errors: [{ line: 0, id: 'GHOST-1', message: 'No item with id GHOST-1 to update (allow_upsert is false)' }],
      warnings: [{ line: 1, id: 'GHOST-2', message: 'No item with id GHOST-2 to delete' }],
    });
    expect((await status(upsert.body.handles[0])).errors_total_count).toBe(0);
    const ids = await retailerIds();
    expect(ids).toContain('NEW-1');
    expect(ids).not.toContain('GHOST-1');
  });

  it('refuses a call with more than 5,000 requests, without requests, or with another item_type (nothing queued)', async () => {
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ method: 'DELETE', data: { id: `X-${i}` } }));
    const refused = await send(tooMany);
    expect(refused.body.error).toMatchObject({ code: 100, message: expect.stringContaining('at most 5000') });
    expect((await post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: '{}' })).body.error.code).toBe(100);
    expect((await post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: '[oops' })).body.error.code).toBe(100);
    expect((await post(`${CATALOG}/items_batch`, { item_type: 'HOTEL', requests: JSON.stringify([policy('H')]) })).body.error.code).toBe(
      100,
    );
    expect((await post(`${CATALOG}/items_batch`, { item_type: 'SPACESHIP', requests: '[]' })).body.error.code).toBe(100);
    expect(((await (await control('GET', `/catalogs/batches?catalogId=${CATALOG}`)).json()) as any).data).toEqual([]);
    expect((await send(tooMany.slice(0, 5000))).body.handles).toHaveLength(1);
  });

  it('answers 100 for a handle of another catalog or no handle', async () => {
    expect((await get(`${CATALOG}/check_batch_request_status`, { handle: 'Anope' })).body.error.code).toBe(100);
    expect((await get(`${CATALOG}/check_batch_request_status`)).body.error.code).toBe(100);
  });

  it('leaves the items it was not sent alone: items made elsewhere survive a sync of other retailer ids', async () => {
    const before = await retailerIds();
    await send([policy('OURS-1'), policy('OURS-2')]);
    sandbox.control.advanceClock(10_000);
    expect(await retailerIds()).toEqual([...before, 'OURS-1', 'OURS-2']);
  });

  it('takes 12,000 products in three calls and counts them all', async () => {
    for (let start = 0; start < 12_000; start += 4_000) {
      const requests = Array.from({ length: 4_000 }, (_, i) => policy(`BULK-${start + i}`));
      const sent = await send(requests);
      expect(sent.body.validation_status).toEqual([]);
    }
    sandbox.control.advanceClock(10_000);
    expect((await get(CATALOG, { fields: 'product_count' })).body.product_count).toBe(12_006);
    const one = await get(`${CATALOG}/products`, {
      fields: 'retailer_id,price',
      filter: JSON.stringify({ retailer_id: { eq: 'BULK-11999' } }),
    });
    expect(one.body.data).toEqual([{ id: expect.any(String), retailer_id: 'BULK-11999', price: '$1,234.50' }]);
    // The call log keeps a bounded excerpt of each huge `requests` parameter.
    const logged = sandbox.control.calls({ path: 'items_batch' });
    expect(logged).toHaveLength(3);
    expect(logged[0].params['requests'].length).toBeLessThan(2_100);
    expect(logged[0].params['requests']).toMatch(/… \[\d+ characters\]$/);
  });

  describe('control surface', () => {
    it('counts items_batch calls and status polls per catalog, and the call log counts by path', async () => {
      const sent = await send([policy('C-1'), policy('C-2')]);
      await status(sent.body.handles[0]);
      await status(sent.body.handles[0]);
      const summary = ((await (await control('GET', '/catalogs')).json()) as any).data.find((c: { id: string }) => c.id === CATALOG);
      expect(summary.counters).toEqual({ itemsBatchCalls: 1, itemsBatchRequests: 2, statusPolls: 2, productReads: 0 });
      expect(await (await control('GET', '/calls?path=check_batch_request_status&count=true')).json()).toEqual({ count: 2 });
      expect(await (await control('GET', '/calls?path=items_batch&method=POST&count=true')).json()).toEqual({ count: 1 });
      await control('DELETE', '/catalogs/counters');
      expect(sandbox.control.catalogs.counters(CATALOG)).toEqual({
        itemsBatchCalls: 0,
        itemsBatchRequests: 0,
        statusPolls: 0,
        productReads: 0,
      });
    });

    it('makes handles slow: a batch stays in_progress until its configured duration has passed', async () => {
      const settings = await control('PUT', '/catalogs/batches', { startedSeconds: 5, durationSeconds: 120 });
      expect(await settings.json()).toEqual({ startedSeconds: 5, durationSeconds: 120, failNext: 0 });
      const handle = (await send([policy('SLOW-1')])).body.handles[0];
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        seen.push((await status(handle)).status);
        sandbox.control.advanceClock(30_000);
      }
      expect(seen).toEqual(['started', 'in_progress', 'in_progress', 'in_progress', 'finished']);
      expect(await retailerIds()).toContain('SLOW-1');
    });

    it('fails the next batch as a whole: status error, nothing applied, the next batch works', async () => {
      await control('PUT', '/catalogs/batches', { failNext: 1 });
      const failed = (await send([policy('FAIL-1')])).body.handles[0];
      const fine = (await send([policy('FINE-1')])).body.handles[0];
      sandbox.control.advanceClock(10_000);
      expect(await status(failed)).toMatchObject({
        status: 'error',
        errors_total_count: 1,
        errors: [{ message: expect.stringMatching(/retry/i) }],
      });
      expect((await status(fine)).status).toBe('finished');
      const ids = await retailerIds();
      expect(ids).toContain('FINE-1');
      expect(ids).not.toContain('FAIL-1');
    });

    it('ends one batch now, with finished or error', async () => {
      await control('PUT', '/catalogs/batches', { durationSeconds: 3600 });
      const a = (await send([policy('END-A')])).body.handles[0];
      const b = (await send([policy('END-B')])).body.handles[0];
      expect((await control('POST', `/catalogs/batches/${a}`, { outcome: 'finished' })).status).toBe(200);
      expect((await control('POST', `/catalogs/batches/${b}`, { outcome: 'error', message: 'Catalog is being migrated' })).status).toBe(
        200,
      );
      expect((await status(a)).status).toBe('finished');
      expect(await status(b)).toMatchObject({ status: 'error', errors: [{ message: 'Catalog is being migrated' }] });
      expect(await retailerIds()).toContain('END-A');
      expect((await control('POST', `/catalogs/batches/${a}`, { outcome: 'error' })).status).toBe(400);
    });

    it('injects an item-level error for a retailer id: that request fails when applied, the rest of the batch applies', async () => {
      const planted = await control('POST', '/catalogs/item-errors', {
        retailerId: 'HP-LIFE-TERM20',
        message: 'Image could not be downloaded',
        times: 1,
      });
      expect(planted.status).toBe(201);
      const first = (
        await send([{ method: 'UPDATE', data: { id: 'HP-LIFE-TERM20', title: 'Term life – 20 years (new)' } }, policy('ITEM-OK')])
      ).body.handles[0];
      sandbox.control.advanceClock(10_000);
      expect(await status(first)).toMatchObject({
        errors: [{ line: 0, id: 'HP-LIFE-TERM20', message: 'Image could not be downloaded' }],
        ids_of_invalid_requests: ['HP-LIFE-TERM20'],
      });
      expect(await retailerIds()).toContain('ITEM-OK');
      const second = (await send([{ method: 'UPDATE', data: { id: 'HP-LIFE-TERM20', title: 'Term life – 20 years (new)' } }])).body
        .handles[0];
      sandbox.control.advanceClock(10_000);
      expect((await status(second)).errors_total_count).toBe(0);
    });

    it('refuses bad control input with 400', async () => {
      expect((await control('PUT', '/catalogs/batches', { durationSeconds: -1 })).status).toBe(400);
      expect((await control('PUT', '/catalogs/batches', { failNext: 1.5 })).status).toBe(400);
      expect((await control('PUT', '/catalogs/batches', { durationSeconds: 'soon' })).status).toBe(400);
      expect((await control('POST', '/catalogs/batches/Anope', { outcome: 'finished' })).status).toBe(400);
      expect((await control('POST', '/catalogs/item-errors', {})).status).toBe(400);
      expect((await control('POST', '/catalogs/item-errors', { retailerId: 'X', catalogId: '42' })).status).toBe(400);
    });
  });
});
