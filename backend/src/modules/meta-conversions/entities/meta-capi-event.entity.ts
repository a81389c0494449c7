import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LeadStatus, type CapiEventState, type CapiMetaAnswer } from '@legeai/contracts';

/**
 * The outbox of Conversions API events: one row per (organisation, event id = `<Meta lead id>:<status>`), written in
 * the transaction of the lead's change and sent after it commits. Every statement is in CapiOutboxRepository.
 */
@Entity({ name: 'meta_capi_events' })
@Index('uq_meta_capi_events_event', ['organisationId', 'eventId'], { unique: true })
export class MetaCapiEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'meta_lead_id', type: 'varchar', length: 100 }) metaLeadId!: string;
  @Column({ name: 'dataset_id', type: 'varchar', length: 100 }) datasetId!: string;
  @Column({ name: 'lead_status', type: 'enum', enum: LeadStatus, enumName: 'lead_status' }) leadStatus!: LeadStatus;
  @Column({ name: 'event_name', type: 'varchar', length: 100 }) eventName!: string;
  @Column({ name: 'event_id', type: 'varchar', length: 140 }) eventId!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
  @Column({ name: 'event_time', type: 'timestamptz' }) eventTime!: Date;
  @Column({ name: 'state', type: 'varchar', length: 10, default: 'pending' }) state!: CapiEventState;
  @Column({ name: 'attempts', type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'answer', type: 'jsonb', nullable: true }) answer!: CapiMetaAnswer | null;
  @Column({ name: 'test_event_code', type: 'varchar', length: 60, nullable: true }) testEventCode!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
