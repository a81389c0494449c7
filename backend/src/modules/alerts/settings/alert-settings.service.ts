import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_ALERT_SETTINGS, type AlertSettingsDto, type UpdateAlertSettingsRequest } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../common/auth/principal';
import { AuditService } from '../../audit';
import { AlertSettings } from '../entities/alert-settings.entity';

/** The organisation's thresholds of the failure conditions: DEFAULT_ALERT_SETTINGS until an admin changes one. */
@Injectable()
export class AlertSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(organisationId: string): Promise<AlertSettingsDto> {
    const row = await this.db.getRepository(AlertSettings).findOne({ where: { organisationId } });
    return row ? toDto(row) : { ...DEFAULT_ALERT_SETTINGS };
  }

  async update(principal: Principal, change: UpdateAlertSettingsRequest): Promise<AlertSettingsDto> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(AlertSettings);
      const stored = await repo.findOne({ where: { organisationId: principal.organisationId }, lock: { mode: 'pessimistic_write' } });
      const before = stored ? toDto(stored) : { ...DEFAULT_ALERT_SETTINGS };
      const after: AlertSettingsDto = { ...before, ...definedOnly(change) };
      await repo.upsert({ organisationId: principal.organisationId, ...after, updatedAt: new Date() }, ['organisationId']);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.audit.recordBy(
          principal,
          'alerts.settings_updated',
          { type: 'organisation', id: principal.organisationId },
          { before, after },
          m,
        );
      }
      return after;
    });
  }
}

function toDto(row: AlertSettings): AlertSettingsDto {
  return {
    failedLeadsThreshold: row.failedLeadsThreshold,
    parkedLeadsThreshold: row.parkedLeadsThreshold,
    failedLeadsWindowHours: row.failedLeadsWindowHours,
    syncFailuresInARow: row.syncFailuresInARow,
  };
}

function definedOnly(change: UpdateAlertSettingsRequest): Partial<AlertSettingsDto> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<AlertSettingsDto>;
}
