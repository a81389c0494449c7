import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { leadSyncConfig } from '../../../config/lead-sync.config';
import { BatchingGraphReader, MetaGraphClient, MetaGraphError } from '../../../infra/meta-graph';
import { LEADGEN_JOB_OPTIONS } from '../meta-leads.jobs';
import { GRAPH_LEAD_FIELDS, type GraphLead } from './graph-lead';
import { LEAD_READS_PER_BATCH } from './lead-reads';
import { ReadsInFlight } from './reads-in-flight';

/**
 * Reads one lead with the Page's token. Reads go through a batching reader, so the leads of a burst of webhooks
 * that share a Page token leave as batch calls of up to 50 (a thousand leads cost about twenty HTTP requests).
 * Jobs start one after another as the worker takes them, so the reader waits a little longer for company than the
 * shared one does (LEAD_FETCH_BATCH_WINDOW_MS), and keeps waiting while reads keep joining (up to five windows):
 * the jobs of one batch finish storing at different times and start their next reads as a ragged wave, which a
 * fixed window would cut into a full batch and a straggling small one, wave after wave.
 */
/** The longest a read waits for company, in batch windows. */
const MAX_WAIT_WINDOWS = 5;
/**
 * Graph tries of a lead read per job attempt: one. The job's attempts are the retries (the queue's backoff spaces
 * them over minutes); retrying inside an attempt as well multiplied them, so that a lead Meta kept failing cost
 * 4 client tries × 8 job attempts = 32 reads. Now a lead costs at most `LEAD_READ_BUDGET` reads per job run.
 */
export const LEAD_READ_TRIES_PER_ATTEMPT = 1;
export const LEAD_READ_BUDGET = LEADGEN_JOB_OPTIONS.attempts * LEAD_READ_TRIES_PER_ATTEMPT;

@Injectable()
export class LeadFetcher {
  private readonly reader: BatchingGraphReader;
  private readonly inFlight = new ReadsInFlight(LEAD_READS_PER_BATCH);

  constructor(client: MetaGraphClient, @Inject(leadSyncConfig.KEY) config: ConfigType<typeof leadSyncConfig>) {
    this.reader = new BatchingGraphReader(client, { windowMs: config.batchWindowMs, maxWaitMs: MAX_WAIT_WINDOWS * config.batchWindowMs });
  }

  async fetchLead(leadgenId: string, pageAccessToken: string, pageId?: string): Promise<GraphLead> {
    // Lead reads spend the Page's `leadgen` budget; a paused scope fails at once so the job is delayed instead of
    // holding a worker slot while it waits.
    const ctx = { accessToken: pageAccessToken, businessId: pageId, onPaused: 'fail', maxAttempts: LEAD_READ_TRIES_PER_ATTEMPT } as const;
    const lead = await this.inFlight.run(pageAccessToken, () => {
      const read = this.reader.get<GraphLead>(leadgenId, { fields: GRAPH_LEAD_FIELDS }, ctx);
      // Every slot of the token is taken: no other read can join this batch until one answers, so waiting out the
      // window for company would only delay it (e.g. 49 reads while the 50th slot holds a read already sent).
      if (this.inFlight.isFull(pageAccessToken)) this.reader.flushNow(ctx);
      return read;
    });
    if (!lead || typeof lead !== 'object' || typeof lead.id !== 'string' || !Array.isArray(lead.field_data)) {
      throw new MetaGraphError({ kind: 'unknown', message: `Graph API answered lead ${leadgenId} without id and field_data` });
    }
    return lead;
  }
}
