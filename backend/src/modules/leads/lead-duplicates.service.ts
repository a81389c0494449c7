import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, LeadDetailDto, LeadDuplicatesDto, NotDuplicateRequest } from '@legeai/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { Lead } from './entities/lead.entity';
import { LeadDetailReader } from './lead-detail.reader';
import { LeadDuplicateLinksReader } from './lead-duplicate-links.reader';
import { LeadsService } from './leads.service';

/** A link as the audit log keeps it, before and after a change. */
const linkOf = (lead: Lead) => ({
  duplicateOfId: lead.duplicateOfId,
  duplicateRule: lead.duplicateRule,
  duplicateState: lead.duplicateOfId ? (lead.possibleDuplicate ? 'possible' : 'duplicate') : null,
});

/**
 * What an agent decides about a duplicate link: "not a duplicate" unlinks a pair (from either side) and remembers it,
 * so that matching never links the two again; "confirm" turns a possible duplicate into a duplicate. Both are
 * audited with the link before and after, in the transaction of the change.
 */
@Injectable()
export class LeadDuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly links: LeadDuplicateLinksReader,
    private readonly details: LeadDetailReader,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, id: string): Promise<LeadDuplicatesDto> {
    const m = this.dataSource.manager;
    const lead = await this.leads.find(m, principal, id);
    return this.links.read(m, principal.organisationId, lead);
  }

  /** Unlinks `id` and `otherLeadId`, whichever of the two is the duplicate; 409 when they are not linked. */
  notDuplicate(principal: Principal, id: string, request: NotDuplicateRequest): Promise<LeadDetailDto> {
    return this.dataSource.transaction(async (m) => {
      if (request.otherLeadId === id) throw new ApiError(400, ErrorCode.BadRequest, 'otherLeadId must be another lead');
      // Both rows locked in id order, so two agents unlinking the same pair from either side never deadlock.
      const [first, second] = [id, request.otherLeadId].sort();
      const a = await this.leads.find(m, principal, first, true);
      const b = await this.leads.find(m, principal, second, true);
      const duplicate = a.duplicateOfId === b.id ? a : b.duplicateOfId === a.id ? b : null;
      if (!duplicate) {
        throw new ApiError(409, ErrorCode.Conflict, 'These two leads are not linked as duplicates', {
          leadId: id,
          otherLeadId: request.otherLeadId,
        });
      }
      const before = linkOf(duplicate);
      await m
        .getRepository(Lead)
        .update(
          { id: duplicate.id, organisationId: principal.organisationId },
          { duplicateOfId: null, duplicateRule: null, possibleDuplicate: false },
        );
      await m.query(
        `INSERT INTO lead_duplicate_dismissals (organisation_id, lead_low_id, lead_high_id, reason, dismissed_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, lead_low_id, lead_high_id) DO NOTHING`,
        [principal.organisationId, first, second, request.reason ?? null, principal.kind === 'user' ? principal.id : null],
      );
      const after = await this.leads.find(m, principal, duplicate.id);
      await this.audit.recordBy(
        principal,
        'lead.duplicate_dismissed',
        { type: 'lead', id: duplicate.id },
        { originalId: before.duplicateOfId, reason: request.reason ?? null, before, after: linkOf(after) },
        m,
      );
      return this.detail(m, principal, id);
    });
  }

  /** A possible duplicate becomes a duplicate; 409 when the lead is not a possible duplicate. */
  confirm(principal: Principal, id: string): Promise<LeadDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const lead = await this.leads.find(m, principal, id, true);
      if (!lead.duplicateOfId || !lead.possibleDuplicate) {
        throw new ApiError(409, ErrorCode.Conflict, 'Only a possible duplicate can be confirmed', { leadId: id });
      }
      const before = linkOf(lead);
      await m.getRepository(Lead).update({ id, organisationId: principal.organisationId }, { possibleDuplicate: false });
      const after = await this.leads.find(m, principal, id);
      await this.audit.recordBy(
        principal,
        'lead.duplicate_confirmed',
        { type: 'lead', id },
        { originalId: lead.duplicateOfId, before, after: linkOf(after) },
        m,
      );
      return this.detail(m, principal, id);
    });
  }

  /** The lead as the drawer shows it after the change; managers and admins see contact details. */
  private async detail(m: EntityManager, principal: Principal, id: string): Promise<LeadDetailDto> {
    return this.details.read(m, principal.organisationId, await this.leads.find(m, principal, id), true);
  }
}
