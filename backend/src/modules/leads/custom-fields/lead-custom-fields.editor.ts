import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadDetailDto } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { UsersService } from '../../users';
import { LeadDetailReader } from '../lead-detail.reader';
import { LeadsService } from '../leads.service';
import { LeadCustomValues } from './lead-custom-values.service';

/** A hand edit of a lead's custom field values, in one transaction with its audit entry; answers the lead's drawer view. */
@Injectable()
export class LeadCustomFieldsEditor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly leads: LeadsService,
    private readonly values: LeadCustomValues,
    private readonly details: LeadDetailReader,
    private readonly users: UsersService,
  ) {}

  async update(principal: Principal, id: string, changes: Record<string, unknown>): Promise<LeadDetailDto> {
    const contactAccess = await this.users.hasContactAccess(principal);
    return this.db.transaction(async (m) => {
      const lead = await this.leads.find(m, principal, id, true);
      const changed = await this.values.update(m, principal, lead, changes);
      const current = changed ? await this.leads.find(m, principal, id) : lead;
      return this.details.read(m, principal.organisationId, current, contactAccess);
    });
  }
}
