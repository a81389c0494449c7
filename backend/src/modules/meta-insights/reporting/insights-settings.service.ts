import { Injectable } from '@nestjs/common';
import type { InsightsSettingsDto } from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ValidationFailedError } from '../../../common/errors/api-error';
import { AuditService } from '../../audit';
import { InsightsSettingsRepository } from './insights-settings.repository';

/** What ROI is computed on, per organisation; admins change it, and every change is audited. */
@Injectable()
export class InsightsSettingsService {
  constructor(
    private readonly settings: InsightsSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  get(organisationId: string): Promise<InsightsSettingsDto> {
    return this.settings.get(organisationId);
  }

  async update(principal: Principal, request: InsightsSettingsDto): Promise<InsightsSettingsDto> {
    if (request.roiBasis === 'commission' && (request.commissionRate === null || request.commissionRate === undefined)) {
      throw new ValidationFailedError([{ field: 'commissionRate', messages: ['commissionRate is required when roiBasis is commission'] }]);
    }
    const before = await this.settings.get(principal.organisationId);
    // A rate kept while ROI is on premium would read as if it applied: only the commission basis keeps one.
    const after: InsightsSettingsDto = {
      roiBasis: request.roiBasis,
      commissionRate: request.roiBasis === 'commission' ? request.commissionRate : null,
    };
    await this.settings.save(principal.organisationId, after);
    await this.audit.recordBy(
      principal,
      'meta_insights.settings_updated',
      { type: 'organisation', id: principal.organisationId },
      { before, after },
    );
    return after;
  }
}
