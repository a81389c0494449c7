import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LeadStatus } from '@legeai/contracts';

export type LeadStatusChangeKind = 'status' | 'premium' | 'reopen';

/** numeric columns come back from pg as strings; keep them exact rather than floating. */
const decimalString = { to: (v: string | null) => v, from: (v: string | null) => v };

/**
 * One change of a lead's status or premium, kept for its timeline (the lead itself holds only the current state).
 * Written in the transaction of the change, with who made it.
 */
@Entity({ name: 'lead_status_changes' })
@Index('ix_lead_status_changes_lead', ['leadId', 'at', 'id'])
export class LeadStatusChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'kind', type: 'varchar', length: 10 }) kind!: LeadStatusChangeKind;
  @Column({ name: 'from_status', type: 'enum', enum: LeadStatus, enumName: 'lead_status', nullable: true }) fromStatus!: LeadStatus | null;
  @Column({ name: 'to_status', type: 'enum', enum: LeadStatus, enumName: 'lead_status' }) toStatus!: LeadStatus;
  @Column({ name: 'premium_value', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimalString })
  premiumValue!: string | null;
  @Column({ name: 'premium_currency', type: 'char', length: 3, nullable: true }) premiumCurrency!: string | null;
  @Column({ name: 'premium_unknown', type: 'boolean', default: false }) premiumUnknown!: boolean;
  @Column({ name: 'reason', type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'actor_type', type: 'enum', enum: ['user', 'api_key', 'system'], enumName: 'audit_actor_type' })
  actorType!: 'user' | 'api_key' | 'system';
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  /** clock_timestamp(): changes made in one transaction still keep their order. */
  @Column({ name: 'at', type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
}
