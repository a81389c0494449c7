import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Links a Meta leadgen id to the LEGEAI lead made from it. The unique (organisation, Meta lead id) makes ingestion
 * idempotent: a webhook redelivery or an overlapping backfill cannot create the lead twice.
 */
@Entity({ name: 'meta_lead_mappings' })
@Index('uq_meta_lead_mappings_org_lead', ['organisationId', 'metaLeadId'], { unique: true })
export class MetaLeadMapping {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'meta_lead_id', type: 'varchar', length: 100 }) metaLeadId!: string;
  @Column({ name: 'legeai_lead_id', type: 'uuid', nullable: true }) legeaiLeadId!: string | null;

  /** Meta's form id, as received. */
  @Column({ name: 'form_id', type: 'varchar', length: 100, nullable: true }) formId!: string | null;
  @Column({ name: 'lead_form_id', type: 'uuid', nullable: true }) leadFormId!: string | null;
  /** How the lead arrived: `webhook` or `backfill`. */
  @Column({ name: 'source', type: 'varchar', length: 20, default: 'webhook' }) source!: string;
  @Column({ name: 'meta_created_time', type: 'timestamptz', nullable: true }) metaCreatedTime!: Date | null;
  @Column({ name: 'synced_at', type: 'timestamptz', default: () => 'now()' }) syncedAt!: Date;
}
