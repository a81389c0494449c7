/**
 * Fault: Meta fails every lead read (transient code 2, as in an outage). A lead's reads are capped across the client
 * and the job's attempts, and when the failures pile up the connection's Graph calls are paused (circuit breaker):
 * its lead jobs wait without spending attempts, the connection status shows the pause, one probe at a time checks
 * whether Meta is back, and once it is every lead is stored exactly once. Two workers share the breaker through the
 * database. Runs the built server: `npm run build:libs && npm run build:backend`.
 */
import { LEADGEN_JOB_OPTIONS } from '../../src/modules/meta-webhook/jobs/leadgen-job';
import { FaultTopology, waitFor } from '../utils/fault-topology';

jest.setTimeout(180_000);

/** Every lead read fails with code 2 ("Service temporarily unavailable", transient); other calls are untouched. */
const LEAD_READS_FAIL = { errors: [{ code: 2, rate: 1, method: 'GET' }] };

interface TimelineRow {
  leadgen_id: string;
  state: string;
  error_kind: string | null;
  error_message: string | null;
  hint: string | null;
  attempts: number;
}

describe('Fault: a Graph outage', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({
      workers: 2,
      env: {
        // Small timings so an outage, its probes and the recovery fit in a test.
        META_BREAKER_THRESHOLD: '10',
        META_BREAKER_FIRST_WAIT_MS: '1500',
        META_BREAKER_MAX_WAIT_MS: '4000',
        META_BREAKER_REFRESH_MS: '250',
      },
    });
  });
  afterEach(() => top?.sandbox.control.clearFaults());
  afterAll(async () => {
    await top?.close();
  });

  const timeline = (ids: string[]): Promise<TimelineRow[]> =>
    top!.db.query(`SELECT leadgen_id, state, error_kind, error_message, hint, attempts FROM meta_lead_syncs WHERE organisation_id = $1 AND leadgen_id = ANY($2)`, [
      top!.organisationId,
      ids,
    ]);

  /** Graph reads of these leads the sandbox served, batch operations included (each operation is one entry). */
  const leadReads = (ids: string[], sinceSeq: number): number => {
    const wanted = new Set(ids.map((id) => `/${id}`));
    return top!.sandbox.control.calls({ sinceSeq }).filter((call) => call.method === 'GET' && wanted.has(call.path)).length;
  };
  const lastSeq = (): number => top!.sandbox.control.calls({ limit: 1 })[0]?.seq ?? 0;

  /** Runs the queue's retries now instead of after their backoff: the test counts tries, not minutes. */
  const promoteRetries = async (): Promise<void> => {
    for (const job of await top!.queue.getDelayed()) if (job.attemptsMade > 0) await job.promote().catch(() => undefined);
  };

  it('spends at most one Graph read per job attempt on a lead Meta keeps failing, then fails it with a hint', async () => {
    const t = top!;
    t.sandbox.control.setFaults(LEAD_READS_FAIL);
    const since = lastSeq();
    const [lead] = t.createLeads(1);
    await t.sandbox.control.flushWebhooks();

    let row: TimelineRow | undefined;
    try {
      await waitFor(
        'the lead to fail once its attempts are spent',
        async () => {
          await promoteRetries();
          [row] = await timeline([lead.id]);
          return row?.state === 'failed' ? true : `${row?.state ?? 'no row'} after ${row?.attempts ?? 0} attempt(s)`;
        },
        120_000,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`);
    }
    const reads = leadReads([lead.id], since);
    // Before the cap: 4 client tries × 8 job attempts = 32 reads of one lead.
    expect(reads).toBeLessThanOrEqual(LEADGEN_JOB_OPTIONS.attempts);
    expect(reads).toBeGreaterThan(0);
    // At most one read per job run (the timeline counts the runs).
    expect(reads).toBeLessThanOrEqual(row!.attempts);
    expect(row).toMatchObject({ state: 'failed', error_kind: 'transient' });
    expect(row!.hint).toMatch(/retries ran out/i);
  });
});
