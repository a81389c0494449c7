import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MailState } from '@legeai/contracts';

/**
 * The mail outbox: every outgoing email, written in the transaction of what it tells and sent by a `send-mail` job.
 * With no SMTP server configured it is `kept` here, for an admin to read in the console.
 */
@Entity({ name: 'mail_outbox' })
export class MailMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ name: 'to_address', type: 'varchar', length: 320 }) to!: string;
  @Column({ name: 'from_address', type: 'varchar', length: 320 }) from!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'text_body', type: 'text' }) text!: string;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) state!: MailState;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
