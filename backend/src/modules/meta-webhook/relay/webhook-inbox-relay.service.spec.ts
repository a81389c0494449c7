import type { WebhookInboxRepository, StoredDelivery } from '../inbox/webhook-inbox.repository';
import type { DispatchableRow, DispatchResult, WebhookDispatchService } from '../ingest/webhook-dispatch.service';
import type { CheckResult, EnqueuedInboxCheck } from './enqueued-inbox-check.service';
import { RELAY_MIN_AGE_MS, WebhookInboxRelayService } from './webhook-inbox-relay.service';

const row = (id: number): StoredDelivery => ({ id: String(id), rawBody: Buffer.from('{}'), receivedAt: new Date(0) });

/** The relay over a faked inbox repository, dispatcher and enqueued check: what it asks of each, and what it reports. */
function setup(opts: { rows: number; outcome: (id: string, batch: number) => DispatchResult }) {
  const asked: { before: Date; limit: number }[] = [];
  const batches: string[][] = [];
  let checks = 0;
  const inbox = {
    receivedBefore: (before: Date, limit: number) => {
      asked.push({ before, limit });
      return Promise.resolve(Array.from({ length: Math.min(opts.rows, limit) }, (_, i) => row(i + 1)));
    },
  } as unknown as WebhookInboxRepository;
  const dispatcher = {
    dispatchMany: (rows: DispatchableRow[]) => {
      batches.push(rows.map((r) => r.id));
      const batch = batches.length;
      return Promise.resolve(rows.map((r) => opts.outcome(r.id, batch)));
    },
  } as unknown as WebhookDispatchService;
  const check: CheckResult = { checked: 3, closed: 2, requeued: 1 };
  const enqueued = {
    checkEnqueued: () => {
      checks += 1;
      return Promise.resolve(check);
    },
  } as unknown as EnqueuedInboxCheck;
  const relay = new WebhookInboxRelayService(inbox, dispatcher, enqueued);
  return { relay, asked, batches, checks: () => checks };
}

describe('WebhookInboxRelayService', () => {
  it('takes only rows older than the minimum age, dispatches them in batches of 100, and counts ignored ones apart', async () => {
    const { relay, asked, batches } = setup({ rows: 250, outcome: (id) => (Number(id) % 10 === 0 ? 'ignored' : 'enqueued') });
    const started = Date.now();
    const result = await relay.relayPending();
    expect(asked).toHaveLength(1);
    expect(asked[0].limit).toBe(1_000);
    expect(started - asked[0].before.getTime()).toBeGreaterThanOrEqual(RELAY_MIN_AGE_MS - 50);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(result).toEqual({ enqueued: 225, ignored: 25, pending: 0 });
  });

  it('stops at the first batch the queue could not take and reports the rest as pending, without trying them', async () => {
    const { relay, batches } = setup({
      rows: 250,
      outcome: (id, batch) => (batch === 2 ? (id === '150' ? 'ignored' : 'pending') : 'enqueued'),
    });
    const result = await relay.relayPending();
    expect(batches).toHaveLength(2);
    // 100 queued in the first batch; of the 150 from the second on, one was ignored (no lead in it), 149 wait.
    expect(result).toEqual({ enqueued: 100, ignored: 1, pending: 149 });
  });

  it('checks the enqueued rows against the queue only once nothing waits for the queue', async () => {
    const down = setup({ rows: 5, outcome: () => 'pending' });
    expect(await down.relay.run()).toEqual({ enqueued: 0, ignored: 0, pending: 5 });
    expect(down.checks()).toBe(0);

    const up = setup({ rows: 5, outcome: () => 'enqueued' });
    expect(await up.relay.run()).toEqual({ enqueued: 5, ignored: 0, pending: 0, checked: 3, closed: 2, requeued: 1 });
    expect(up.checks()).toBe(1);
  });
});
