import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BIGINT_NUMBER } from './bigint-number.transformer';

/** An organisation's budget guardrails; an organisation without a row has the defaults (no ceiling, 50 %). */
@Entity({ name: 'meta_ads_settings' })
export class MetaAdsSettings {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'daily_budget_ceiling_minor', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER }) dailyBudgetCeilingMinor!:
    number | null;
  @Column({ name: 'confirm_change_above_percent', type: 'integer', default: 50 }) confirmChangeAbovePercent!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
