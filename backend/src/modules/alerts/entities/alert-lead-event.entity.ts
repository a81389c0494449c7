import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The new-lead outbox: one row per stored lead, written in the lead's own transaction (a lead store lifecycle
 * listener), dispatched to the users who want immediate notices and counted by the digests; kept two days.
 */
@Entity({ name: 'alert_lead_events' })
export class AlertLeadEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
}
