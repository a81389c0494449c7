import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CatalogSync } from '../entities/catalog-sync.entity';

/** Syncs that hold the organisation's catalog: a new trigger joins one of them instead of starting another. */
export const ACTIVE_SYNC_STATES = ['queued', 'running', 'awaiting_confirmation'] as const;

@Injectable()
export class CatalogSyncsRepository {
  constructor(@InjectRepository(CatalogSync) private readonly repo: Repository<CatalogSync>) {}

  create(values: Partial<CatalogSync>): Promise<CatalogSync> {
    return this.repo.save(this.repo.create(values));
  }

  find(organisationId: string, id: string): Promise<CatalogSync | null> {
    return this.repo.findOneBy({ organisationId, id });
  }

  active(organisationId: string): Promise<CatalogSync | null> {
    return this.repo.findOne({ where: { organisationId, state: In([...ACTIVE_SYNC_STATES]) }, order: { queuedAt: 'DESC' } });
  }

  page(organisationId: string, limit: number, offset: number): Promise<[CatalogSync[], number]> {
    return this.repo.findAndCount({ where: { organisationId }, order: { queuedAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }

  /**
   * The organisation's last `inARow` finished syncs when every one of them failed, newest first; otherwise none
   * (read by alerts: a catalog sync that keeps failing).
   */
  async failedInARow(organisationId: string, inARow: number): Promise<CatalogSync[]> {
    const last = await this.repo.find({
      where: { organisationId, state: In(['succeeded', 'failed', 'cancelled']) },
      order: { queuedAt: 'DESC' },
      take: inARow,
    });
    return last.length === inARow && last.every((sync) => sync.state === 'failed') ? last : [];
  }

  async update(id: string, values: Partial<CatalogSync>): Promise<void> {
    await this.repo.update({ id }, values);
  }

  /** Moves a sync from one state to another only if it is still in the first: two confirmations make one run. */
  async transition(organisationId: string, id: string, from: CatalogSync['state'], values: Partial<CatalogSync>): Promise<boolean> {
    const result = await this.repo.update({ organisationId, id, state: from }, values);
    return (result.affected ?? 0) > 0;
  }
}
