import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOSED_LEAD_STATUSES, ErrorCode, LeadDetailDto, LeadStatus, OPEN_LEAD_STATUSES, ReopenLeadRequest } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { Lead } from './entities/lead.entity';
import { LeadDetailReader } from './lead-detail.reader';
import { LeadStatusHistory } from './lead-status-history';
import { LeadsService } from './leads.service';

/**
 * Reopening a won or lost lead: the one way out of a closed status, for managers and admins, always with a reason.
 * The lead goes back to the open status it had before it was closed (or the one asked for); its premium stays, as
 * the record of what was sold. The reason is kept in the lead's history; the audit entry has before and after.
 */
@Injectable()
export class LeadReopenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly details: LeadDetailReader,
    private readonly history: LeadStatusHistory,
    private readonly audit: AuditService,
  ) {}

  reopen(principal: Principal, id: string, request: ReopenLeadRequest): Promise<LeadDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const lead = await this.leads.find(m, principal, id, true);
      if (!CLOSED_LEAD_STATUSES.includes(lead.status)) {
        throw new ApiError(409, ErrorCode.Conflict, `Only won or lost leads are reopened; this lead is ${lead.status}`, {
          status: lead.status,
        });
      }
      const before = await this.history.statusBeforeClosing(m, principal.organisationId, lead.id, lead.status);
      const to = request.status ?? (before && OPEN_LEAD_STATUSES.includes(before) ? before : LeadStatus.New);
      await m
        .getRepository(Lead)
        .update({ id: lead.id, organisationId: principal.organisationId }, { status: to, statusChangedAt: new Date() });
      const after = await this.leads.find(m, principal, id);
      await this.history.record(m, principal, lead.id, {
        kind: 'reopen',
        from: lead.status,
        to,
        premiumValue: after.premiumValue,
        premiumCurrency: after.premiumCurrency,
        reason: request.reason,
      });
      await this.audit.recordBy(
        principal,
        'lead.reopened',
        { type: 'lead', id: lead.id },
        {
          reason: request.reason,
          before: {
            status: lead.status,
            statusChangedAt: lead.statusChangedAt.toISOString(),
            premiumValue: lead.premiumValue,
            premiumCurrency: lead.premiumCurrency,
          },
          after: {
            status: after.status,
            statusChangedAt: after.statusChangedAt.toISOString(),
            premiumValue: after.premiumValue,
            premiumCurrency: after.premiumCurrency,
          },
        },
        m,
      );
      return this.details.read(m, principal.organisationId, after, true);
    });
  }
}
