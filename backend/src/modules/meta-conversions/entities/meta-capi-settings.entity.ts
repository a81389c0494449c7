import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CapiEventNames } from '@legeai/contracts';

/** An organisation's Conversions API for CRM settings; an organisation without a row sends nothing. */
@Entity({ name: 'meta_capi_settings' })
export class MetaCapiSettings {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'ad_account_id', type: 'varchar', length: 100, nullable: true }) adAccountId!: string | null;
  @Column({ name: 'dataset_id', type: 'varchar', length: 100, nullable: true }) datasetId!: string | null;
  @Column({ name: 'dataset_name', type: 'varchar', length: 200, nullable: true }) datasetName!: string | null;
  @Column({ name: 'enabled', type: 'boolean', default: false }) enabled!: boolean;
  @Column({ name: 'include_organic', type: 'boolean', default: false }) includeOrganic!: boolean;
  @Column({ name: 'include_test', type: 'boolean', default: false }) includeTest!: boolean;
  @Column({ name: 'event_names', type: 'jsonb' }) eventNames!: CapiEventNames;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
