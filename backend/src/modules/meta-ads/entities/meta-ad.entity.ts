import type { AdCreativeSummary, AdReviewProblem } from '@legeai/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An ad with the summary of its creative and the lead form its call to action opens. */
@Entity({ name: 'meta_ads' })
@Index('uq_meta_ads_org_ad', ['organisationId', 'adId'], { unique: true })
export class MetaAd {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'ad_account_id', type: 'varchar', length: 100 }) adAccountId!: string;
  @Column({ name: 'campaign_id', type: 'varchar', length: 100 }) campaignId!: string;
  @Column({ name: 'ad_set_id', type: 'varchar', length: 100 }) adSetId!: string;
  @Column({ name: 'ad_id', type: 'varchar', length: 100 }) adId!: string;
  @Column({ name: 'name', type: 'text' }) name!: string;
  @Column({ name: 'status', type: 'varchar', length: 20 }) status!: string;
  @Column({ name: 'effective_status', type: 'varchar', length: 40 }) effectiveStatus!: string;
  @Column({ name: 'creative', type: 'jsonb', nullable: true }) creative!: AdCreativeSummary | null;
  @Column({ name: 'lead_form_id', type: 'varchar', length: 100, nullable: true }) leadFormId!: string | null;
  @Column({ name: 'problems', type: 'jsonb', default: () => `'[]'` }) problems!: AdReviewProblem[];
  @Column({ name: 'meta_updated_at', type: 'timestamptz', nullable: true }) metaUpdatedAt!: Date | null;
  @Column({ name: 'synced_at', type: 'timestamptz' }) syncedAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
