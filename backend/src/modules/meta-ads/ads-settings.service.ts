import { Injectable } from '@nestjs/common';
import type { AdsGuardrailsDto, AdsSettingsRequest } from '@legeai/contracts';
import type { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { FINANCIAL_CATEGORY_COUNTRIES, MIN_RADIUS_KM, MIN_RADIUS_MILES } from './guardrails';
import { AdsSettingsRepository } from './repositories/ads-settings.repository';

/** The guardrails a draft is checked against, and the organisation's budget settings admins change. */
@Injectable()
export class AdsSettingsService {
  constructor(
    private readonly settings: AdsSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async guardrails(organisationId: string): Promise<AdsGuardrailsDto> {
    const settings = await this.settings.get(organisationId);
    return {
      financialCategoryCountries: [...FINANCIAL_CATEGORY_COUNTRIES],
      minRadiusMiles: MIN_RADIUS_MILES,
      minRadiusKm: MIN_RADIUS_KM,
      dailyBudgetCeilingMinor: settings.dailyBudgetCeilingMinor,
      confirmChangeAbovePercent: settings.confirmChangeAbovePercent,
    };
  }

  async update(principal: Principal, request: AdsSettingsRequest): Promise<AdsGuardrailsDto> {
    const before = await this.settings.get(principal.organisationId);
    const after = {
      dailyBudgetCeilingMinor: request.dailyBudgetCeilingMinor,
      confirmChangeAbovePercent: request.confirmChangeAbovePercent,
    };
    await this.settings.save(principal.organisationId, after, principal.kind === 'user' ? principal.id : null);
    await this.audit.recordBy(
      principal,
      'meta_ads.settings_updated',
      { type: 'organisation', id: principal.organisationId },
      { before, after },
    );
    return this.guardrails(principal.organisationId);
  }
}
