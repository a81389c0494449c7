import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NewLeadFrequency } from '@legeai/contracts';

/** How a user hears of new leads in one organisation, and when their last digest covered up to. No row: off. */
@Entity({ name: 'notification_digests' })
export class NotificationDigest {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar', length: 10 }) frequency!: Exclude<NewLeadFrequency, 'off'>;
  @Column({ name: 'last_sent_at', type: 'timestamptz', default: () => 'now()' }) lastSentAt!: Date;
}
