import { MetaGraphError, type MetaGraphClient } from '../../../infra/meta-graph';
import type { LeadFormKey, MetaLeadFormsRepository, MetaPagesRepository } from '../../meta-assets';
import type { ConnectionBreakers, MetaIntegrationRepository, MetaReauthService, MetaTokenVault } from '../../meta-auth';
import type { GraphLead } from '../graph/graph-lead';
import type { LeadIngestService } from '../ingest/lead-ingest.service';
import { LeadReconcileService, SweepStoppedError } from './lead-reconcile.service';

const ORG = 'org-1';
const NOW = new Date('2026-12-01T12:00:00Z');
const WATERMARK = new Date('2026-12-01T11:00:00Z');

function setup(pages: (GraphLead | MetaGraphError)[][]) {
  const advanced: [LeadFormKey, Date][] = [];
  const recorded: [string, string][] = [];
  const forms = {
    recordReconcile: async (_key: LeadFormKey, outcome: string, note: string) => void recorded.push([outcome, note]),
    findById: async () => ({ id: 'lf-1', organisationId: ORG, formId: 'form-1', pageId: 'pg-1', lastSyncedAt: WATERMARK }),
    advanceWatermark: async (key: LeadFormKey, seen: Date) => {
      advanced.push([key, seen]);
      return seen;
    },
  } as unknown as MetaLeadFormsRepository;
  const pagesRepo = {
    findById: async () => ({ id: 'pg-1', pageId: 'page-1', organisationId: ORG, isActive: true }),
  } as unknown as MetaPagesRepository;
  const integrations = { findActive: async () => ({ id: 'int-1', organisationId: ORG }) } as unknown as MetaIntegrationRepository;
  const vault = { openPageToken: () => 'page-token' } as unknown as MetaTokenVault;
  const asked: Record<string, unknown>[] = [];
  const graph = {
    paginate: (_path: string, params: Record<string, unknown>) => {
      asked.push(params);
      return (async function* () {
        for (const page of pages)
          for (const item of page) {
            if (item instanceof MetaGraphError) throw item;
            yield item;
          }
      })();
    },
  } as unknown as MetaGraphClient;
  const stored: string[] = [];
  const ingest = {
    ingest: async ({ graphLead }: { graphLead: GraphLead }) => {
      stored.push(graphLead.id);
      return { outcome: graphLead.id === 'old' ? 'existing' : 'created', leadId: `l-${graphLead.id}`, duplicateOfId: null, mappedAt: NOW };
    },
  } as unknown as LeadIngestService;
  const marks: string[] = [];
  const reauth = {
    markReauthRequired: async (_o: string, _i: string, reason: string) => (marks.push(reason), true),
  } as unknown as MetaReauthService;
  const breaker = { succeeded: 0, failed: 0 };
  const breakers = {
    admit: async () => ({ go: true, probe: false }),
    succeeded: async () => void breaker.succeeded++,
    failedWith: async () => void breaker.failed++,
  } as unknown as ConnectionBreakers;
  const service = new LeadReconcileService(
    graph,
    forms,
    pagesRepo,
    integrations,
    vault,
    ingest,
    reauth,
    breakers,
    { reconcileOverlapMinutes: 30 } as never,
    {
      lookbackDays: 90,
      pageSize: 100,
    },
  );
  return { service, advanced, asked, stored, marks, breaker, recorded };
}

const lead = (id: string, created: string): GraphLead => ({ id, created_time: created, field_data: [] });

describe(LeadReconcileService.name, () => {
  it('reads from the watermark minus the overlap and moves it to the newest lead read, after the last page', async () => {
    const t = setup([
      [lead('a', '2026-12-01T11:40:00+0000'), lead('old', '2026-12-01T10:45:00+0000')],
      [lead('b', '2026-12-01T11:20:00+0000')],
    ]);
    const result = await t.service.sweepForm(ORG, 'lf-1', {}, NOW);
    expect(t.asked[0].filtering).toEqual([
      { field: 'time_created', operator: 'GREATER_THAN', value: Date.parse('2026-12-01T10:30:00Z') / 1000 - 1 },
    ]);
    expect(t.stored).toEqual(['a', 'old', 'b']);
    expect(result).toMatchObject({ status: 'completed', fetched: 3, created: 2, existing: 1, watermarkAdvanced: true });
    expect(t.advanced).toEqual([[{ id: 'lf-1', organisationId: ORG }, new Date('2026-12-01T11:40:00Z')]]);
    expect(t.breaker).toEqual({ succeeded: 1, failed: 0 });
    expect(t.recorded).toEqual([['ok', 'Read 3 leads from Meta, 2 new']]);
  });

  it('leaves the watermark where it was when Meta fails mid-way, and marks the connection on a refused token', async () => {
    const refused = new MetaGraphError({ kind: 'auth', code: 190, message: 'Error validating access token' });
    const t = setup([[lead('a', '2026-12-01T11:40:00+0000')], [refused]]);
    const stopped = await t.service.sweepForm(ORG, 'lf-1', {}, NOW).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(SweepStoppedError);
    expect((stopped as SweepStoppedError).partial).toMatchObject({ fetched: 1, created: 1 });
    expect(t.advanced).toEqual([]);
    expect(t.marks).toEqual(['Meta refused the token while reading leads: Error validating access token']);
    expect(t.breaker.failed).toBe(1);
    expect(t.recorded).toEqual([['failed', 'Stopped: Error validating access token']]);
  });

  it('does not mark the connection for a rate limit', async () => {
    const t = setup([[new MetaGraphError({ kind: 'rate_limited', code: 4, message: 'limit' })]]);
    await expect(t.service.sweepForm(ORG, 'lf-1', {}, NOW)).rejects.toBeInstanceOf(SweepStoppedError);
    expect(t.marks).toEqual([]);
  });

  it('does not move the watermark for a closed range', async () => {
    const t = setup([[lead('a', '2026-11-20T11:40:00+0000')]]);
    const result = await t.service.sweepForm(
      ORG,
      'lf-1',
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') },
      NOW,
    );
    expect(result).toMatchObject({ status: 'completed', fetched: 1, watermark: WATERMARK, watermarkAdvanced: false });
    expect(t.advanced).toEqual([]);
  });
});
