import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An ad account reachable through an organisation's Meta connection. */
@Entity({ name: 'meta_ad_accounts' })
@Index('uq_meta_ad_accounts_org_account', ['organisationId', 'adAccountId'], { unique: true })
export class MetaAdAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'integration_id', type: 'uuid' }) integrationId!: string;

  /** Meta's id including the `act_` prefix, as the Graph API expects it in paths. */
  @Column({ name: 'ad_account_id', type: 'varchar', length: 100 }) adAccountId!: string;
  @Column({ name: 'ad_account_name', type: 'varchar', length: 255, nullable: true }) adAccountName!: string | null;
  @Column({ name: 'currency', type: 'varchar', length: 10, nullable: true }) currency!: string | null;
  @Column({ name: 'timezone', type: 'varchar', length: 100, nullable: true }) timezone!: string | null;
  /** Meta's numeric account_status (1 active, 2 disabled, ...). */
  @Column({ name: 'account_status', type: 'integer', nullable: true }) accountStatus!: number | null;
  @Column({ name: 'business_id', type: 'varchar', length: 100, nullable: true }) businessId!: string | null;
  @Column({ name: 'is_active', type: 'boolean', default: true }) isActive!: boolean;
  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true }) lastSyncedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
