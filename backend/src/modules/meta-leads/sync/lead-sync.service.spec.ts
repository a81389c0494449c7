import { LeadSyncState, MetaIntegrationStatus } from '@legeai/contracts';
import { MetaGraphError } from '../../../infra/meta-graph';
import type { ConnectionBreakers, MetaReauthService, MetaTokenVault } from '../../meta-auth';
import type { LeadFetcher } from '../graph/lead-fetcher.service';
import type { LeadIngestService } from '../ingest/lead-ingest.service';
import type { LeadgenJobData } from '../meta-leads.jobs';
import type { LeadSyncTimeline } from './lead-sync-timeline';
import { LeadSyncRetryError, LeadSyncService } from './lead-sync.service';
import type { PageConnection } from './page-connections';

const job: LeadgenJobData = {
  leadgenId: 'lead-1',
  pageId: 'page-1',
  formId: 'form-1',
  adId: null,
  adgroupId: null,
  createdTime: null,
  inboxId: '',
  receivedAt: '2026-12-01T10:00:00Z',
};
const connection = (over: Partial<PageConnection> = {}): PageConnection => ({
  organisationId: 'org-1',
  integrationId: 'int-1',
  integrationStatus: MetaIntegrationStatus.Active,
  pageActive: true,
  tasks: ['ADVERTISE'],
  tokenCiphertext: 'cipher',
  tokenKeyId: 'k1',
  organisationSuspended: false,
  ...over,
});

function setup(opts: { connection?: PageConnection; read?: () => Promise<unknown>; admit?: object; marked?: boolean }) {
  const failures: { state: LeadSyncState; kind: string; hint: string | null }[] = [];
  const timeline = {
    begin: async () => [
      { connection: opts.connection ?? connection(), start: { id: 'sync-1', state: LeadSyncState.Pending, leadId: null } },
    ],
    failed: async (_id: string, state: LeadSyncState, failure: { kind: string; hint: string | null }) =>
      void failures.push({ state, kind: failure.kind, hint: failure.hint }),
    skipped: async () => undefined,
    closeDelivery: async () => undefined,
  } as unknown as LeadSyncTimeline;
  const reads: string[] = [];
  const fetcher = {
    fetchLead: async (id: string) => (reads.push(id), opts.read ? opts.read() : { id, form_id: 'form-1', field_data: [] }),
  } as unknown as LeadFetcher;
  const ingest = {
    ingestTogether: async () => ({ outcome: 'created', leadId: 'l1', duplicateOfId: null, mappedAt: new Date() }),
  } as unknown as LeadIngestService;
  const marks: string[] = [];
  const reauth = {
    markReauthRequired: async (_o: string, _i: string, reason: string) => (marks.push(reason), opts.marked ?? true),
    isActive: async () => true,
  } as unknown as MetaReauthService;
  const breakers = {
    admit: async () => opts.admit ?? { go: true, probe: false },
    succeeded: async () => undefined,
    failedWith: async () => undefined,
  } as unknown as ConnectionBreakers;
  const vault = { open: () => 'page-token' } as unknown as MetaTokenVault;
  const service = new LeadSyncService(timeline, vault, fetcher, ingest, reauth, breakers, { rateLimitPauseMs: 60_000 } as never);
  return { service, failures, reads, marks };
}

const notLast = { isLastAttempt: false };

describe(LeadSyncService.name, () => {
  it('reads, stores and reports the lead stored', async () => {
    const t = setup({});
    expect(await t.service.handle(job, notLast)).toEqual({ next: 'done', summary: { 'org-1': LeadSyncState.Stored } });
    expect(t.reads).toEqual(['lead-1']);
  });

  it('parks without a Graph read while the connection waits for a reconnect', async () => {
    const t = setup({ connection: connection({ integrationStatus: MetaIntegrationStatus.ReauthRequired }) });
    expect(await t.service.handle(job, notLast)).toEqual({ next: 'done', summary: { 'org-1': LeadSyncState.Parked } });
    expect(t.reads).toEqual([]);
  });

  it('parks without a Graph read while the organisation is suspended, saying it comes back on reactivation', async () => {
    const t = setup({ connection: connection({ organisationSuspended: true }) });
    expect(await t.service.handle(job, notLast)).toEqual({ next: 'done', summary: { 'org-1': LeadSyncState.Parked } });
    expect(t.reads).toEqual([]);
    expect(t.failures).toEqual([{ state: LeadSyncState.Parked, kind: 'auth', hint: expect.stringMatching(/reactivates/) }]);
  });

  it('delays to the breaker’s probe, recording the pause, when the connection’s Graph calls are held', async () => {
    const pause = { since: new Date(), failures: 5, nextProbeAt: new Date(), probing: false, lastError: null };
    const t = setup({ admit: { go: false, delayMs: 30_000, pause } });
    expect(await t.service.handle(job, notLast)).toEqual({ next: 'delay', delayMs: 30_000 });
    expect(t.failures).toEqual([{ state: LeadSyncState.Pending, kind: 'paused', hint: expect.any(String) }]);
    expect(t.reads).toEqual([]);
  });

  it('parks on a refused token and marks the connection, with the lead pipeline’s hint', async () => {
    const t = setup({ read: async () => Promise.reject(new MetaGraphError({ kind: 'auth', code: 190, message: 'expired' })) });
    expect(await t.service.handle(job, notLast)).toEqual({ next: 'done', summary: { 'org-1': LeadSyncState.Parked } });
    expect(t.marks).toEqual(['Lead sync: expired']);
    expect(t.failures[0]).toMatchObject({
      state: LeadSyncState.Parked,
      kind: 'auth',
      hint: expect.stringMatching(/parked leads are replayed/),
    });
  });

  it('retries instead of parking when a reconnect already replaced the failed token', async () => {
    const t = setup({
      marked: false,
      read: async () => Promise.reject(new MetaGraphError({ kind: 'auth', code: 190, message: 'expired' })),
    });
    await expect(t.service.handle(job, notLast)).rejects.toBeInstanceOf(LeadSyncRetryError);
    expect(t.failures[0].state).toBe(LeadSyncState.Pending);
  });

  it('delays a rate-limited read for Meta’s regain time, and retries a transient one', async () => {
    const limited = setup({
      read: async () => Promise.reject(new MetaGraphError({ kind: 'rate_limited', code: 4, message: 'x', retryAfterMs: 90_000 })),
    });
    expect(await limited.service.handle(job, notLast)).toEqual({ next: 'delay', delayMs: 90_000 });
    const hiccup = setup({ read: async () => Promise.reject(new MetaGraphError({ kind: 'transient', code: 2, message: 'x' })) });
    await expect(hiccup.service.handle(job, notLast)).rejects.toBeInstanceOf(LeadSyncRetryError);
  });
});
