import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LeadSyncState, type LeadSyncErrorKind } from '@legeai/contracts';

/**
 * One Meta lead's way through the pipeline for one organisation: received → fetched → mapped → stored, or failed /
 * parked with the error and a hint. Unique per (organisation, leadgen id): every job, retry and replay of the lead
 * updates the same row.
 */
@Entity({ name: 'meta_lead_syncs' })
@Index('uq_meta_lead_syncs_org_leadgen', ['organisationId', 'leadgenId'], { unique: true })
export class MetaLeadSync {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** Meta's ids. */
  @Column({ name: 'page_id', type: 'varchar', length: 100 }) pageId!: string;
  @Column({ name: 'form_id', type: 'varchar', length: 100, nullable: true }) formId!: string | null;
  @Column({ name: 'leadgen_id', type: 'varchar', length: 100 }) leadgenId!: string;
  @Column({ name: 'lead_id', type: 'uuid', nullable: true }) leadId!: string | null;
  /** The webhook delivery that announced the lead. */
  @Column({ name: 'inbox_id', type: 'uuid', nullable: true }) inboxId!: string | null;

  @Column({ name: 'state', type: 'enum', enum: LeadSyncState, enumName: 'meta_lead_sync_state', default: LeadSyncState.Pending })
  state!: LeadSyncState;

  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'fetched_at', type: 'timestamptz', nullable: true }) fetchedAt!: Date | null;
  @Column({ name: 'mapped_at', type: 'timestamptz', nullable: true }) mappedAt!: Date | null;
  @Column({ name: 'stored_at', type: 'timestamptz', nullable: true }) storedAt!: Date | null;

  @Column({ name: 'attempts', type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'replays', type: 'integer', default: 0 }) replays!: number;
  @Column({ name: 'error_kind', type: 'varchar', length: 20, nullable: true }) errorKind!: LeadSyncErrorKind | null;
  @Column({ name: 'error_code', type: 'integer', nullable: true }) errorCode!: number | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage!: string | null;
  @Column({ name: 'hint', type: 'text', nullable: true }) hint!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
