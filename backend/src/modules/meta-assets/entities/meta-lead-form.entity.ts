import type { LeadFormReconcileOutcome } from '@legeai/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LeadFormMapping } from '@legeai/contracts';
import type { LeadFormLegalContent } from '../lead-form-legal-content';

/** A lead form of a connected page, and whether its leads are pulled into LEGEAI automatically. */
@Entity({ name: 'meta_lead_forms' })
@Index('uq_meta_lead_forms_org_form', ['organisationId', 'formId'], { unique: true })
export class MetaLeadForm {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** The owning row in meta_pages (not Meta's page id). */
  @Column({ name: 'page_id', type: 'uuid' }) pageId!: string;

  @Column({ name: 'form_id', type: 'varchar', length: 100 }) formId!: string;
  @Column({ name: 'form_name', type: 'varchar', length: 255, nullable: true }) formName!: string | null;
  /** Meta's form status (ACTIVE, ARCHIVED, ...). */
  @Column({ name: 'status', type: 'varchar', length: 50, nullable: true }) status!: string | null;
  @Column({ name: 'locale', type: 'varchar', length: 20, nullable: true }) locale!: string | null;
  /** The form's questions as Meta describes them, used to map answers to lead fields. */
  @Column({ name: 'questions', type: 'jsonb', default: () => `'[]'` }) questions!: unknown[];
  /**
   * Which question fills which lead field, default values and required fields; null = Meta's standard defaults.
   * Written and read by lead capture (meta-leads/mapping), which decides what a mapping means.
   */
  @Column({ name: 'mapping', type: 'jsonb', nullable: true }) mapping!: LeadFormMapping | null;
  /** The disclaimer, consent checkboxes and privacy policy the person agreed to; null when the form has none. */
  @Column({ name: 'legal_content', type: 'jsonb', nullable: true }) legalContent!: LeadFormLegalContent | null;
  /** Meta's `leads_count` for the form, as of the last asset refresh. */
  @Column({ name: 'leads_count', type: 'integer', default: 0 }) leadsCount!: number;
  /** Leads stored here from the form (test leads included), kept by meta-leads' FormLeadCounts. */
  @Column({ name: 'leads_stored', type: 'integer', default: 0 }) leadsStored!: number;
  /** The form's `created_time` at Meta. */
  @Column({ name: 'meta_created_at', type: 'timestamptz', nullable: true }) metaCreatedAt!: Date | null;
  @Column({ name: 'auto_sync', type: 'boolean', default: true }) autoSync!: boolean;
  /** High-water mark of the backfill: leads created before this instant have been fetched. */
  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true }) lastSyncedAt!: Date | null;

  /** The last reconciliation sweep of the form's leads: when, how it went, and what it read or why it stopped. */
  @Column({ name: 'last_reconciled_at', type: 'timestamptz', nullable: true }) lastReconciledAt!: Date | null;
  @Column({ name: 'last_reconcile_outcome', type: 'varchar', length: 10, nullable: true })
  lastReconcileOutcome!: LeadFormReconcileOutcome | null;
  @Column({ name: 'last_reconcile_note', type: 'text', nullable: true }) lastReconcileNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
