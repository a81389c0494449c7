import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogSyncState, CatalogSyncTrigger } from '../products/product-fields';

/** One sync of an organisation's products to its catalog: what it sent, what Meta said, how it ended. */
@Entity({ name: 'catalog_syncs' })
export class CatalogSync {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'catalog_id', type: 'varchar', length: 100 }) catalogId!: string;
  @Column({ type: 'varchar', length: 20 }) trigger!: CatalogSyncTrigger;
  @Column({ type: 'varchar', length: 30 }) state!: CatalogSyncState;
  @Column({ type: 'integer', default: 0 }) creates!: number;
  @Column({ type: 'integer', default: 0 }) updates!: number;
  @Column({ type: 'integer', default: 0 }) deletes!: number;
  /** Products not sent because they are not ready for Meta (readiness issues stored on them). */
  @Column({ type: 'integer', default: 0 }) skipped!: number;
  @Column({ name: 'item_errors', type: 'integer', default: 0 }) itemErrors!: number;
  @Column({ name: 'item_warnings', type: 'integer', default: 0 }) itemWarnings!: number;
  @Column({ name: 'write_requests', type: 'integer', default: 0 }) writeRequests!: number;
  @Column({ name: 'status_polls', type: 'integer', default: 0 }) statusPolls!: number;
  @Column({ name: 'batches_total', type: 'integer', default: 0 }) batchesTotal!: number;
  @Column({ name: 'batches_done', type: 'integer', default: 0 }) batchesDone!: number;
  /** While held by the delete guard: the retailer ids the sync would delete. */
  @Column({ name: 'pending_deletes', type: 'jsonb', nullable: true }) pendingDeletes!: string[] | null;
  /** The deletes an admin confirmed; the sync deletes these and holds again on any other. */
  @Column({ name: 'confirmed_deletes', type: 'jsonb', nullable: true }) confirmedDeletes!: string[] | null;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy!: string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'now()' }) queuedAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
