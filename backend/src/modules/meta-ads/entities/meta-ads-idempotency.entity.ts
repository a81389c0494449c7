import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of a write: the hash of the request it came with and, once done, the answer given, so a
 * retried request gets the same answer without a second Graph write.
 */
@Entity({ name: 'meta_ads_idempotency' })
export class MetaAdsIdempotency {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ name: 'key', type: 'varchar', length: 255 }) key!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ name: 'state', type: 'varchar', length: 10, default: 'pending' }) state!: 'pending' | 'done';
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus!: number | null;
  @Column({ name: 'response', type: 'jsonb', nullable: true }) response!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
