import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HealthCheckLevel, MetaHealthCheck, MetaIntegrationStatus } from '@legeai/contracts';

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
  /** Both null once the connection is disconnected (tokens are wiped, the row stays as history). */
  @Column({ name: 'access_token_ciphertext', type: 'text', nullable: true }) accessTokenCiphertext!: string | null;
  @Column({ name: 'access_token_key_id', type: 'varchar', length: 64, nullable: true }) accessTokenKeyId!: string | null;
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt!: Date | null;
  /** End of the ~90-day data access window of a user token; data calls fail after it even if the token is valid. */
  @Column({ name: 'data_access_expires_at', type: 'timestamptz', nullable: true }) dataAccessExpiresAt!: Date | null;
  /** `debug_token`'s type: USER, SYSTEM_USER, ... */
  @Column({ name: 'token_type', type: 'varchar', length: 20, nullable: true }) tokenType!: string | null;
  /** The business a SYSTEM_USER token belongs to (`/me?fields=client_business_id`); null for a person's token. */
  @Column({ name: 'meta_business_id', type: 'varchar', length: 100, nullable: true }) metaBusinessId!: string | null;
  @Column({ name: 'meta_business_name', type: 'varchar', length: 255, nullable: true }) metaBusinessName!: string | null;

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
  /** When the token in use was granted (set again on every reconnect). */
  @Column({ name: 'connected_at', type: 'timestamptz', nullable: true }) connectedAt!: Date | null;
  @Column({ name: 'last_checked_at', type: 'timestamptz', nullable: true }) lastCheckedAt!: Date | null;
  /** The checks of the last health run, as shown on the console's connection card. */
  @Column({ name: 'health_checks', type: 'jsonb', default: () => `'[]'` }) healthChecks!: MetaHealthCheck[];
  @Column({ name: 'health_overall', type: 'varchar', length: 10, nullable: true }) healthOverall!: HealthCheckLevel | null;
  @Column({ name: 'disconnected_at', type: 'timestamptz', nullable: true }) disconnectedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
