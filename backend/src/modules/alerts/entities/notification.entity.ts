import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertEventType, NotificationKind } from '@legeai/contracts';

/** What one user is told in the console, in one organisation (a user may belong to several). */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'alert_id', type: 'uuid', nullable: true }) alertId!: string | null;
  @Column({ name: 'event_type', type: 'varchar', length: 40 }) eventType!: AlertEventType;
  @Column({ type: 'varchar', length: 10 }) kind!: NotificationKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', nullable: true }) link!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
