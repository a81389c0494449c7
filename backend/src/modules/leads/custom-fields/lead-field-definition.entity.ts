import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { LeadFieldOptionDto, LeadFieldType } from '@legeai/contracts';

/** One of an organisation's own lead fields; its values live on `leads.custom_fields` under its key. */
@Entity({ name: 'lead_field_definitions' })
@Unique('uq_lead_field_definitions_org_key', ['organisationId', 'key'])
export class LeadFieldDefinition {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** Never changes: it is the key of the values on every lead and of mapping targets (`custom:<key>`). */
  @Column({ name: 'key', type: 'varchar', length: 40 }) key!: string;
  @Column({ name: 'label', type: 'varchar', length: 100 }) label!: string;
  @Column({ name: 'type', type: 'varchar', length: 20 }) type!: LeadFieldType;
  @Column({ name: 'options', type: 'jsonb', default: () => `'[]'` }) options!: LeadFieldOptionDto[];
  @Column({ name: 'position', type: 'integer', default: 0 }) position!: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
