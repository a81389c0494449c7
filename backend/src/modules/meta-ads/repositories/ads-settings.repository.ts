import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MetaAdsSettings } from '../entities/meta-ads-settings.entity';

export interface AdsBudgetSettings {
  dailyBudgetCeilingMinor: number | null;
  confirmChangeAbovePercent: number;
}

/** The defaults of an organisation that never set its guardrails: no ceiling, confirm increases above 50 %. */
export const DEFAULT_ADS_SETTINGS: AdsBudgetSettings = { dailyBudgetCeilingMinor: null, confirmChangeAbovePercent: 50 };

/** Every statement on meta_ads_settings. */
@Injectable()
export class AdsSettingsRepository {
  constructor(@InjectRepository(MetaAdsSettings) private readonly rows: Repository<MetaAdsSettings>) {}

  async get(organisationId: string): Promise<AdsBudgetSettings> {
    const row = await this.rows.findOne({ where: { organisationId } });
    return row
      ? { dailyBudgetCeilingMinor: row.dailyBudgetCeilingMinor, confirmChangeAbovePercent: row.confirmChangeAbovePercent }
      : { ...DEFAULT_ADS_SETTINGS };
  }

  async save(organisationId: string, settings: AdsBudgetSettings, updatedBy: string | null): Promise<void> {
    await this.rows.upsert(
      { organisationId, ...settings, updatedBy },
      { conflictPaths: ['organisationId'], skipUpdateIfNoValuesChanged: false },
    );
  }
}
