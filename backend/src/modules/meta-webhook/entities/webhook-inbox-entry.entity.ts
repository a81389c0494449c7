import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookInboxStatus, type WebhookQuarantineReason } from '@legeai/contracts';
import type { IgnoredChange } from '../ingest/leadgen-changes';

/**
 * A webhook delivery from Meta exactly as received, stored before the 200 is sent so nothing is lost if processing
 * fails. The body's SHA-256 is unique: Meta's redeliveries of the same payload are recognised and not stored twice.
 */
@Entity({ name: 'meta_webhook_inbox' })
@Index('ix_meta_webhook_inbox_status_received', ['status', 'receivedAt'])
@Index('uq_meta_webhook_inbox_body_sha256', ['bodySha256'], { unique: true })
export class WebhookInboxEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;

  /** Resolved from the page id while processing; unknown when the delivery arrives (webhooks are app-wide). */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;

  /** The `object` of the payload (`page`, `permissions`, ...). */
  @Column({ name: 'object', type: 'varchar', length: 50, nullable: true }) object!: string | null;
  @Column({ name: 'raw_body', type: 'bytea' }) rawBody!: Buffer;
  /** The X-Hub-Signature-256 header as received. */
  @Column({ name: 'signature', type: 'varchar', length: 100, nullable: true }) signature!: string | null;
  @Column({ name: 'body_sha256', type: 'char', length: 64 }) bodySha256!: string;

  @Column({
    name: 'status',
    type: 'enum',
    enum: WebhookInboxStatus,
    enumName: 'webhook_inbox_status',
    default: WebhookInboxStatus.Received,
  })
  status!: WebhookInboxStatus;
  /** Why the body was quarantined (status `quarantined`, decided at ingest); null for a readable delivery. */
  @Column({ name: 'quarantine_reason', type: 'varchar', length: 30, nullable: true }) quarantineReason!: WebhookQuarantineReason | null;
  /** The Pages the delivery names, read at ingest, so listing deliveries per organisation never parses `raw_body`. */
  @Column({ name: 'page_ids', type: 'text', array: true, default: () => `'{}'` }) pageIds!: string[];
  /** Changes in the delivery (leadgen and others), read at ingest. */
  @Column({ name: 'change_count', type: 'integer', default: 0 }) changeCount!: number;
  @Column({ name: 'attempts', type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  /** The parts of the delivery that produced no job, each with its reason (unknown page, other field, ...). */
  @Column({ name: 'ignored_changes', type: 'jsonb', default: () => `'[]'` }) ignoredChanges!: IgnoredChange[];
  /** How many lead jobs the delivery produced (set when it was enqueued or ignored). */
  @Column({ name: 'job_count', type: 'integer', nullable: true }) jobCount!: number | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true }) enqueuedAt!: Date | null;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt!: Date | null;
  /** When the relay last checked an `enqueued` row against the queue and its leads (EnqueuedInboxCheck). */
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true }) checkedAt!: Date | null;
}
