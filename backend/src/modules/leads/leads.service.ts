import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadDetailDto, LeadListQuery, LeadSummaryDto, Page, UpdateLeadStatusRequest } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ValidationFailedError } from '../../common/errors/api-error';
import { pageOf } from '../../common/paging/page-query.dto';
import { AuditService } from '../audit';
import { MetaLeadFormsRepository } from '../meta-assets';
import { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
import { Lead } from './entities/lead.entity';
import { LeadRowsQuery } from './lead-rows.query';
import { premiumChange } from './lead-premium';
import { assertTransition } from './lead-status.rules';
import { toLeadDetail, toLeadSummary } from './lead.mapper';

/** Reading the organisation's leads and moving them through the sales pipeline. */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: LeadRowsQuery,
    private readonly audit: AuditService,
    private readonly forms: MetaLeadFormsRepository,
  ) {}

  async list(principal: Principal, query: LeadListQuery): Promise<Page<LeadSummaryDto>> {
    assertDateRange(query);
    const { limit, offset } = pageOf(query);
    const { rows, total } = await this.rows.page(principal.organisationId, query, limit, offset);
    return { items: rows.map(toLeadSummary), total, limit, offset };
  }

  async get(principal: Principal, id: string): Promise<LeadDetailDto> {
    return this.detail(this.dataSource.manager, principal.organisationId, await this.find(this.dataSource.manager, principal, id));
  }

  /** Moves a lead along LEAD_STATUS_TRANSITIONS (409 otherwise) and records who did it, in one transaction. */
  /**
   * Moves a lead to another status, optionally recording its premium. The same status corrects the premium
   * (`lead.premium_changed`) or, when nothing differs, answers the lead unchanged: a repeated or double-clicked
   * request should not fail, and a quoted or won lead's premium must stay correctable.
   */
  async changeStatus(principal: Principal, id: string, request: UpdateLeadStatusRequest): Promise<LeadDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const lead = await this.find(m, principal, id, true);
      const from = lead.status;
      if (request.status === from) return this.correctPremium(m, principal, lead, request);
      assertTransition(from, request.status);
      const change: Partial<Lead> = { status: request.status, statusChangedAt: new Date() };
      if (request.premiumValue !== undefined) change.premiumValue = request.premiumValue;
      if (request.premiumCurrency !== undefined) change.premiumCurrency = request.premiumCurrency;
      await m.getRepository(Lead).update({ id: lead.id, organisationId: principal.organisationId }, change);
      await this.audit.recordBy(principal, 'lead.status_changed', { type: 'lead', id: lead.id }, {
        from,
        to: request.status,
        ...(request.premiumValue !== undefined && { premiumValue: request.premiumValue }),
        ...(request.premiumCurrency !== undefined && { premiumCurrency: request.premiumCurrency }),
      }, m);
      const updated = await this.find(m, principal, id);
      return this.detail(m, principal.organisationId, updated);
    });
  }

  /** Same status: store the premium fields that differ (status and its time stay), audited; else change nothing. */
  private async correctPremium(m: EntityManager, principal: Principal, lead: Lead, request: UpdateLeadStatusRequest): Promise<LeadDetailDto> {
    const change = premiumChange(lead, request);
    if (Object.keys(change).length === 0) return this.detail(m, principal.organisationId, lead);
    await m.getRepository(Lead).update({ id: lead.id, organisationId: principal.organisationId }, change);
    const updated = await this.find(m, principal, lead.id);
    await this.audit.recordBy(principal, 'lead.premium_changed', { type: 'lead', id: lead.id }, {
      status: lead.status,
      from: { premiumValue: lead.premiumValue, premiumCurrency: lead.premiumCurrency },
      to: { premiumValue: updated.premiumValue, premiumCurrency: updated.premiumCurrency },
    }, m);
    return this.detail(m, principal.organisationId, updated);
  }

  /** Another organisation's lead answers exactly like a missing one. */
  private async find(m: EntityManager, principal: Principal, id: string, lock = false): Promise<Lead> {
    const lead = await m.getRepository(Lead).findOne({
      where: { id, organisationId: principal.organisationId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!lead) throw new NotFoundException('Lead not found');
    return lead;
  }

  private async detail(m: EntityManager, organisationId: string, lead: Lead): Promise<LeadDetailDto> {
    const [form, mapping] = await Promise.all([
      lead.formId ? this.forms.findByMetaFormId(organisationId, lead.formId, m) : null,
      m.getRepository(MetaLeadMapping).findOne({
        where: { organisationId, legeaiLeadId: lead.id },
        order: { syncedAt: 'ASC' },
      }),
    ]);
    return toLeadDetail(lead, form?.formName ?? null, mapping?.metaLeadId ?? null);
  }
}

/** An inverted range is a mistake worth naming rather than an empty page. */
export function assertDateRange(query: Pick<LeadListQuery, 'from' | 'to'>): void {
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
    throw new ValidationFailedError([{ field: 'to', messages: ['to must not be before from'] }]);
  }
}
