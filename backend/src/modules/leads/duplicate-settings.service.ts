import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DuplicateMatchLevel, DuplicateSettingsDto, UpdateDuplicateSettingsRequest } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { leadsConfig } from '../../config/leads.config';
import { Principal } from '../../common/auth/principal';
import { ValidationFailedError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { duplicateRuleOf, type StoredDuplicateSettings } from './store/duplicate-settings.row';

const RANK: Record<DuplicateMatchLevel, number> = { ignore: 0, possible: 1, duplicate: 2 };

interface SettingsRow extends StoredDuplicateSettings {
  updatedAt: Date;
}

/**
 * The organisation's person-matching rule (`lead_duplicate_settings`; no row: the default rule with the configured
 * window). Lead capture reads it with each claim, so a change applies to the leads arriving after it; leads already
 * stored keep their links.
 */
@Injectable()
export class DuplicateSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(leadsConfig.KEY) private readonly config: Pick<ConfigType<typeof leadsConfig>, 'duplicateWindowDays'>,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal): Promise<DuplicateSettingsDto> {
    return this.toDto(await this.row(this.dataSource.manager, principal.organisationId));
  }

  /** Replaces the rule; audited as lead_duplicate_settings.updated with before and after. */
  update(principal: Principal, change: UpdateDuplicateSettingsRequest): Promise<DuplicateSettingsDto> {
    if (RANK[change.phoneOnly] > RANK[change.phoneAndName]) {
      throw new ValidationFailedError([
        { field: 'phoneOnly', messages: ['phoneOnly must not weigh more than phoneAndName: a shared phone alone is weaker evidence'] },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      const before = this.toDto(await this.row(m, principal.organisationId, true));
      await m.query(
        `INSERT INTO lead_duplicate_settings (organisation_id, email_match, phone_name_match, phone_match, window_days, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (organisation_id) DO UPDATE SET email_match = $2, phone_name_match = $3, phone_match = $4,
           window_days = $5, updated_by = $6, updated_at = now()`,
        [
          principal.organisationId,
          change.email,
          change.phoneAndName,
          change.phoneOnly,
          change.windowDays,
          principal.kind === 'user' ? principal.id : null,
        ],
      );
      const after = this.toDto(await this.row(m, principal.organisationId));
      await this.audit.recordBy(
        principal,
        'lead_duplicate_settings.updated',
        { type: 'organisation', id: principal.organisationId },
        { before: rule(before), after: rule(after) },
        m,
      );
      return after;
    });
  }

  private async row(m: EntityManager, organisationId: string, lock = false): Promise<SettingsRow | null> {
    const rows = (await m.query(
      `SELECT email_match AS email, phone_name_match AS "phoneAndName", phone_match AS "phoneOnly", window_days AS "windowDays",
              updated_at AS "updatedAt"
         FROM lead_duplicate_settings WHERE organisation_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [organisationId],
    )) as SettingsRow[];
    return rows[0] ?? null;
  }

  private toDto(row: SettingsRow | null): DuplicateSettingsDto {
    return {
      ...duplicateRuleOf(row && rule(row), this.config.duplicateWindowDays),
      updatedAt: row ? row.updatedAt.toISOString() : null,
      isDefault: !row,
    };
  }
}

const rule = ({ email, phoneAndName, phoneOnly, windowDays }: StoredDuplicateSettings): StoredDuplicateSettings => ({
  email,
  phoneAndName,
  phoneOnly,
  windowDays,
});
