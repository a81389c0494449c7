import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadDetailDto, LeadListQuery, LeadPage, UpdateLeadStatusRequest } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ValidationFailedError } from '../../common/errors/api-error';
import { pageOf } from '../../common/paging/page-query.dto';
import { AuditService } from '../audit';
import { UsersService } from '../users';
import { maskSummary } from './contact-masking';
import { LeadCustomValues } from './custom-fields/lead-custom-values.service';
import { Lead } from './entities/lead.entity';
import { decodeLeadCursor, encodeLeadCursor } from './lead-cursor';
import { LeadDetailReader } from './lead-detail.reader';
import { LeadRowsQuery } from './lead-rows.query';
import { premiumChange, requestedPremium } from './lead-premium';
import { LeadStatusHistory } from './lead-status-history';
import { assertTransition } from './lead-status.rules';
import { toLeadSummary } from './lead.mapper';

/** Reading the organisation's leads and moving them through the sales pipeline. */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: LeadRowsQuery,
    private readonly audit: AuditService,
    private readonly details: LeadDetailReader,
    private readonly history: LeadStatusHistory,
    private readonly users: UsersService,
    private readonly customValues: LeadCustomValues,
  ) {}

  /**
   * Emails and phones are masked for callers without the contact details permission. A page starts at `offset` or,
   * for deep pages, at a previous page's `nextCursor`.
   */
  async list(principal: Principal, query: LeadListQuery): Promise<LeadPage> {
    assertDateRange(query);
    const { limit, offset } = pageOf(query);
    if (query.cursor !== undefined && offset > 0) {
      throw new ValidationFailedError([
        { field: 'offset', messages: ['offset cannot be combined with cursor: the cursor says where the page starts'] },
      ]);
    }
    const cursor = query.cursor === undefined ? undefined : decodeLeadCursor(query.cursor);
    const fieldConditions = await this.customValues.conditions(principal.organisationId, query.fields);
    const [page, contactAccess] = await Promise.all([
      this.rows.page(principal.organisationId, { ...query, fieldConditions }, limit, offset, cursor),
      this.users.hasContactAccess(principal),
    ]);
    const items = page.rows.map(toLeadSummary);
    return {
      items: contactAccess ? items : items.map(maskSummary),
      total: page.total,
      totalExact: page.totalExact,
      limit,
      offset,
      nextCursor: page.next ? encodeLeadCursor(page.next) : null,
    };
  }

  /** One lead; a view of its contact details is audited (`lead.contact_viewed`), masked ones are not. */
  async get(principal: Principal, id: string): Promise<LeadDetailDto> {
    const m = this.dataSource.manager;
    const [lead, contactAccess] = await Promise.all([this.find(m, principal, id), this.users.hasContactAccess(principal)]);
    const detail = await this.details.read(m, principal.organisationId, lead, contactAccess);
    if (contactAccess) await this.audit.recordBy(principal, 'lead.contact_viewed', { type: 'lead', id: lead.id });
    return detail;
  }

  /**
   * Moves a lead to another status, optionally recording its premium. Won needs a premium or an explicit "not
   * known yet"; a premium without currency is in the lead's currency. The same status corrects the premium
   * (`lead.premium_changed`) or, when nothing differs, answers the lead unchanged: a repeated or double-clicked
   * request should not fail, and a quoted or won lead's premium must stay correctable. Every change is kept in the
   * lead's status history and audited, in the transaction of the change.
   */
  async changeStatus(principal: Principal, id: string, request: UpdateLeadStatusRequest): Promise<LeadDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const lead = await this.find(m, principal, id, true);
      const from = lead.status;
      if (request.status !== from) assertTransition(from, request.status);
      const currency =
        request.premiumValue !== undefined && !request.premiumCurrency
          ? ((await this.details.currencyOf(m, principal.organisationId, lead))?.code ?? null)
          : null;
      const { premium, unknown } = requestedPremium(request, currency);
      if (request.status === from) return this.correctPremium(m, principal, lead, premium, unknown);

      const change: Partial<Lead> = { status: request.status, statusChangedAt: new Date(), ...premium };
      await m.getRepository(Lead).update({ id: lead.id, organisationId: principal.organisationId }, change);
      const after = await this.find(m, principal, id);
      await this.history.record(m, principal, lead.id, {
        kind: 'status',
        from,
        to: after.status,
        premiumValue: after.premiumValue,
        premiumCurrency: after.premiumCurrency,
        premiumUnknown: unknown,
      });
      await this.audit.recordBy(
        principal,
        'lead.status_changed',
        { type: 'lead', id: lead.id },
        {
          from,
          to: request.status,
          ...(premium.premiumValue !== undefined && { premiumValue: premium.premiumValue }),
          ...(premium.premiumCurrency !== undefined && { premiumCurrency: premium.premiumCurrency }),
          ...(unknown && { premiumUnknown: true }),
          before: { status: from, premiumValue: lead.premiumValue, premiumCurrency: lead.premiumCurrency },
          after: { status: after.status, premiumValue: after.premiumValue, premiumCurrency: after.premiumCurrency },
        },
        m,
      );
      return this.details.read(m, principal.organisationId, after, true);
    });
  }

  /** Same status: store the premium fields that differ (status and its time stay), audited; else change nothing. */
  private async correctPremium(
    m: EntityManager,
    principal: Principal,
    lead: Lead,
    wanted: Partial<Pick<Lead, 'premiumValue' | 'premiumCurrency'>>,
    unknown: boolean,
  ): Promise<LeadDetailDto> {
    const change = premiumChange(lead, wanted);
    if (Object.keys(change).length === 0) return this.details.read(m, principal.organisationId, lead, true);
    await m.getRepository(Lead).update({ id: lead.id, organisationId: principal.organisationId }, change);
    const updated = await this.find(m, principal, lead.id);
    await this.history.record(m, principal, lead.id, {
      kind: 'premium',
      from: lead.status,
      to: lead.status,
      premiumValue: updated.premiumValue,
      premiumCurrency: updated.premiumCurrency,
      premiumUnknown: unknown,
    });
    await this.audit.recordBy(
      principal,
      'lead.premium_changed',
      { type: 'lead', id: lead.id },
      {
        status: lead.status,
        from: { premiumValue: lead.premiumValue, premiumCurrency: lead.premiumCurrency },
        to: { premiumValue: updated.premiumValue, premiumCurrency: updated.premiumCurrency },
      },
      m,
    );
    return this.details.read(m, principal.organisationId, updated, true);
  }

  /** Another organisation's lead answers exactly like a missing one. */
  async find(m: EntityManager, principal: Principal, id: string, lock = false): Promise<Lead> {
    const lead = await m.getRepository(Lead).findOne({
      where: { id, organisationId: principal.organisationId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!lead) throw new NotFoundException('Lead not found');
    return lead;
  }
}

/** An inverted range is a mistake worth naming rather than an empty page. */
export function assertDateRange(query: Pick<LeadListQuery, 'from' | 'to'>): void {
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
    throw new ValidationFailedError([{ field: 'to', messages: ['to must not be before from'] }]);
  }
}
