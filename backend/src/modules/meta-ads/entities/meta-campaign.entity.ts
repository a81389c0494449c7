import type { AdReviewProblem } from '@legeai/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BIGINT_NUMBER } from './bigint-number.transformer';

/** A campaign of a connected ad account, as last read from Meta (or written back after our own write). */
@Entity({ name: 'meta_campaigns' })
@Index('uq_meta_campaigns_org_campaign', ['organisationId', 'campaignId'], { unique: true })
export class MetaCampaign {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** `act_…`. */
  @Column({ name: 'ad_account_id', type: 'varchar', length: 100 }) adAccountId!: string;
  @Column({ name: 'campaign_id', type: 'varchar', length: 100 }) campaignId!: string;
  @Column({ name: 'name', type: 'text' }) name!: string;
  @Column({ name: 'status', type: 'varchar', length: 20 }) status!: string;
  @Column({ name: 'effective_status', type: 'varchar', length: 40 }) effectiveStatus!: string;
  @Column({ name: 'objective', type: 'varchar', length: 60 }) objective!: string;
  @Column({ name: 'special_ad_categories', type: 'text', array: true, default: () => `'{}'` }) specialAdCategories!: string[];
  @Column({ name: 'special_ad_category_country', type: 'text', array: true, default: () => `'{}'` }) specialAdCategoryCountry!: string[];
  @Column({ name: 'daily_budget_minor', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER }) dailyBudgetMinor!: number | null;
  @Column({ name: 'lifetime_budget_minor', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER }) lifetimeBudgetMinor!:
    number | null;
  @Column({ name: 'bid_strategy', type: 'varchar', length: 60, nullable: true }) bidStrategy!: string | null;
  @Column({ name: 'start_time', type: 'timestamptz', nullable: true }) startTime!: Date | null;
  @Column({ name: 'stop_time', type: 'timestamptz', nullable: true }) stopTime!: Date | null;
  @Column({ name: 'problems', type: 'jsonb', default: () => `'[]'` }) problems!: AdReviewProblem[];
  /** Meta's `updated_time`. */
  @Column({ name: 'meta_updated_at', type: 'timestamptz', nullable: true }) metaUpdatedAt!: Date | null;
  @Column({ name: 'synced_at', type: 'timestamptz' }) syncedAt!: Date;
  /** Set when Meta answered it DELETED or a full sync no longer listed it. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
