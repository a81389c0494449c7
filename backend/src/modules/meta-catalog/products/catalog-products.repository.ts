import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CatalogProduct } from '../entities/catalog-product.entity';
import type { ItemIssue, ProductSyncState } from './product-fields';

/** What a sync learnt about one product it sent (or did not send). */
export interface ProductOutcome {
  id: string;
  /** The hash that was sent; null when nothing was sent (readiness issues, a failed batch). */
  sentHash: string | null;
  /** Whether the catalog accepted it (then `synced_hash` becomes `sentHash`). */
  accepted: boolean;
  state: ProductSyncState;
  errors: ItemIssue[];
  warnings: ItemIssue[];
}

const CHUNK = 2000;

/** Every statement on `catalog_products`; always scoped by organisation. */
@Injectable()
export class CatalogProductsRepository {
  constructor(@InjectRepository(CatalogProduct) private readonly repo: Repository<CatalogProduct>) {}

  create(values: Partial<CatalogProduct>): CatalogProduct {
    return this.repo.create(values);
  }

  save(product: CatalogProduct): Promise<CatalogProduct> {
    return this.repo.save(product);
  }

  saveMany(products: CatalogProduct[]): Promise<CatalogProduct[]> {
    return this.repo.save(products, { chunk: 500 });
  }

  findLive(organisationId: string, id: string): Promise<CatalogProduct | null> {
    return this.repo
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.id = :id AND p.deleted_at IS NULL', { organisationId, id })
      .getOne();
  }

  /** By retailer id, deleted ones included (a retailer id stays taken until its DELETE reached the catalog). */
  byRetailerIds(organisationId: string, retailerIds: string[]): Promise<CatalogProduct[]> {
    if (retailerIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.retailer_id = ANY(:retailerIds)', { organisationId, retailerIds })
      .getMany();
  }

  async page(
    organisationId: string,
    filter: { syncState?: ProductSyncState; search?: string },
    limit: number,
    offset: number,
  ): Promise<[CatalogProduct[], number]> {
    const q = this.repo
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.deleted_at IS NULL', { organisationId })
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .skip(offset);
    if (filter.syncState) q.andWhere('p.sync_state = :state', { state: filter.syncState });
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere('(p.name ILIKE :like OR p.retailer_id ILIKE :like)', { like });
    }
    return q.getManyAndCount();
  }

  /** Everything a sync looks at: live products and deleted ones the catalog may still hold. */
  forSync(organisationId: string): Promise<CatalogProduct[]> {
    return this.repo
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId', { organisationId })
      .andWhere('(p.deleted_at IS NULL OR p.sent_hash IS NOT NULL OR p.synced_hash IS NOT NULL)')
      .orderBy('p.retailer_id', 'ASC')
      .getMany();
  }

  /** Soft delete: the row stays until the sync deleted the item from the catalog. */
  async markDeleted(organisationId: string, id: string): Promise<void> {
    await this.repo.query(
      `UPDATE catalog_products SET deleted_at = now(), sync_state = 'pending', updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [organisationId, id],
    );
  }

  /** Rows of deleted products the catalog never held, and of deletes the catalog applied. */
  async purge(organisationId: string, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.repo.query(`DELETE FROM catalog_products WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NOT NULL`, [
        organisationId,
        ids.slice(i, i + CHUNK),
      ]);
    }
  }

  async purgeNeverSent(organisationId: string): Promise<void> {
    await this.repo.query(
      `DELETE FROM catalog_products WHERE organisation_id = $1 AND deleted_at IS NOT NULL AND sent_hash IS NULL AND synced_hash IS NULL`,
      [organisationId],
    );
  }

  /**
   * Stores a sync's outcomes in bulk. A product edited while the sync ran (its content hash no longer the one sent)
   * stays `pending`: the next sync sends the new content.
   */
  async applyOutcomes(organisationId: string, outcomes: ProductOutcome[]): Promise<void> {
    for (let i = 0; i < outcomes.length; i += CHUNK) {
      const part = outcomes.slice(i, i + CHUNK);
      await this.repo.query(
        `UPDATE catalog_products p SET
           sent_hash = COALESCE(o.sent_hash, p.sent_hash),
           synced_hash = CASE WHEN o.accepted THEN o.sent_hash ELSE p.synced_hash END,
           sync_state = CASE WHEN o.sent_hash IS NOT NULL AND p.content_hash <> o.sent_hash THEN 'pending' ELSE o.state END,
           sync_errors = o.errors,
           sync_warnings = o.warnings,
           synced_at = CASE WHEN o.accepted THEN now() ELSE p.synced_at END
         FROM (SELECT * FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::jsonb[], $7::jsonb[])
               AS t(id, sent_hash, accepted, state, errors, warnings)) o
         WHERE p.organisation_id = $1 AND p.id = o.id`,
        [
          organisationId,
          part.map((o) => o.id),
          part.map((o) => o.sentHash),
          part.map((o) => o.accepted),
          part.map((o) => o.state),
          part.map((o) => JSON.stringify(o.errors)),
          part.map((o) => JSON.stringify(o.warnings)),
        ],
      );
    }
  }

  /** A newly linked catalog holds none of our items yet: every product is to be sent again, tombstones forgotten. */
  async resetSyncMarks(organisationId: string): Promise<void> {
    await this.repo.query(`DELETE FROM catalog_products WHERE organisation_id = $1 AND deleted_at IS NOT NULL`, [organisationId]);
    await this.repo.query(
      `UPDATE catalog_products SET sent_hash = NULL, synced_hash = NULL, sync_state = 'pending', sync_errors = '[]',
              sync_warnings = '[]', synced_at = NULL WHERE organisation_id = $1`,
      [organisationId],
    );
  }
}
