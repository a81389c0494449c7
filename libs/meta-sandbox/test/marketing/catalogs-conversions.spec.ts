import { DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { ALL_SCOPES, loginAs } from '../support/login';
import { CLOCK_START } from './marketing-fixtures';

const CATALOG = '1890400000000101';
const DATASET = '1530770000000101';

describe('Marketing API: catalogs and the Conversions API', () => {
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

  describe('catalogs', () => {
    it('lists the business’s catalogs and creates one', async () => {
      const created = await post(`${DEMO_IDS.businessId}/owned_product_catalogs`, { name: 'Policies 2027', vertical: 'generic' });
      expect(created.body.id).toMatch(/^\d+$/);
      const list = await get(`${DEMO_IDS.businessId}/owned_product_catalogs`, { fields: 'id,name,vertical,product_count' });
      expect(list.body.data).toEqual([
        { id: CATALOG, name: 'Harbor Point – Policies', vertical: 'generic', product_count: 4 },
        { id: created.body.id, name: 'Policies 2027', vertical: 'generic', product_count: 0 },
      ]);
    });

    it('refuses an unknown vertical', async () => {
      expect((await post(`${DEMO_IDS.businessId}/owned_product_catalogs`, { name: 'X', vertical: 'spaceships' })).body.error.code).toBe(100);
    });

    it('needs catalog_management', async () => {
      const other = await loginAs(sandbox);
      expect((await graph(sandbox, 'GET', `${CATALOG}/products`, { token: other })).body.error.code).toBe(200);
    });

    it('creates, reads, updates and deletes a product with /products parameter names', async () => {
      const created = await post(`${CATALOG}/products`, {
        retailer_id: 'SKU-1', name: 'Auto policy', price: '1999', currency: 'USD', availability: 'in stock', condition: 'new',
        url: 'https://harborpoint-insurance.example/auto', image_url: 'https://harborpoint-insurance.example/auto.jpg', brand: 'Harbor Point',
      });
      const id = created.body.id;
      expect((await get(id, { fields: 'retailer_id,name,price,currency' })).body).toEqual({ id, retailer_id: 'SKU-1', name: 'Auto policy', price: '$19.99', currency: 'USD' });
      expect((await post(id, { availability: 'out of stock' })).body).toEqual({ success: true });
      expect((await get(id, { fields: 'availability' })).body.availability).toBe('out of stock');
      expect((await graph(sandbox, 'DELETE', id, { token })).body).toEqual({ success: true });
      expect((await get(id)).body.error.error_subcode).toBe(33);
    });

    it('refuses a product with a bad availability', async () => {
      const res = await post(`${CATALOG}/products`, { retailer_id: 'SKU-2', name: 'X', price: '100', currency: 'USD', availability: 'maybe' });
      expect(res.body.error.code).toBe(100);
    });

    it('runs items_batch over the clock: handles, per-item validation, status, then the changes apply', async () => {
      const requests = [
        { method: 'CREATE', data: { id: 'SKU-9', title: 'Pet insurance', description: 'Cats and dogs', availability: 'in stock', condition: 'new', price: '12.50 USD', link: 'https://harborpoint-insurance.example/pet', image_link: 'https://harborpoint-insurance.example/pet.jpg', brand: 'Harbor Point' } },
        { method: 'UPDATE', data: { id: 'HP-AUTO-STD', availability: 'out of stock' } },
        { method: 'DELETE', data: { id: 'HP-HEALTH-SILVER' } },
        { method: 'CREATE', data: { id: 'SKU-BAD', title: 'No price' } },
      ];
      const sent = await post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: JSON.stringify(requests) });
      expect(sent.body.handles).toHaveLength(1);
      expect(sent.body.validation_status).toEqual([expect.objectContaining({ retailer_id: 'SKU-BAD', errors: expect.arrayContaining([{ message: 'Missing required field: price' }]) })]);
      const handle = sent.body.handles[0];
      const status = () => get(`${CATALOG}/check_batch_request_status`, { handle, load_ids_of_invalid_requests: 'true' }).then((r) => r.body.data[0]);
      expect((await status()).status).toBe('started');
      sandbox.control.advanceClock(10_000);
      expect(await status()).toMatchObject({ handle, status: 'finished', errors_total_count: expect.any(Number), ids_of_invalid_requests: ['SKU-BAD'] });
      const products = await get(`${CATALOG}/products`, { fields: 'retailer_id,availability,price', limit: '50' });
      const byRetailer = Object.fromEntries(products.body.data.map((p: { retailer_id: string }) => [p.retailer_id, p]));
      expect(byRetailer['SKU-9']).toMatchObject({ price: '$12.50' });
      expect(byRetailer['HP-AUTO-STD'].availability).toBe('out of stock');
      expect(byRetailer['HP-HEALTH-SILVER']).toBeUndefined();
    });

    it('refuses an items_batch without a request array or with an unknown item_type', async () => {
      expect((await post(`${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: '{}' })).body.error.code).toBe(100);
      expect((await post(`${CATALOG}/items_batch`, { item_type: 'SPACESHIP', requests: '[]' })).body.error.code).toBe(100);
    });
  });

  describe('Conversions API', () => {
    const crmEvent = (extra: Record<string, unknown> = {}) => ({
      event_name: 'Qualified Lead',
      event_time: Math.floor(Date.parse(CLOCK_START) / 1000) - 3600,
      action_source: 'system_generated',
      user_data: { lead_id: '1140000000007919' },
      custom_data: { event_source: 'crm', lead_event_source: 'LEGEAI' },
      ...extra,
    });
    const send = (events: unknown[]) => post(`${DATASET}/events`, { data: JSON.stringify(events) });

    it('accepts CRM events, answers events_received and fbtrace_id, and records them for the control surface', async () => {
      const res = await send([crmEvent(), crmEvent({ event_name: 'Converted' })]);
      expect(res.body).toEqual({ events_received: 2, messages: [], fbtrace_id: expect.any(String) });
      const recorded = (await (await fetch(`${sandbox.url}/__sandbox/capi/events?datasetId=${DATASET}`)).json()) as { data: { event: { event_name: string } }[] };
      expect(recorded.data.map((entry: { event: { event_name: string } }) => entry.event.event_name)).toEqual(['Qualified Lead', 'Converted']);
    });

    it('refuses events older than 7 days', async () => {
      const res = await send([crmEvent({ event_time: Math.floor(Date.parse(CLOCK_START) / 1000) - 8 * 86_400 })]);
      expect(res.body.error).toMatchObject({ code: 100, error_user_title: 'Event Timestamp Too Old' });
    });

    it('refuses an unknown action_source', async () => {
      expect((await send([crmEvent({ action_source: 'crm' })])).body.error.error_user_title).toBe('Invalid action source');
    });

    it('refuses events without customer information', async () => {
      expect((await send([crmEvent({ user_data: {} })])).body.error.error_user_title).toBe('Missing customer information');
    });

    it('refuses unhashed emails', async () => {
      expect((await send([crmEvent({ user_data: { em: ['dana@example.com'] } })])).body.error.error_user_title).toBe('Unhashed customer information');
    });

    it('refuses CRM events without lead_event_source', async () => {
      expect((await send([crmEvent({ custom_data: { event_source: 'crm' } })])).body.error.error_user_title).toBe('Missing lead event source');
    });

    it('accepts nothing when one event of the batch is invalid', async () => {
      await send([crmEvent(), crmEvent({ event_name: '' })]);
      const recorded = (await (await fetch(`${sandbox.url}/__sandbox/capi/events`)).json()) as { data: { event: { event_name: string } }[] };
      expect(recorded.data).toEqual([]);
    });

    it('refuses a missing data parameter', async () => {
      expect((await post(`${DATASET}/events`, {})).body.error.code).toBe(100);
    });
  });
});
