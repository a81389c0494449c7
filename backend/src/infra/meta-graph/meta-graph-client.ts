import { appsecretProofParams } from './appsecret-proof';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy } from './backoff';
import { classifyGraphFailure, isFailedAnswer } from './classify-graph-error';
import {
  batchItemHeaders,
  chunk,
  MAX_BATCH_SIZE,
  parseBatchItem,
  toBatchOperation,
  type GraphBatchRequest,
  type GraphBatchResult,
  type RawBatchItem,
} from './graph-batch';
import { encodeParams, sendGraphRequest, type FetchLike, type GraphHttpRequest } from './graph-http';
import { createGraphMetrics, pathTemplate, type GraphMetrics } from './graph-metrics';
import { nextPageRequest, type PageRequest } from './graph-paging';
import { GraphPagingLimitError, MetaGraphError } from './meta-graph-error';
import {
  silentGraphLogger,
  type AppsecretProofMode,
  type GraphCallContext,
  type GraphLogger,
  type GraphMethod,
  type GraphPage,
  type GraphParams,
} from './meta-graph.types';
import { redactText } from './redact';
import { DEFAULT_PACING, normaliseAccountId, UsagePacer, type PacingOptions, type ScopePause } from './usage-pacer';

export interface MetaGraphClientOptions {
  /** e.g. `https://graph.facebook.com` (no version). */
  graphUrl: string;
  /** e.g. `v26.0`. */
  apiVersion: string;
  appSecret: string;
  timeoutMs: number;
  proofMode?: AppsecretProofMode;
  retry?: RetryPolicy;
  pacing?: PacingOptions;
  /** Default reaction to a paused scope; a call can override it. */
  onPaused?: 'wait' | 'fail';
  /** A call never waits longer than this for a pause; beyond it, it fails with `rate_limited`. */
  maxPauseWaitMs?: number;
  logger?: GraphLogger;
  /** False to record no metrics (e.g. several clients in one test). */
  metrics?: GraphMetrics | false;
  fetch?: FetchLike;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface PagingOptions {
  /** Stop with GraphPagingLimitError when more pages exist after this many. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 1000;

/** The only code that calls Meta's Graph API. */
export class MetaGraphClient {
  readonly pacer: UsagePacer;
  private readonly baseUrl: string;
  private readonly logger: GraphLogger;
  private readonly metrics?: GraphMetrics;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly untrackPauses?: () => void;
  /** Meta's `x-ad-api-version-warning`, set when it auto-upgraded a call made with a sunset version. */
  versionWarning?: string;

  constructor(private readonly options: MetaGraphClientOptions) {
    this.baseUrl = `${options.graphUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
    this.logger = options.logger ?? silentGraphLogger;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.pacer = new UsagePacer(options.pacing ?? DEFAULT_PACING, this.now);
    if (options.metrics !== false) {
      this.metrics = options.metrics ?? createGraphMetrics();
      this.untrackPauses = this.metrics.trackPauses(() => this.pacer.pauses());
    }
  }

  get<T>(path: string, params: GraphParams, ctx: GraphCallContext): Promise<T> {
    return this.request<T>('GET', path, params, ctx);
  }

  post<T>(path: string, params: GraphParams, ctx: GraphCallContext): Promise<T> {
    return this.request<T>('POST', path, params, ctx);
  }

  delete<T>(path: string, params: GraphParams, ctx: GraphCallContext): Promise<T> {
    return this.request<T>('DELETE', path, params, ctx);
  }

  /** Current pauses per scope (for health and metrics). */
  pauses(): ScopePause[] {
    return this.pacer.pauses();
  }

  /** Stops feeding the paused-scopes gauge (call when the client is discarded). */
  dispose(): void {
    this.untrackPauses?.();
  }

  /** One call with pacing, appsecret_proof, timeout, classification and retries of transient failures. */
  async request<T>(method: GraphMethod, path: string, params: GraphParams, ctx: GraphCallContext): Promise<T> {
    const idempotent = ctx.idempotent ?? method !== 'POST';
    return withRetry(
      async (attempt) => {
        await this.awaitPacing(ctx);
        const res = await this.sendOnce(method, path, params, ctx, attempt);
        return res as T;
      },
      this.retryPolicy(ctx),
      { random: this.random, sleep: this.sleep },
      // A POST that got no answer may have been applied; repeat it only when Meta answered with an error.
      (err) => err.kind === 'transient' && (idempotent || err.httpStatus !== undefined),
      (err, retry, delayMs) =>
        this.logger.warn('Graph call failed, retrying', {
          method,
          path: pathTemplate(path),
          kind: err.kind,
          code: err.code,
          retry,
          delayMs,
        }),
    );
  }

  /** Pages of an edge, following cursors; each page is a fresh call with its own appsecret_proof. */
  async *pages<T>(path: string, params: GraphParams, ctx: GraphCallContext, opts: PagingOptions = {}): AsyncGenerator<GraphPage<T>> {
    const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
    let req: PageRequest | undefined = { path, params };
    for (let count = 0; req; count++) {
      if (count >= maxPages) throw new GraphPagingLimitError(maxPages, pathTemplate(path));
      const page: GraphPage<T> = await this.get<GraphPage<T>>(req.path, req.params, ctx);
      yield page;
      req = nextPageRequest(page, req);
    }
  }

  /** Every item of an edge, across pages. */
  async *paginate<T>(path: string, params: GraphParams, ctx: GraphCallContext, opts: PagingOptions = {}): AsyncGenerator<T> {
    for await (const page of this.pages<T>(path, params, ctx, opts)) yield* page.data ?? [];
  }

  /**
   * Runs requests as batch calls of at most 50 operations, in order. Each request gets its own result or
   * typed error. Operations that did not run (null items) and transient failures of reads are re-submitted
   * with backoff; the whole batch call is retried like any call. `ctx.maxAttempts` bounds both.
   */
  async batch<T = unknown>(requests: readonly GraphBatchRequest[], ctx: GraphCallContext): Promise<GraphBatchResult<T>[]> {
    const results: GraphBatchResult<T>[] = [];
    for (const part of chunk(requests, MAX_BATCH_SIZE)) results.push(...(await this.batchChunk<T>(part, ctx)));
    return results;
  }

  private async batchChunk<T>(requests: GraphBatchRequest[], ctx: GraphCallContext): Promise<GraphBatchResult<T>[]> {
    const policy = this.retryPolicy(ctx);
    const results = new Array<GraphBatchResult<T> | undefined>(requests.length);
    let pending = requests.map((_, i) => i);
    const objectIds = this.objectIds(ctx);
    for (let round = 1; pending.length; round++) {
      const ops = pending.map((i) => toBatchOperation(requests[i]));
      const allReads = pending.every((i) => requests[i].method === 'GET');
      const answer = await this.request<unknown>(
        'POST',
        '/',
        { batch: ops, include_headers: true },
        { ...ctx, idempotent: ctx.idempotent ?? allReads },
      );
      if (!Array.isArray(answer) || answer.length !== ops.length) {
        throw new MetaGraphError({ kind: 'unknown', message: 'Graph batch answer is not an array of one item per operation' });
      }
      const again: number[] = [];
      answer.forEach((item: RawBatchItem | null, k) => {
        const index = pending[k];
        if (!item) {
          results[index] = {
            ok: false,
            error: new MetaGraphError({ kind: 'transient', message: 'Batch operation did not run (timed out at Meta)' }),
          };
          again.push(index);
          return;
        }
        const result = parseBatchItem<T>(item, objectIds);
        this.pacer.observe(batchItemHeaders(item), ctx);
        if (!result.ok && result.error.kind === 'rate_limited') this.pacer.onRateLimited(result.error, ctx);
        results[index] = result;
        if (!result.ok && result.error.kind === 'transient' && requests[index].method === 'GET') again.push(index);
      });
      if (!again.length || round >= policy.maxAttempts) break;
      pending = again;
      await this.sleep(Math.floor(this.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (round - 1))));
    }
    return results as GraphBatchResult<T>[];
  }

  private retryPolicy(ctx: GraphCallContext): RetryPolicy {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    return ctx.maxAttempts === undefined ? policy : { ...policy, maxAttempts: Math.max(1, ctx.maxAttempts) };
  }

  private async sendOnce(method: GraphMethod, path: string, params: GraphParams, ctx: GraphCallContext, attempt: number): Promise<unknown> {
    const req = this.buildRequest(method, path, params, ctx);
    const template = method === 'POST' && path.replace(/\/+/g, '') === '' ? '/batch' : pathTemplate(path);
    const started = this.now();
    const startedHr = process.hrtime.bigint();
    let status = 'network';
    try {
      const res = await sendGraphRequest(req, this.options.timeoutMs, this.options.fetch);
      status = String(res.status);
      this.pacer.observe(res.headers, ctx);
      ctx.onHeaders?.(res.headers);
      this.noteVersionWarning(res.headers['x-ad-api-version-warning']);
      if (!isFailedAnswer(res.status, res.body)) {
        this.record(method, template, status, 'ok', startedHr);
        this.logger.debug('Graph call', {
          method,
          url: redactText(this.logUrl(req.url), [ctx.accessToken]),
          status: res.status,
          attempt,
          ms: this.now() - started,
        });
        return res.body;
      }
      throw classifyGraphFailure({ status: res.status, body: res.body, headers: res.headers, objectIds: this.objectIds(ctx) });
    } catch (err) {
      if (!(err instanceof MetaGraphError)) throw err;
      if (err.kind === 'rate_limited') this.pacer.onRateLimited(err, ctx);
      const request = `${method} ${template}`;
      this.record(method, template, err.network === 'timeout' ? 'timeout' : err.network ? 'network' : status, err.kind, startedHr);
      this.logger.debug('Graph call failed', {
        method,
        url: redactText(this.logUrl(req.url), [ctx.accessToken]),
        status: err.httpStatus,
        kind: err.kind,
        code: err.code,
        subcode: err.subcode,
        fbtraceId: err.fbtraceId,
        attempt,
      });
      throw err.with({ request });
    }
  }

  private buildRequest(method: GraphMethod, path: string, params: GraphParams, ctx: GraphCallContext): GraphHttpRequest {
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const all: GraphParams = { ...params };
    // The token never goes into a URL (URLs end up in logs and proxies): reads carry it in the Authorization
    // header, POSTs in the form body as Meta's SDKs do, because batch operations inherit the top-level
    // `access_token` parameter. The proof binds the call to our app secret ("Require App Secret").
    if (ctx.accessToken) {
      if (method === 'POST') all.access_token = ctx.accessToken;
      else headers.Authorization = `Bearer ${ctx.accessToken}`;
      Object.assign(all, appsecretProofParams(ctx.accessToken, this.options.appSecret, this.options.proofMode ?? 'classic', this.now()));
    }
    const encoded = encodeParams(all).toString();
    if (method === 'POST') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      return { method, url, headers, body: encoded };
    }
    return { method, url: encoded ? `${url}?${encoded}` : url, headers };
  }

  private awaitPacing = async (ctx: GraphCallContext): Promise<void> => {
    const maxWait = this.options.maxPauseWaitMs ?? 120_000;
    for (;;) {
      const pause = this.pacer.blocking(ctx);
      if (!pause) return;
      const waitMs = pause.until - this.now();
      if ((ctx.onPaused ?? this.options.onPaused ?? 'wait') === 'fail' || waitMs > maxWait) {
        throw new MetaGraphError({
          kind: 'rate_limited',
          message: `Meta calls for ${pause.scope} ${pause.id} are paused (${pause.reason})`,
          retryAfterMs: waitMs,
        });
      }
      this.logger.debug('Graph call waits for a paused scope', { scope: pause.scope, id: pause.id, waitMs });
      await this.sleep(waitMs);
    }
  };

  private noteVersionWarning(warning: string | undefined): void {
    if (!warning || warning === this.versionWarning) return;
    this.versionWarning = warning;
    this.logger.warn('Meta answered with a version warning; update META_API_VERSION', { apiVersion: this.options.apiVersion, warning });
  }

  private objectIds(ctx: GraphCallContext): string[] {
    return [ctx.adAccountId && normaliseAccountId(ctx.adAccountId), ctx.businessId].filter((x): x is string => !!x);
  }

  private logUrl(url: string): string {
    return url.startsWith(this.baseUrl) ? url.slice(this.options.graphUrl.replace(/\/+$/, '').length) : url;
  }

  private record(method: string, path: string, status: string, kind: string, startedHr: bigint): void {
    const seconds = Number(process.hrtime.bigint() - startedHr) / 1e9;
    this.metrics?.observeCall({ method, path, status, kind }, seconds);
  }
}
