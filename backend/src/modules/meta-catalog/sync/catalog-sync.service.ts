import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { catalogConfig } from '../../../config/catalog.config';
import { metaConfig } from '../../../config/meta.config';
import { decideGraphSync } from '../../../infra/meta-sync';
import { AuditService } from '../../audit';
import { CatalogLinksRepository } from '../catalogs/catalog-links.repository';
import type { CatalogSync } from '../entities/catalog-sync.entity';
import { CatalogConnection } from '../graph/catalog-connection';
import { CatalogGraphApi, ITEMS_BATCH_MAX, catalogCallContext, type BatchStatus } from '../graph/catalog-graph.api';
import { META_CATALOG_JOBS, META_CATALOG_QUEUE_NAME, syncCatalogJobOptions, type SyncCatalogJobData } from '../meta-catalog.jobs';
import { CatalogProductsRepository, type ProductOutcome } from '../products/catalog-products.repository';
import type { ItemIssue } from '../products/product-fields';
import { chunk, guardDeletes, planSync, type PlannedRequest } from './catalog-diff';
import { CatalogSyncsRepository } from './catalog-syncs.repository';

export type CatalogSyncOutcome =
  | { next: 'done'; summary: Record<string, unknown> }
  | { next: 'delay'; delayMs: number }
  | { next: 'retry'; error: unknown }
  | { next: 'fail'; message: string };

