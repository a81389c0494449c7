/**
 * Fault: Meta fails every lead read (transient code 2, as in an outage). A lead's reads are capped across the client
 * and the job's attempts, and when the failures pile up the connection's Graph calls are paused (circuit breaker):
 * its lead jobs wait without spending attempts, the connection status shows the pause, one probe at a time checks
 * whether Meta is back, and once it is every lead is stored exactly once. Two workers share the breaker through the
 * database. Runs the built server: `npm run build:libs && npm run build:backend`.
 */
import type { MetaConnectionStatus } from '@legeai/contracts';
import { LEAD_READ_BUDGET } from '../../src/modules/meta-leads/graph/lead-fetcher.service';
import { FaultTopology, waitFor } from '../utils/fault-topology';

jest.setTimeout(180_000);

const LEADS = 300;

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
        // One Graph batch of jobs per worker, so that most of the burst is still queued when the breaker opens.
        LEAD_SYNC_CONCURRENCY: '50',
      },
    });
  });
  afterEach(() => top?.sandbox.control.clearFaults());
  afterAll(async () => {
    await top?.close();
  });

  const timeline = (ids: string[]): Promise<TimelineRow[]> =>
    top!.db.query(
      `SELECT leadgen_id, state, error_kind, error_message, hint, attempts FROM meta_lead_syncs WHERE organisation_id = $1 AND leadgen_id = ANY($2)`,
      [top!.organisationId, ids],
    );

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

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${top!.api.url}${path}`, { headers: { Authorization: `Bearer ${top!.accessToken}` } });
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const metrics = async (): Promise<string> => (await fetch(`${top!.api.url}/metrics`)).text();
  const breaker = async (): Promise<{ state: string; wait_ms: number; failures: number } | undefined> =>
    (await top!.db.query(`SELECT state, wait_ms, failures FROM meta_graph_breakers WHERE organisation_id = $1`, [top!.organisationId]))[0];

  it('pauses the connection while Meta fails every lead read, shows it, probes, and stores every lead once when Meta is back', async () => {
    const t = top!;
    t.sandbox.control.setFaults(LEAD_READS_FAIL);
    const since = lastSeq();
    const ids = t.createLeads(LEADS).map((lead) => lead.id);
    await t.sandbox.control.flushWebhooks();
    const acknowledged = new Set(t.acknowledgedLeadIds());
    expect(ids.filter((id) => !acknowledged.has(id))).toEqual([]);

    try {
      // The connection status shows the pause.
      let status: MetaConnectionStatus | undefined;
      await waitFor('the connection to show the pause', async () => {
        status = await api<MetaConnectionStatus>('/v1/integrations/meta/status');
        return status.graphPause ? true : 'not paused';
      });
      expect(status!.graphPause!.failures).toBeGreaterThanOrEqual(10);
      expect(status!.graphPause!.lastError).toMatch(/temporarily unavailable|unexpected/i);
      expect(status!.checks[0]).toMatchObject({ key: 'graph_calls', level: 'warning' });
      expect(status!.checks[0].message).toMatch(
        /^Meta calls for this connection are paused since \S+ after \d+ failures; (next probe at \S+|a probe call is under way)$/,
      );
      expect(status!.overall).not.toBe('ok');
      expect(await metrics()).toMatch(/meta_graph_paused_connections\{state="(open|half_open)"\} 1/);

      // The waiting leads show the pause in their timeline, not an error each.
      await waitFor('leads to wait for the probe', async () => {
        const waiting = (await timeline(ids)).filter((row) => row.error_kind === 'paused');
        return waiting.length > 0 ? true : 'none waiting';
      });
      const [waiting] = (await timeline(ids)).filter((row) => row.error_kind === 'paused');
      expect(waiting.state).toBe('pending');
      expect(waiting.error_message).toMatch(/^Meta calls for this connection are paused since/);
      expect(waiting.hint).toMatch(/probe/);

      // Probes keep failing while the outage lasts, each one waiting longer (1.5 s, 3 s, then the 4 s cap).
      await waitFor('two failed probes', async () => {
        const b = await breaker();
        return b && b.wait_ms >= 4_000 ? true : JSON.stringify(b);
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    const readsDuringOutage = leadReads(ids, since);
    const leadsRead = new Set(
      t.sandbox.control
        .calls({ sinceSeq: since })
        .filter((call) => call.method === 'GET')
        .map((call) => call.path.slice(1)),
    );
    // Only the jobs already running when Meta began failing read their lead, and then one probe at a time:
    // nowhere near 32 reads per lead, nor the cap of 8.
    expect(readsDuringOutage).toBeLessThan(ids.length / 2);
    expect(ids.filter((id) => leadsRead.has(id)).length).toBeLessThan(ids.length / 2);

    // Meta is back: the next probe succeeds, the waiting jobs run, every lead is stored once.
    t.sandbox.control.clearFaults();
    try {
      await t.waitAllStored(ids, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);
    expect(await t.queue.getFailedCount()).toBe(0);
    const final = await timeline(ids);
    expect(final.filter((row) => row.state !== 'stored' || row.error_kind !== null)).toEqual([]);
    const status = await api<MetaConnectionStatus>('/v1/integrations/meta/status');
    expect(status.graphPause).toBeNull();
    expect(status.checks.map((check) => check.key)).not.toContain('graph_calls');
    expect(await breaker()).toMatchObject({ state: 'closed', failures: 0 });
  });

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
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    const reads = leadReads([lead.id], since);
    // Before the cap: 4 client tries × 8 job attempts = 32 reads of one lead; now 8.
    expect(reads).toBeLessThanOrEqual(LEAD_READ_BUDGET);
    expect(reads).toBeGreaterThan(0);
    // At most one read per job run (the timeline counts the runs).
    expect(reads).toBeLessThanOrEqual(row!.attempts);
    expect(row).toMatchObject({ state: 'failed', error_kind: 'transient' });
    expect(row!.hint).toMatch(/retries ran out/i);
  });
});
