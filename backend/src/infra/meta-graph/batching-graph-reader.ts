import { MAX_BATCH_SIZE } from './graph-batch';
import type { MetaGraphClient } from './meta-graph-client';
import type { GraphCallContext, GraphParams } from './meta-graph.types';

export interface BatchingGraphReaderOptions {
  /** How long the first read of a group waits for company before the batch goes out. */
  windowMs: number;
  /** Send as soon as this many reads are waiting (Meta's limit is 50). */
  maxBatchSize: number;
  /**
   * When set, the window starts again with every read that joins (the batch leaves `windowMs` after the last one
   * arrived), but never later than this after the first. For callers whose reads come in ragged waves, e.g. jobs
   * that finish storing one by one and each start a read: a fixed window cuts a wave in two, and the late part then
   * travels as a small batch of its own, wave after wave.
   */
  maxWaitMs?: number;
}

export const DEFAULT_COALESCING: BatchingGraphReaderOptions = { windowMs: 5, maxBatchSize: MAX_BATCH_SIZE };

interface PendingRead {
  path: string;
  params: GraphParams;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

interface Group {
  ctx: GraphCallContext;
  reads: PendingRead[];
  timer?: NodeJS.Timeout;
  /** When the first read joined (ms since epoch). */
  since: number;
}

/**
 * Collects concurrent single GETs made with the same token (and pacing scopes) for a few milliseconds and
 * sends them as one batch call, resolving each caller with its own result or typed error. Fetching 1,000
 * leads announced by webhooks then costs 20 HTTP calls instead of 1,000, and spends the rate-limit budget
 * of the call, not of 1,000 calls.
 */
export class BatchingGraphReader {
  private readonly groups = new Map<string, Group>();
  private readonly options: BatchingGraphReaderOptions;

  constructor(
    private readonly client: MetaGraphClient,
    options: Partial<BatchingGraphReaderOptions> = {},
  ) {
    this.options = { ...DEFAULT_COALESCING, ...options };
    this.options.maxBatchSize = Math.min(Math.max(1, this.options.maxBatchSize), MAX_BATCH_SIZE);
  }

  get<T>(path: string, params: GraphParams, ctx: GraphCallContext): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const key = groupKey(ctx);
      let group = this.groups.get(key);
      if (!group) {
        group = { ctx, reads: [], since: Date.now() };
        this.groups.set(key, group);
      }
      group.reads.push({ path, params, resolve: resolve as (v: unknown) => void, reject });
      if (group.reads.length >= this.options.maxBatchSize) {
        this.flush(key);
      } else if (!group.timer) {
        group.timer = setTimeout(() => this.flush(key), this.options.windowMs);
      } else if (this.options.maxWaitMs !== undefined) {
        clearTimeout(group.timer);
        const left = group.since + this.options.maxWaitMs - Date.now();
        group.timer = setTimeout(() => this.flush(key), Math.max(0, Math.min(this.options.windowMs, left)));
      }
    });
  }

  /**
   * Sends the reads collected for this context now, without waiting out the window: for a caller that knows no
   * more reads can join (all its slots for the token are taken).
   */
  flushNow(ctx: GraphCallContext): void {
    this.flush(groupKey(ctx));
  }

  /** Reads collected but not yet sent (for tests and metrics). */
  get waiting(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.reads.length;
    return n;
  }

  private flush(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    if (group.timer) clearTimeout(group.timer);
    void this.send(group);
  }

  private async send({ ctx, reads }: Group): Promise<void> {
    // A lone read goes out as a plain GET: same result, less overhead.
    if (reads.length === 1) {
      const [read] = reads;
      return this.client.get(read.path, read.params, ctx).then(read.resolve, read.reject);
    }
    try {
      const results = await this.client.batch(
        reads.map((r) => ({ method: 'GET' as const, path: r.path, params: r.params })),
        ctx,
      );
      results.forEach((result, i) => (result.ok ? reads[i].resolve(result.body) : reads[i].reject(result.error)));
    } catch (err) {
      for (const read of reads) read.reject(err);
    }
  }
}

/** Reads share a batch only when they share the token, the scopes whose pauses and budgets they use, and their tries. */
function groupKey(ctx: GraphCallContext): string {
  return [ctx.accessToken ?? '', ctx.adAccountId ?? '', ctx.businessId ?? '', ctx.onPaused ?? '', ctx.maxAttempts ?? ''].join('\u0000');
}
