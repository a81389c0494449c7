import { LeadSyncState } from '@legeai/contracts';
import { LeadSyncTimeline } from '../../src/modules/meta-leads/sync/lead-sync-timeline';
import type { LeadgenJobData } from '../../src/modules/meta-leads/meta-leads.jobs';
import { insertConnectedPages } from '../utils/connected-pages';
import { createTestApp, TestApp } from '../utils/create-test-app';

/**
 * Jobs that start in the same turn of the event loop are started by one statement (LeadSyncTimeline.begin). Each
 * job must still get exactly its own organisations' rows, whatever else starts with it.
 */
describe('Lead sync start of jobs starting together (e2e)', () => {
  let t: TestApp;
  let timeline: LeadSyncTimeline;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLE: 'api' } });
    timeline = t.app.get(LeadSyncTimeline);
    orgA = await insertConnectedPages(t.dataSource, 'Start Agency A', ['7001', '7002']);
    // A Page is active in one organisation at a time; B keeps a row of a past connection, which still gets its row.
    orgB = await insertConnectedPages(t.dataSource, 'Start Agency B', ['7002'], { active: false });
  });
  afterAll(() => t.close());

  const job = (pageId: string, leadgenId: string, replay?: number): LeadgenJobData => ({
    leadgenId,
    pageId,
    formId: '555000',
    adId: null,
    adgroupId: null,
    createdTime: null,
    inboxId: '',
    receivedAt: new Date().toISOString(),
    ...(replay ? { replay } : {}),
  });

  const attemptsOf = async (leadgenId: string) =>
    (
      (await t.dataSource.query(
        `SELECT organisation_id, attempts, state FROM meta_lead_syncs WHERE leadgen_id = $1 ORDER BY organisation_id`,
        [leadgenId],
      )) as { organisation_id: string; attempts: number; state: string }[]
    ).map((r) => [r.organisation_id, r.attempts, r.state]);

  it("gives each job its own organisations' rows: one Page of one organisation, one of two, an unknown Page, and the same lead twice", async () => {
    const started = await Promise.all([
      timeline.begin(job('7001', '81001')),
      timeline.begin(job('7002', '81002')),
      timeline.begin(job('7999', '81003')),
      timeline.begin(job('7001', '81004')),
      // A replay of a lead racing its webhook job: both start, the row counts two attempts.
      timeline.begin(job('7001', '81004', 1)),
    ]);
    const orgsOf = (i: number) => started[i].map((s) => s.connection.organisationId);
    expect(orgsOf(0)).toEqual([orgA]);
    expect(orgsOf(1)).toEqual([orgA, orgB].sort());
    expect(orgsOf(2)).toEqual([]);
    expect(orgsOf(3)).toEqual([orgA]);
    expect(orgsOf(4)).toEqual([orgA]);
    expect(started[3][0].start.id).toBe(started[4][0].start.id);
    expect(started.flat().every((s) => s.start.state === LeadSyncState.Pending)).toBe(true);

    expect(await attemptsOf('81001')).toEqual([[orgA, 1, 'pending']]);
    expect(await attemptsOf('81002')).toEqual([orgA, orgB].sort().map((org) => [org, 1, 'pending']));
    expect(await attemptsOf('81003')).toEqual([]);
    expect(await attemptsOf('81004')).toEqual([[orgA, 2, 'pending']]);
  });

  it('keeps a finished lead finished: a webhook redelivery counts no attempt, a replay does', async () => {
    await timeline.begin(job('7001', '81005'));
    await t.dataSource.query(`UPDATE meta_lead_syncs SET state = 'stored' WHERE leadgen_id = '81005'`);
    const [redelivered, replayed, other] = await Promise.all([
      timeline.begin(job('7001', '81005')),
      timeline.begin(job('7001', '81005', 1)),
      timeline.begin(job('7001', '81006')),
    ]);
    expect(redelivered[0].start.state).toBe(LeadSyncState.Stored);
    expect(replayed[0].start.state).toBe(LeadSyncState.Stored);
    expect(other[0].start.state).toBe(LeadSyncState.Pending);
    expect(await attemptsOf('81005')).toEqual([[orgA, 2, 'stored']]);
  });
});
