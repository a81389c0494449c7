import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';

/**
 * An organisation's connection to Meta: the long-lived user token (encrypted) and what it may do. At most one
 * connection per organisation is live; disconnected rows stay for the audit trail.
 */
@Entity({ name: 'meta_integrations' })
@Index('uq_meta_integrations_live_per_org', ['organisationId'], { unique: true, where: `"status" <> 'disconnected'` })
export class MetaIntegration {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;

  /** The console user who connected the account. */
  @Column({ name: 'connected_by_user_id', type: 'uuid', nullable: true }) connectedByUserId!: string | null;

  @Column({ name: 'meta_user_id', type: 'varchar', length: 100, nullable: true }) metaUserId!: string | null;
  @Column({ name: 'meta_user_name', type: 'varchar', length: 255, nullable: true }) metaUserName!: string | null;

  /** AES-GCM ciphertext of the access token; `accessTokenKeyId` names the key that encrypted it. */
  @Column({ name: 'access_token_ciphertext', type: 'text' }) accessTokenCiphertext!: string;
  @Column({ name: 'access_token_key_id', type: 'varchar', length: 64 }) accessTokenKeyId!: string;
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt!: Date | null;

  /** Permissions Meta reports as granted; declined ones are kept to explain missing features. */
  @Column({ name: 'scopes', type: 'text', array: true, default: () => `'{}'` }) scopes!: string[];
  @Column({ name: 'declined_scopes', type: 'text', array: true, default: () => `'{}'` }) declinedScopes!: string[];

  @Column({
    name: 'status',
    type: 'enum',
    enum: MetaIntegrationStatus,
    enumName: 'meta_integration_status',
    default: MetaIntegrationStatus.Active,
  })
  status!: MetaIntegrationStatus;

  /** Why the connection needs attention (e.g. Meta's error message on token invalidation). */
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ name: 'last_validated_at', type: 'timestamptz', nullable: true }) lastValidatedAt!: Date | null;
  @Column({ name: 'disconnected_at', type: 'timestamptz', nullable: true }) disconnectedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
