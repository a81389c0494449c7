import { createHash } from 'node:crypto';
import { DEMO_DATASET_ID, DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { appsecretProof, graph } from '../support/graph';
import { ALL_SCOPES, loginAs } from '../support/login';
import { ACT, CLOCK_START, longLived } from './marketing-fixtures';

const DATASET = DEMO_DATASET_ID;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('Conversions API for CRM', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clockStart: CLOCK_START });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox, [...ALL_SCOPES]);
  });

  const nowS = () => Math.floor(Date.parse(sandbox.control.now().replace('+0000', 'Z')) / 1000);
  const crmEvent = (extra: Record<string, unknown> = {}) => ({
    event_name: 'Qualified Lead',
    event_time: nowS() - 3600,
    action_source: 'system_generated',
    user_data: { lead_id: '1140000000007919' },
    custom_data: { event_source: 'crm', lead_event_source: 'LEGEAI' },
    ...extra,
  });
  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });
  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });
  const send = (events: unknown[], extra: Record<string, string> = {}) =>
    post(`${DATASET}/events`, { data: JSON.stringify(events), ...extra });
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const recorded = async (query = `datasetId=${DATASET}`) => ((await (await control('GET', `/capi/events?${query}`)).json()) as any).data;
  const refusal = async (events: unknown[]) => (await send(events)).body.error;

  describe('datasets', () => {
    it('lists the ad account’s and the business’s datasets, creates one from an ad account and reads it', async () => {
      const created = await post(`${ACT}/adspixels`, { name: 'LEGEAI CRM events' });
      expect(created.body.id).toMatch(/^\d+$/);
      const ofAccount = await get(`${ACT}/adspixels`, { fields: 'id,name' });
      expect(ofAccount.body.data).toEqual([
        { id: DATASET, name: 'Harbor Point CRM' },
        { id: created.body.id, name: 'LEGEAI CRM events' },
      ]);
      const ofBusiness = await get(`${DEMO_IDS.businessId}/owned_pixels`, { fields: 'id' });
      expect(ofBusiness.body.data.map((d: { id: string }) => d.id)).toEqual([DATASET, created.body.id]);
      const read = await get(created.body.id, { fields: 'name,creation_time,owner_ad_account,is_created_by_business,owner_business' });
      expect(read.body).toMatchObject({
        name: 'LEGEAI CRM events',
        creation_time: expect.stringMatching(/\+0000$/),
        owner_ad_account: { id: ACT },
        is_created_by_business: false,
        owner_business: { id: DEMO_IDS.businessId },
      });
      const other = `act_${DEMO_IDS.adAccounts.lifeHealth}`;
      expect((await get(`${other}/adspixels`)).body.data.map((d: { id: string }) => d.id)).toEqual([DATASET]);
    });

    it('refuses a dataset without a name, and creating one needs ads_management', async () => {
      expect((await post(`${ACT}/adspixels`, {})).body.error.code).toBe(100);
      const readOnly = await loginAs(sandbox, ['ads_read', 'business_management']);
      expect((await graph(sandbox, 'POST', `${ACT}/adspixels`, { token: readOnly, params: { name: 'x' } })).body.error.code).toBe(200);
    });

    it('sets last_fired_time from live events only', async () => {
      expect((await get(DATASET, { fields: 'last_fired_time' })).body.last_fired_time).toBeUndefined();
      await send([crmEvent()], { test_event_code: 'TEST123' });
      expect((await get(DATASET, { fields: 'last_fired_time' })).body.last_fired_time).toBeUndefined();
      await send([crmEvent()]);
      expect((await get(DATASET, { fields: 'last_fired_time' })).body.last_fired_time).toBe(sandbox.control.now());
    });
  });

  describe('events', () => {
    it('accepts CRM events, answers events_received, no messages and fbtrace_id, and records them', async () => {
      const res = await send([crmEvent(), crmEvent({ event_name: 'Converted' })], { partner_agent: 'legeai-meta-connect' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ events_received: 2, messages: [], fbtrace_id: expect.any(String) });
      const events = await recorded();
      expect(events.map((entry: { event: { event_name: string } }) => entry.event.event_name)).toEqual(['Qualified Lead', 'Converted']);
      expect(events[0]).toMatchObject({
        datasetId: DATASET,
        partnerAgent: 'legeai-meta-connect',
        deduplicated: false,
        fbtraceId: res.body.fbtrace_id,
      });
    });

    it('accepts a JSON body, hashed email and phone, and a lead id sent as a JSON number too large for a double', async () => {
      const bigLeadId = '98765432109876543';
      const body = `{"data":[{"event_name":"Lead","event_time":${nowS()},"action_source":"system_generated","user_data":{"lead_id":${bigLeadId},"em":["${sha256('dana@example.com')}"],"ph":"${sha256('15551234567')}"},"custom_data":{"event_source":"crm","lead_event_source":"LEGEAI"}}],"access_token":"${token}","appsecret_proof":"${appsecretProof(sandbox.appSecret, token)}"}`;
      const res = await fetch(`${sandbox.url}/v25.0/${DATASET}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(await res.json()).toMatchObject({ events_received: 1 });
      expect((await recorded())[0].event.user_data.lead_id).toBe(bigLeadId);
    });

    it('matches events to the leads it knows and marks the ones dated before their lead as discarded', async () => {
      const [lead] = sandbox.control.createLeads({ count: 1 });
      await send([
        crmEvent({ user_data: { lead_id: lead.id }, event_time: nowS() - 7200 }),
        crmEvent({ user_data: { lead_id: lead.id }, event_time: nowS() }),
      ]);
      const events = await recorded();
      expect(events.map((e: { matchedLeadId?: string; discarded?: string }) => [e.matchedLeadId, e.discarded])).toEqual([
        [lead.id, 'event_time is before the lead was created'],
        [lead.id, undefined],
      ]);
    });

    it('refuses events older than 7 days with subcode 2804003, and events in the future', async () => {
      expect(await refusal([crmEvent({ event_time: nowS() - 8 * 86_400 })])).toMatchObject({
        code: 100,
        error_subcode: 2804003,
        error_user_title: 'Event Timestamp Too Old',
        is_transient: false,
      });
      expect(await refusal([crmEvent({ event_time: nowS() + 3600 })])).toMatchObject({
        code: 100,
        error_user_title: 'Event Timestamp In The Future',
      });
      expect(await refusal([crmEvent({ event_time: 'yesterday' })])).toMatchObject({ code: 100, error_user_title: 'Invalid event time' });
      expect((await send([crmEvent({ event_time: nowS() - 6 * 86_400 })])).body.events_received).toBe(1);
    });

    it('refuses an unknown action_source, and CRM events that are not system_generated', async () => {
      expect((await refusal([crmEvent({ action_source: 'crm' })])).error_user_title).toBe('Invalid action source');
      expect(await refusal([crmEvent({ action_source: 'website' })])).toMatchObject({
        error_user_title: 'Invalid action source',
        error_user_msg: expect.stringContaining('system_generated'),
      });
    });

    it('refuses events without customer information with subcode 2804050', async () => {
      expect(await refusal([crmEvent({ user_data: {} })])).toMatchObject({
        code: 100,
        error_subcode: 2804050,
        error_user_title: 'Insufficient customer information',
      });
      expect((await refusal([crmEvent({ user_data: { em: [] } })])).error_subcode).toBe(2804050);
      const tooBroad = { event_name: 'Lead', event_time: nowS(), action_source: 'website', user_data: { country: sha256('us') } };
      expect(await refusal([tooBroad])).toMatchObject({ error_subcode: 2804050, error_user_msg: expect.stringContaining('too broad') });
      const byBrowser = { ...tooBroad, user_data: { client_ip_address: '203.0.113.7', client_user_agent: 'Mozilla/5.0' } };
      expect((await send([byBrowser])).body.events_received).toBe(1);
    });

    it('refuses plaintext or uppercase emails and phones, as Meta requires lowercase SHA-256', async () => {
      const crm = { event_source: 'crm', lead_event_source: 'LEGEAI' };
      expect(
        await refusal([crmEvent({ user_data: { lead_id: '1140000000007919', em: ['dana@example.com'] }, custom_data: crm })]),
      ).toMatchObject({
        error_user_title: 'Unhashed customer information',
        error_user_msg: expect.stringContaining('plain text'),
      });
      expect((await refusal([crmEvent({ user_data: { ph: '+1 555 123 4567' } })])).error_user_title).toBe('Unhashed customer information');
      expect((await refusal([crmEvent({ user_data: { em: sha256('dana@example.com').toUpperCase() } })])).error_user_title).toBe(
        'Invalid hashed customer information',
      );
    });

    it('refuses a lead_id that is hashed or not 15 to 17 digits', async () => {
      expect((await refusal([crmEvent({ user_data: { lead_id: sha256('1140000000007919') } })])).error_user_msg).toContain(
        'must not be hashed',
      );
      expect((await refusal([crmEvent({ user_data: { lead_id: '12345' } })])).error_user_title).toBe('Invalid lead ID');
    });

    it('refuses CRM events without event_source "crm" or without lead_event_source', async () => {
      expect((await refusal([crmEvent({ custom_data: { lead_event_source: 'LEGEAI' } })])).error_user_title).toBe('Missing event source');
      expect((await refusal([crmEvent({ custom_data: { event_source: 'crm' } })])).error_user_title).toBe('Missing lead event source');
    });

    it('rejects the whole request when one event is invalid, naming it, and keeps none of it', async () => {
      const error = await refusal([crmEvent(), crmEvent({ event_name: '' })]);
      expect(error).toMatchObject({
        code: 100,
        error_user_title: 'Missing event name',
        error_user_msg: expect.stringMatching(/^data\[1\]/),
      });
      expect(await recorded('')).toEqual([]);
    });

    it('takes up to 1,000 events in one request and refuses 1,001', async () => {
      const events = Array.from({ length: 1001 }, (_, i) => crmEvent({ event_id: `lead-${i}:qualified` }));
      expect((await send(events)).body.error).toMatchObject({ code: 100, message: expect.stringContaining('at most 1000') });
      expect((await send(events.slice(0, 1000))).body.events_received).toBe(1000);
    });

    it('refuses a missing or malformed data parameter', async () => {
      expect((await post(`${DATASET}/events`, {})).body.error.code).toBe(100);
      expect((await post(`${DATASET}/events`, { data: '[{' })).body.error.code).toBe(100);
      expect((await post(`${DATASET}/events`, { data: '[]' })).body.error.code).toBe(100);
      expect((await post(`${DATASET}/events`, { data: '[42]' })).body.error.error_user_title).toBe('Invalid event');
    });

    it('takes a burst of 10,000 stage changes as single-event requests and as 1,000-event requests without a rate-limit refusal', async () => {
      for (let i = 0; i < 400; i++) {
        const res = await send([crmEvent({ event_id: `single-${i}` })]);
        expect(res.status).toBe(200);
      }
      for (let batch = 0; batch < 10; batch++) {
        const events = Array.from({ length: 1000 }, (_, i) =>
          crmEvent({ event_id: `burst-${batch}-${i}`, user_data: { lead_id: String(1_140_000_000_000_000n + BigInt(batch * 1000 + i)) } }),
        );
        expect((await send(events)).body.events_received).toBe(1000);
      }
      const summary = ((await (await control('GET', '/capi/datasets')).json()) as any).data.find((d: { id: string }) => d.id === DATASET);
      expect(summary).toMatchObject({ received: 10_400, deduplicated: 0, testEvents: 0 });
    });
  });

  describe('deduplication', () => {
    it('deduplicates the same event_id and event_name within 48 hours; another stage of the same lead is not a duplicate', async () => {
      const longToken = await longLived(sandbox, token);
      const sendLong = (events: unknown[]) =>
        graph(sandbox, 'POST', `${DATASET}/events`, { token: longToken, params: { data: JSON.stringify(events) } });
      expect((await sendLong([crmEvent({ event_id: 'L1:qualified' })])).body.events_received).toBe(1);
      expect(
        (await sendLong([crmEvent({ event_id: 'L1:qualified' }), crmEvent({ event_id: 'L1:qualified', event_name: 'Converted' })])).body
          .events_received,
      ).toBe(2);
      sandbox.control.advanceClock(49 * 3_600_000);
      await sendLong([crmEvent({ event_id: 'L1:qualified' })]);
      const events = await recorded();
      expect(
        events.map((e: { seq: number; deduplicated: boolean; duplicateOfSeq?: number }) => [e.deduplicated, e.duplicateOfSeq]),
      ).toEqual([
        [false, undefined],
        [true, events[0].seq],
        [false, undefined],
        [false, undefined],
      ]);
      const summary = ((await (await control('GET', '/capi/datasets')).json()) as any).data.find((d: { id: string }) => d.id === DATASET);
      expect(summary).toMatchObject({ received: 4, deduplicated: 1 });
    });

    it('keeps test events apart: the Test events view shows them, live events and deduplication do not', async () => {
      await send([crmEvent({ event_id: 'L2:qualified' })], { test_event_code: 'TEST4242' });
      await send([crmEvent({ event_id: 'L2:qualified' })]);
      expect((await recorded()).map((e: { deduplicated: boolean; testEventCode?: string }) => [e.deduplicated, e.testEventCode])).toEqual([
        [false, undefined],
      ]);
      const tests = ((await (await control('GET', `/capi/test-events?datasetId=${DATASET}&testEventCode=TEST4242`)).json()) as any).data;
      expect(tests).toEqual([
        expect.objectContaining({ testEventCode: 'TEST4242', event: expect.objectContaining({ event_id: 'L2:qualified' }) }),
      ]);
      expect(sandbox.control.conversions.datasets().find((d) => d.id === DATASET)).toMatchObject({ received: 1, testEvents: 1 });
    });
  });

  describe('control surface', () => {
    it('fails the next sends with an error code, a number of times, then lets them through', async () => {
      const planted = await control('POST', '/capi/failures', { code: 2, times: 2 });
      expect(planted.status).toBe(201);
      for (let i = 0; i < 2; i++) expect((await send([crmEvent()])).body.error).toMatchObject({ code: 2, is_transient: true });
      expect((await send([crmEvent()])).body.events_received).toBe(1);
      expect(await recorded()).toHaveLength(1);
      expect(((await (await control('GET', '/capi/failures')).json()) as any).data).toEqual([
        expect.objectContaining({ code: 2, times: 2, fired: 2 }),
      ]);
    });

    it('fails a share of sends (rate) deterministically, for one dataset only, until cleared', async () => {
      const other = (await post(`${ACT}/adspixels`, { name: 'Other' })).body.id;
      sandbox.control.conversions.failSends({ code: 613, rate: 0.5, datasetId: DATASET });
      const outcomes: number[] = [];
      for (let i = 0; i < 20; i++) outcomes.push((await send([crmEvent()])).body.error?.code ?? 0);
      expect(outcomes.filter((code) => code === 613).length).toBeGreaterThan(3);
      expect(outcomes.filter((code) => code === 0).length).toBeGreaterThan(3);
      expect((await post(`${other}/events`, { data: JSON.stringify([crmEvent()]) })).body.events_received).toBe(1);
      await control('DELETE', '/capi/failures');
      expect((await send([crmEvent()])).body.events_received).toBe(1);
    });

    it('lists events by name and since a sequence number, and clears a dataset', async () => {
      await send([crmEvent(), crmEvent({ event_name: 'Converted' }), crmEvent({ event_name: 'Converted' })]);
      expect(await recorded(`datasetId=${DATASET}&eventName=Converted`)).toHaveLength(2);
      const [first] = await recorded();
      expect(await recorded(`datasetId=${DATASET}&since=${first.seq}&limit=1`)).toEqual([expect.objectContaining({ seq: first.seq + 2 })]);
      expect((await control('DELETE', `/capi/events?datasetId=${DATASET}`)).status).toBe(200);
      expect(await recorded()).toEqual([]);
    });

    it('refuses bad control input with 400', async () => {
      expect((await control('POST', '/capi/failures', { rate: 1 })).status).toBe(400);
      expect((await control('POST', '/capi/failures', { code: 2, rate: 2 })).status).toBe(400);
      expect((await control('POST', '/capi/failures', { code: 2, datasetId: '42' })).status).toBe(400);
      expect((await control('GET', '/capi/events?datasetId=42')).status).toBe(400);
      expect((await control('GET', '/capi/events?since=soon')).status).toBe(400);
      expect((await control('GET', '/capi/events?test=maybe')).status).toBe(400);
    });
  });
});
