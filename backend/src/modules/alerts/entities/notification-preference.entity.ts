import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertEventType } from '@legeai/contracts';

/** A user's choice of channels for one event type in one organisation; no row: the role's default. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ name: 'event_type', type: 'varchar', length: 40 }) eventType!: AlertEventType;
  @Column({ name: 'in_app', type: 'boolean' }) inApp!: boolean;
  @Column({ type: 'boolean' }) email!: boolean;
}
