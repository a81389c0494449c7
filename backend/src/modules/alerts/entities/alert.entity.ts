import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertEventType, AlertState } from '@legeai/contracts';

/**
 * One condition of an organisation, from when it was first seen until it cleared: at most one open row per
 * (organisation, condition key) (a partial unique index), so a condition seen at every evaluation is one alert.
 */
@Entity({ name: 'alerts' })
export class Alert {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** The condition source that raised it: only that source's evaluation may resolve it. */
  @Column({ type: 'varchar', length: 40 }) source!: string;
  @Column({ name: 'condition_key', type: 'varchar', length: 200 }) conditionKey!: string;
  @Column({ name: 'event_type', type: 'varchar', length: 40 }) eventType!: AlertEventType;
  @Column({ type: 'varchar', length: 10, default: 'open' }) state!: AlertState;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', nullable: true }) link!: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' }) openedAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
