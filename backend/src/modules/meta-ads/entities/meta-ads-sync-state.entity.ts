import type { AdAccountSyncStateDto } from '@legeai/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How the mirror of one ad account stands: the last sync's outcome and the Graph requests it took. */
@Entity({ name: 'meta_ads_sync_state' })
export class MetaAdsSyncState {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ name: 'ad_account_id', type: 'varchar', length: 100 }) adAccountId!: string;
  @Column({ name: 'state', type: 'varchar', length: 10, default: 'never' }) state!: AdAccountSyncStateDto['state'];
  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true }) queuedAt!: Date | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true }) lastSyncedAt!: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'last_requests', type: 'integer', nullable: true }) lastRequests!: number | null;
  @Column({ name: 'last_objects', type: 'integer', nullable: true }) lastObjects!: number | null;
  /** While paused by Meta's throttling: when the sync runs again. */
  @Column({ name: 'resumes_at', type: 'timestamptz', nullable: true }) resumesAt!: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
