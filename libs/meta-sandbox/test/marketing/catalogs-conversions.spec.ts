import { RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { ALL_SCOPES, loginAs } from '../support/login';
import { CLOCK_START } from './marketing-fixtures';

const DATASET = '1530770000000101';

describe('Marketing API: the Conversions API', () => {
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

  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });

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
