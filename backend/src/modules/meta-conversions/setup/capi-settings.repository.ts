import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_CAPI_EVENT_NAMES, type CapiEventNames } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { MetaCapiSettings } from '../entities/meta-capi-settings.entity';

export interface CapiSettings {
  adAccountId: string | null;
  datasetId: string | null;
  datasetName: string | null;
  enabled: boolean;
  includeOrganic: boolean;
  includeTest: boolean;
  eventNames: CapiEventNames;
  updatedAt: Date | null;
}

/** An organisation that never set anything: nothing chosen, sending off, the default funnel names. */
export const DEFAULT_CAPI_SETTINGS: CapiSettings = {
  adAccountId: null,
  datasetId: null,
  datasetName: null,
  enabled: false,
  includeOrganic: false,
  includeTest: false,
  eventNames: { ...DEFAULT_CAPI_EVENT_NAMES },
  updatedAt: null,
};

/** Every statement on meta_capi_settings (the outbox writer reads it by SQL join, CapiOutboxRepository). */
@Injectable()
export class CapiSettingsRepository {
  constructor(@InjectRepository(MetaCapiSettings) private readonly rows: Repository<MetaCapiSettings>) {}

  async get(organisationId: string): Promise<CapiSettings> {
    const row = await this.rows.findOne({ where: { organisationId } });
    if (!row) return { ...DEFAULT_CAPI_SETTINGS, eventNames: { ...DEFAULT_CAPI_EVENT_NAMES } };
    return {
      adAccountId: row.adAccountId,
      datasetId: row.datasetId,
      datasetName: row.datasetName,
      enabled: row.enabled,
      includeOrganic: row.includeOrganic,
      includeTest: row.includeTest,
      eventNames: { ...DEFAULT_CAPI_EVENT_NAMES, ...row.eventNames },
      updatedAt: row.updatedAt,
    };
  }

  async save(organisationId: string, settings: Omit<CapiSettings, 'updatedAt'>, updatedBy: string | null): Promise<void> {
    await this.rows.upsert(
      { organisationId, ...settings, updatedBy },
      { conflictPaths: ['organisationId'], skipUpdateIfNoValuesChanged: false },
    );
  }
}
