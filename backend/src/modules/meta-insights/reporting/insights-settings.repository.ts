import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InsightsSettingsDto } from '@legeai/contracts';
import { DataSource } from 'typeorm';

/** An organisation that never chose: ROI on the premium won. */
export const DEFAULT_INSIGHTS_SETTINGS: InsightsSettingsDto = { roiBasis: 'premium', commissionRate: null };

/** Every statement on meta_insights_settings. */
@Injectable()
export class InsightsSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(organisationId: string): Promise<InsightsSettingsDto> {
    const [row] = await this.db.query<{ roi_basis: 'premium' | 'commission'; commission_rate: string | null }[]>(
      `SELECT roi_basis, commission_rate FROM meta_insights_settings WHERE organisation_id = $1`,
      [organisationId],
    );
    if (!row) return { ...DEFAULT_INSIGHTS_SETTINGS };
    return { roiBasis: row.roi_basis, commissionRate: row.commission_rate === null ? null : Number(row.commission_rate) };
  }

  async save(organisationId: string, settings: InsightsSettingsDto): Promise<void> {
    await this.db.query(
      `INSERT INTO meta_insights_settings (organisation_id, roi_basis, commission_rate, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (organisation_id) DO UPDATE
         SET roi_basis = EXCLUDED.roi_basis, commission_rate = EXCLUDED.commission_rate, updated_at = now()`,
      [organisationId, settings.roiBasis, settings.commissionRate],
    );
  }
}
