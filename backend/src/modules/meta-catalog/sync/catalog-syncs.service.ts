import { Injectable } from '@nestjs/common';
import { ErrorCode, type CatalogSyncDto, type Page } from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import type { PageQueryDto } from '../../../common/paging/page-query.dto';
import { AuditService } from '../../audit';
import { CatalogLinksRepository } from '../catalogs/catalog-links.repository';
import type { CatalogSync } from '../entities/catalog-sync.entity';
import { CatalogSyncService } from './catalog-sync.service';
import { CatalogSyncsRepository } from './catalog-syncs.repository';

export function syncDto(s: CatalogSync): CatalogSyncDto {
  return {
    id: s.id,
    catalogId: s.catalogId,
    trigger: s.trigger,
    state: s.state,
    creates: s.creates,
    updates: s.updates,
    deletes: s.deletes,
    skipped: s.skipped,
    itemErrors: s.itemErrors,
    itemWarnings: s.itemWarnings,
    writeRequests: s.writeRequests,
    statusPolls: s.statusPolls,
    batchesTotal: s.batchesTotal,
    batchesDone: s.batchesDone,
    pendingDeletes: s.pendingDeletes,
    error: s.error,
    queuedAt: s.queuedAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

const notFound = (id: string) => new ApiError(404, ErrorCode.NotFound, `Sync ${id} not found`);

/** "Sync now", the history, and an admin's answer to a sync the delete guard holds. */
@Injectable()
export class CatalogSyncsService {
  constructor(
    private readonly runner: CatalogSyncService,
    private readonly syncs: CatalogSyncsRepository,
    private readonly links: CatalogLinksRepository,
    private readonly audit: AuditService,
  ) {}

  async syncNow(principal: Principal): Promise<CatalogSyncDto> {
    const link = await this.links.find(principal.organisationId);
    if (!link) throw new ApiError(409, ErrorCode.Conflict, 'Link a Meta catalog before syncing');
    const { sync, created } = await this.runner.open(principal.organisationId, link.catalogId, 'on_demand');
    if (created)
      await this.audit.recordBy(principal, 'catalog.sync_requested', { type: 'catalog_sync', id: sync.id }, { catalogId: link.catalogId });
    return syncDto(sync);
  }

  async list(organisationId: string, query: PageQueryDto): Promise<Page<CatalogSyncDto>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.syncs.page(organisationId, limit, offset);
    return { items: rows.map(syncDto), total, limit, offset };
  }

  async get(organisationId: string, id: string): Promise<CatalogSyncDto> {
    const sync = await this.syncs.find(organisationId, id);
    if (!sync) throw notFound(id);
    return syncDto(sync);
  }

  /** Lets the held deletes through: the sync runs again and deletes exactly what the admin saw. */
  async confirm(principal: Principal, id: string): Promise<CatalogSyncDto> {
    const sync = await this.held(principal.organisationId, id);
    const moved = await this.syncs.transition(principal.organisationId, id, 'awaiting_confirmation', {
      state: 'queued',
      trigger: 'confirmation',
      confirmedDeletes: sync.pendingDeletes,
      confirmedBy: principal.kind === 'user' ? principal.id : null,
      error: null,
    });
    if (!moved) throw new ApiError(409, ErrorCode.Conflict, 'The sync is no longer waiting for a confirmation');
    await this.audit.recordBy(
      principal,
      'catalog.sync_confirmed',
      { type: 'catalog_sync', id },
      { deletes: sync.pendingDeletes?.length ?? 0 },
    );
    const updated = (await this.syncs.find(principal.organisationId, id))!;
    await this.runner.enqueue(updated, 'confirmed');
    return syncDto(updated);
  }

  /** Drops a held sync: nothing is deleted; the products stay as they are until the next sync. */
  async cancel(principal: Principal, id: string): Promise<CatalogSyncDto> {
    await this.held(principal.organisationId, id);
    const moved = await this.syncs.transition(principal.organisationId, id, 'awaiting_confirmation', {
      state: 'cancelled',
      finishedAt: new Date(),
    });
    if (!moved) throw new ApiError(409, ErrorCode.Conflict, 'The sync is no longer waiting for a confirmation');
    await this.audit.recordBy(principal, 'catalog.sync_cancelled', { type: 'catalog_sync', id });
    return this.get(principal.organisationId, id);
  }

  private async held(organisationId: string, id: string): Promise<CatalogSync> {
    const sync = await this.syncs.find(organisationId, id);
    if (!sync) throw notFound(id);
    if (sync.state !== 'awaiting_confirmation') throw new ApiError(409, ErrorCode.Conflict, 'The sync is not waiting for a confirmation');
    return sync;
  }
}
