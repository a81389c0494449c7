import type { AdReviewProblem } from '@legeai/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BIGINT_NUMBER } from './bigint-number.transformer';

/** An ad set, with its raw targeting spec and the summary columns the lists and the guardrails read. */
@Entity({ name: 'meta_ad_sets' })
@Index('uq_meta_ad_sets_org_ad_set', ['organisationId', 'adSetId'], { unique: true })
export class MetaAdSet {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'ad_account_id', type: 'varchar', length: 100 }) adAccountId!: string;
  @Column({ name: 'campaign_id', type: 'varchar', length: 100 }) campaignId!: string;
  @Column({ name: 'ad_set_id', type: 'varchar', length: 100 }) adSetId!: string;
  @Column({ name: 'name', type: 'text' }) name!: string;
  @Column({ name: 'status', type: 'varchar', length: 20 }) status!: string;
  @Column({ name: 'effective_status', type: 'varchar', length: 40 }) effectiveStatus!: string;
  @Column({ name: 'optimization_goal', type: 'varchar', length: 60 }) optimizationGoal!: string;
  @Column({ name: 'billing_event', type: 'varchar', length: 60, nullable: true }) billingEvent!: string | null;
  @Column({ name: 'destination_type', type: 'varchar', length: 40, nullable: true }) destinationType!: string | null;
  /** `promoted_object.page_id`: the Page whose instant forms the ad set uses. */
  @Column({ name: 'page_id', type: 'varchar', length: 100, nullable: true }) pageId!: string | null;
  @Column({ name: 'daily_budget_minor', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER }) dailyBudgetMinor!: number | null;
  @Column({ name: 'lifetime_budget_minor', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER }) lifetimeBudgetMinor!:
    number | null;
  @Column({ name: 'bid_strategy', type: 'varchar', length: 60, nullable: true }) bidStrategy!: string | null;
  @Column({ name: 'start_time', type: 'timestamptz', nullable: true }) startTime!: Date | null;
  @Column({ name: 'end_time', type: 'timestamptz', nullable: true }) endTime!: Date | null;
  /** Meta's targeting spec as sent. */
  @Column({ name: 'targeting', type: 'jsonb', default: () => `'{}'` }) targeting!: Record<string, unknown>;
  @Column({ name: 'targeting_text', type: 'text', default: '' }) targetingText!: string;
  @Column({ name: 'target_countries', type: 'text', array: true, default: () => `'{}'` }) targetCountries!: string[];
  @Column({ name: 'target_regions', type: 'text', array: true, default: () => `'{}'` }) targetRegions!: string[];
  @Column({ name: 'target_cities', type: 'text', array: true, default: () => `'{}'` }) targetCities!: string[];
  @Column({ name: 'target_zips', type: 'text', array: true, default: () => `'{}'` }) targetZips!: string[];
  @Column({ name: 'age_min', type: 'integer', nullable: true }) ageMin!: number | null;
  @Column({ name: 'age_max', type: 'integer', nullable: true }) ageMax!: number | null;
  @Column({ name: 'genders', type: 'integer', array: true, default: () => `'{}'` }) genders!: number[];
  @Column({ name: 'problems', type: 'jsonb', default: () => `'[]'` }) problems!: AdReviewProblem[];
  @Column({ name: 'meta_updated_at', type: 'timestamptz', nullable: true }) metaUpdatedAt!: Date | null;
  @Column({ name: 'synced_at', type: 'timestamptz' }) syncedAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
