import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type LeadSyncDto, type LeadSyncListQuery, type Page } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import { MetaLeadSync } from './entities/meta-lead-sync.entity';
import { toLeadSyncDto } from './lead-sync.mapper';

/** Reads an organisation's lead timelines, newest activity first. */
@Injectable()
export class LeadSyncQueryService {
  constructor(@InjectRepository(MetaLeadSync) private readonly rows: Repository<MetaLeadSync>) {}

  async list(organisationId: string, query: LeadSyncListQuery): Promise<Page<LeadSyncDto>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.rows.findAndCount({
      where: {
        organisationId,
        ...(query.state ? { state: query.state } : {}),
        ...(query.leadgenId ? { leadgenId: query.leadgenId } : {}),
      },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toLeadSyncDto), total, limit, offset };
  }

  async get(organisationId: string, id: string): Promise<LeadSyncDto> {
    const row = await this.rows.findOne({ where: { organisationId, id } });
    if (!row) throw new ApiError(404, ErrorCode.NotFound, 'Lead sync not found');
    return toLeadSyncDto(row);
  }
}
