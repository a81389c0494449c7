import { LeadStatus } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';
import { insertLead } from '../utils/lead-factory';

jest.setTimeout(180_000);

const CONCURRENT = 64;
const DATASET = '1530770000000101';

/**
 * Many people moving leads at once, with Conversions API sending on: each status change runs in one transaction on
 * one of the pool's 10 connections (its history, audit entry and outbox row inside it). A read on a second connection
 * while the transaction holds the first would let 10 changes hold every connection while each waits for another.
 */
describe('Lead status changes at once, with the Conversions API outbox (e2e)', () => {
  let t: TestApp;
  let manager: SignedInUser;
  let leadIds: string[];

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const signedIn = await signInAdminManagerViewer(t);
    manager = signedIn.manager;
    const org = manager.organisationId;
    await t.dataSource.query(
      `INSERT INTO meta_capi_settings (organisation_id, ad_account_id, dataset_id, enabled, event_names)
       VALUES ($1, 'act_111', $2, true, '{"new": "Lead", "qualified": "Qualified Lead"}')`,
      [org, DATASET],
    );
    leadIds = [];
    for (let i = 0; i < CONCURRENT; i++) {
      const lead = await insertLead(t.dataSource, org, { status: LeadStatus.New });
      await t.dataSource.query(
        `INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, legeai_lead_id, source, meta_created_time)
         VALUES ($1, $2, $3, 'webhook', now() - interval '1 hour')`,
        [org, String(115000000000000 + i), lead.id],
      );
      leadIds.push(lead.id);
    }
  });
  afterAll(() => t?.close());

  it(`${CONCURRENT} concurrent status changes all succeed on the default pool, each with its history and one outbox event`, async () => {
    const pool = (t.dataSource.driver as unknown as { master: { options: { max: number } } }).master;
    expect(pool.options.max).toBe(10);

    const statuses = await Promise.all(
      leadIds.map((id) =>
        t.http
          .patch(`/v1/leads/${id}/status`)
          .set(manager.auth)
          .send({ status: LeadStatus.Qualified })
          // A change stuck waiting for a second connection never answers: fail it well before the test's timeout.
          .timeout(60_000)
          .then(
            (res) => res.status,
            (error: Error) => error.message,
          ),
      ),
    );
    expect(statuses).toEqual(Array(CONCURRENT).fill(200));

    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM leads WHERE id = ANY($1) AND status = 'qualified') AS qualified,
              (SELECT count(*)::int FROM lead_status_changes WHERE lead_id = ANY($1) AND to_status = 'qualified') AS history,
              (SELECT count(*)::int FROM meta_capi_events WHERE lead_id = ANY($1) AND lead_status = 'qualified') AS events`,
      [leadIds],
    );
    expect(counts).toEqual({ qualified: CONCURRENT, history: CONCURRENT, events: CONCURRENT });
  });
});