/** The handle states after which nothing changes (the reference lists `finished` and `error` as ends). */
const ENDED = new Set(['finished', 'error', 'canceled', 'cancelled']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SentBatch {
  handle: string | null;
  requests: PlannedRequest[];
  status?: BatchStatus;
}

/**
 * A sync of an organisation's products to its linked catalog through items_batch
 * (https://developers.facebook.com/docs/marketing-api/catalog-batch/reference/): the plan by content hash, the
 * delete guard, calls of at most 5,000 requests, every handle followed with `check_batch_request_status` (waits
 * doubling up to 30 s) until it ends, and each item's errors and warnings stored on its product.
 */
@Injectable()
export class CatalogSyncService {
  private readonly logger = new Logger(CatalogSyncService.name);

  constructor(
    @InjectQueue(META_CATALOG_QUEUE_NAME) private readonly queue: Queue,
    private readonly graph: CatalogGraphApi,
    private readonly connection: CatalogConnection,
    private readonly links: CatalogLinksRepository,
    private readonly products: CatalogProductsRepository,
    private readonly syncs: CatalogSyncsRepository,
    private readonly audit: AuditService,
    @Inject(catalogConfig.KEY) private readonly config: ConfigType<typeof catalogConfig>,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** Opens a sync (or answers the one already queued, running or held) and queues its job. */
  async open(organisationId: string, catalogId: string, trigger: CatalogSync['trigger']): Promise<{ sync: CatalogSync; created: boolean }> {
    const active = await this.syncs.active(organisationId);
    if (active) return { sync: active, created: false };
    let sync: CatalogSync;
    try {
      sync = await this.syncs.create({ organisationId, catalogId, trigger, state: 'queued' });
    } catch (error) {
      // Another trigger opened one between the look and the insert (uq_catalog_syncs_one_active): join it.
      const other = await this.syncs.active(organisationId);
      if (other) return { sync: other, created: false };
      throw error;
    }
    await this.enqueue(sync, 'run');
    return { sync, created: true };
  }

  async enqueue(sync: CatalogSync, step: 'run' | 'confirmed'): Promise<void> {
    await this.queue.add(
      META_CATALOG_JOBS.syncCatalog,
      { organisationId: sync.organisationId, syncId: sync.id } satisfies SyncCatalogJobData,
      syncCatalogJobOptions(sync.id, step),
    );
  }

  /** The scheduled run: a sync of every organisation with a linked catalog. */
  async openAll(): Promise<{ organisations: number; opened: number }> {
    let opened = 0;
    const links = await this.links.all();
    for (const link of links) if ((await this.open(link.organisationId, link.catalogId, 'schedule')).created) opened++;
    return { organisations: links.length, opened };
  }

  async run(organisationId: string, syncId: string, attempt: { isLastAttempt: boolean }): Promise<CatalogSyncOutcome> {
    const sync = await this.syncs.find(organisationId, syncId);
    if (!sync || (sync.state !== 'queued' && sync.state !== 'running'))
      return { next: 'done', summary: { skipped: sync?.state ?? 'gone' } };
    const link = await this.links.find(organisationId);
    if (!link || link.catalogId !== sync.catalogId)
      return this.finish(sync, 'failed', { error: 'The catalog is no longer linked to the organisation' });
    const found = await this.connection.token(organisationId);
    if ('reason' in found) return this.finish(sync, 'failed', { error: found.reason });
    const ctx = catalogCallContext(found.token, sync.catalogId);

    await this.syncs.update(sync.id, { state: 'running', startedAt: sync.startedAt ?? new Date(), error: null });
    const counters = { writeRequests: 0, statusPolls: 0 };
    try {
      const catalog = await this.graph.catalog(sync.catalogId, ctx);
      const rows = await this.products.forSync(organisationId);
      const plan = planSync(rows);
      await this.products.purge(
        organisationId,
        plan.forgotten.map((p) => p.id),
      );
      const guard = guardDeletes(plan, catalog.product_count ?? 0, this.config.deleteGuardShare, sync.confirmedDeletes);
      if (guard.hold) {
        await this.syncs.update(sync.id, { state: 'awaiting_confirmation', pendingDeletes: guard.retailerIds, error: guard.reason });
        await this.audit.recordSystem(
          organisationId,
          'catalog.sync_held',
          { type: 'catalog_sync', id: sync.id },
          {
            catalogId: sync.catalogId,
            wouldDelete: guard.retailerIds.length,
            reason: guard.reason,
          },
        );
        return { next: 'done', summary: { held: guard.retailerIds.length } };
      }
      const notReady: ProductOutcome[] = plan.notReady.map(({ product, issues }) => ({
        id: product.id,
        sentHash: null,
        accepted: false,
        state: 'error',
        errors: issues,
        warnings: [],
      }));
      await this.products.applyOutcomes(organisationId, notReady);

      const batches: SentBatch[] = [];
      const immediate = new Map<string, { errors: ItemIssue[]; warnings: ItemIssue[] }>();
      const parts = chunk(plan.requests, ITEMS_BATCH_MAX);
      await this.syncs.update(sync.id, {
        creates: plan.creates,
        updates: plan.updates,
        deletes: plan.deletes.length,
        skipped: plan.notReady.length,
        batchesTotal: parts.length,
        batchesDone: 0,
        pendingDeletes: null,
      });
      for (const part of parts) {
        counters.writeRequests++;
        const answer = await this.graph.itemsBatch(
          sync.catalogId,
          part.map((p) => p.request),
          ctx,
        );
        for (const entry of answer.validation_status ?? []) {
          if (!entry.retailer_id) continue;
          immediate.set(entry.retailer_id, {
            errors: (entry.errors ?? []).map((e) => ({ source: 'meta', message: e.message })),
            warnings: (entry.warnings ?? []).map((w) => ({ source: 'meta', message: w.message })),
          });
        }
        batches.push({ handle: answer.handles?.[0] ?? null, requests: part });
      }
      await this.follow(sync, batches, ctx, counters);
      const outcome = await this.store(organisationId, batches, immediate);
      return this.finish(
        sync,
        'succeeded',
        { ...counters, itemErrors: outcome.errors, itemWarnings: outcome.warnings },
        {
          creates: plan.creates,
          updates: plan.updates,
          deletes: plan.deletes.length,
          skipped: plan.notReady.length,
          failedBatches: outcome.failedBatches,
        },
      );
    } catch (error) {
      return this.failed(sync, error, attempt, counters);
    }
  }

  /** Polls every open handle until it ends, waiting longer between rounds (Meta takes seconds to minutes). */
  private async follow(
    sync: CatalogSync,
    batches: SentBatch[],
    ctx: ReturnType<typeof catalogCallContext>,
    counters: { writeRequests: number; statusPolls: number },
  ): Promise<void> {
    const deadline = Date.now() + this.config.pollTimeoutMs;
    let wait = this.config.pollInitialMs;
    let open = batches.filter((b) => b.handle);
    let done = batches.length - open.length;
    while (open.length > 0) {
      if (Date.now() + wait > deadline)
        throw new Error(`Meta had not finished ${open.length} batch(es) after ${Math.round(this.config.pollTimeoutMs / 1000)} s`);
      await sleep(wait);
      wait = Math.min(wait * 2, this.config.pollMaxMs);
      const still: SentBatch[] = [];
      for (const batch of open) {
        counters.statusPolls++;
        const status = await this.graph.batchStatus(sync.catalogId, batch.handle!, ctx);
        if (status && ENDED.has(status.status)) {
          batch.status = status;
          done++;
        } else still.push(batch);
      }
      open = still;
      await this.syncs.update(sync.id, { batchesDone: done, statusPolls: counters.statusPolls, writeRequests: counters.writeRequests });
    }
  }

  /** Each product's outcome: accepted, refused with Meta's messages, or left to the next sync when its batch failed. */
  private async store(
    organisationId: string,
    batches: SentBatch[],
    immediate: Map<string, { errors: ItemIssue[]; warnings: ItemIssue[] }>,
  ): Promise<{ errors: number; warnings: number; failedBatches: number }> {
    const outcomes: ProductOutcome[] = [];
    const deleted: string[] = [];
    let errors = 0;
    let warnings = 0;
    let failedBatches = 0;
    for (const batch of batches) {
      const later = new Map<string, { errors: ItemIssue[]; warnings: ItemIssue[] }>();
      const batchFailed = batch.status?.status === 'error';
      if (batchFailed) failedBatches++;
      for (const issue of batch.status?.errors ?? [])
        if (issue.id) issuesOf(later, issue.id).errors.push({ source: 'meta', message: issue.message });
      for (const issue of batch.status?.warnings ?? [])
        if (issue.id) issuesOf(later, issue.id).warnings.push({ source: 'meta', message: issue.message });
      const batchMessage = (batch.status?.errors ?? []).find((e) => !e.id)?.message ?? 'Meta could not process the batch';
      for (const { product, request, hash } of batch.requests) {
        const id = product.retailerId;
        const itemErrors = [...(immediate.get(id)?.errors ?? []), ...(later.get(id)?.errors ?? [])];
        const itemWarnings = [...(immediate.get(id)?.warnings ?? []), ...(later.get(id)?.warnings ?? [])];
        errors += itemErrors.length;
        warnings += itemWarnings.length;
        if (batchFailed && itemErrors.length === 0) {
          // Nothing of the batch was applied: the item is sent again by the next sync.
          outcomes.push({
            id: product.id,
            sentHash: null,
            accepted: false,
            state: 'error',
            errors: [{ source: 'meta', message: batchMessage }],
            warnings: [],
          });
          continue;
        }
        if (request.method === 'DELETE' && itemErrors.length === 0) {
          deleted.push(product.id);
          continue;
        }
        const accepted = itemErrors.length === 0;
        outcomes.push({
          id: product.id,
          sentHash: hash,
          accepted,
          state: accepted ? 'synced' : 'error',
          errors: itemErrors,
          warnings: itemWarnings,
        });
      }
    }
    await this.products.applyOutcomes(organisationId, outcomes);
    await this.products.purge(organisationId, deleted);
    return { errors, warnings, failedBatches };
  }

  private async finish(
    sync: CatalogSync,
    state: 'succeeded' | 'failed',
    values: Partial<CatalogSync>,
    counts: Record<string, number> = {},
  ): Promise<CatalogSyncOutcome> {
    await this.syncs.update(sync.id, { ...values, state, finishedAt: new Date() });
    await this.audit.recordSystem(
      sync.organisationId,
      state === 'succeeded' ? 'catalog.synced' : 'catalog.sync_failed',
      {
        type: 'catalog_sync',
        id: sync.id,
      },
      { catalogId: sync.catalogId, trigger: sync.trigger, ...counts, ...pick(values), error: values.error ?? undefined },
    );
    return { next: 'done', summary: { syncId: sync.id, state, ...counts, ...pick(values) } };
  }

  private async failed(
    sync: CatalogSync,
    error: unknown,
    attempt: { isLastAttempt: boolean },
    counters: { writeRequests: number; statusPolls: number },
  ): Promise<CatalogSyncOutcome> {
    const decision = decideGraphSync(error, { isLastAttempt: attempt.isLastAttempt, rateLimitPauseMs: this.meta.rateLimitPauseMs });
    const message = decision.failure.hint ?? decision.failure.message;
    this.logger.warn({ organisationId: sync.organisationId, syncId: sync.id, action: decision.action }, `Catalog sync stopped: ${message}`);
    switch (decision.action) {
      case 'delay':
        await this.syncs.update(sync.id, { state: 'queued', error: message, ...counters });
        return { next: 'delay', delayMs: decision.delayMs };
      case 'retry':
        await this.syncs.update(sync.id, { state: 'queued', error: message, ...counters });
        return { next: 'retry', error };
      case 'park':
      case 'fail':
        await this.finish(sync, 'failed', { error: message, ...counters });
        return { next: 'fail', message };
    }
  }
}

function issuesOf(map: Map<string, { errors: ItemIssue[]; warnings: ItemIssue[] }>, id: string) {
  let entry = map.get(id);
  if (!entry) map.set(id, (entry = { errors: [], warnings: [] }));
  return entry;
}

function pick(values: Partial<CatalogSync>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ['writeRequests', 'statusPolls', 'itemErrors', 'itemWarnings'] as const)
    if (values[key] !== undefined) out[key] = values[key]!;
  return out;
}
