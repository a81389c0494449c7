import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DataDeletionStatus = 'received' | 'completed';

/**
 * A data deletion request Meta forwarded for one of its users. The confirmation code is what Meta shows the
 * user; the public status page looks it up.
 */
@Entity({ name: 'meta_data_deletion_requests' })
export class MetaDataDeletionRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'confirmation_code', type: 'varchar', length: 64 }) confirmationCode!: string;
  @Column({ name: 'meta_user_id', type: 'varchar', length: 100 }) metaUserId!: string;
  @Column({ name: 'status', type: 'varchar', length: 20 }) status!: DataDeletionStatus;
  @Column({ name: 'integrations_affected', type: 'integer', default: 0 }) integrationsAffected!: number;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
