import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type LeadSyncDto, type LeadSyncListQuery, type Page } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import { MetaLeadFormsRepository, MetaPagesRepository } from '../../meta-assets';
import { MetaLeadSync } from './entities/meta-lead-sync.entity';
import { toLeadSyncDto, type LeadSyncNameMaps } from './lead-sync.mapper';

/**
 * Reads an organisation's lead timelines, newest activity first, with the Page's and form's names (a failed lead is
 * easier to act on as "Spring offer on Acme Insurance" than as two numbers). A sync keeps Meta's ids only, so the names
 * are looked up for the whole page of results at once: one statement for the Pages, one for the forms.
 */
@Injectable()
export class LeadSyncQueryService {
  constructor(
    @InjectRepository(MetaLeadSync) private readonly rows: Repository<MetaLeadSync>,
    private readonly pages: MetaPagesRepository,
    private readonly forms: MetaLeadFormsRepository,
  ) {}

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
    const names = await this.namesFor(organisationId, rows);
    return { items: rows.map((row) => toLeadSyncDto(row, names)), total, limit, offset };
  }

  async get(organisationId: string, id: string): Promise<LeadSyncDto> {
    const row = await this.rows.findOne({ where: { organisationId, id } });
    if (!row) throw new ApiError(404, ErrorCode.NotFound, 'Lead sync not found');
    return toLeadSyncDto(row, await this.namesFor(organisationId, [row]));
  }

  private async namesFor(organisationId: string, rows: MetaLeadSync[]): Promise<LeadSyncNameMaps> {
    const formIds = rows.map((row) => row.formId).filter((id): id is string => id !== null);
    const [pages, forms] = await Promise.all([
      this.pages.namesByMetaIds(
        organisationId,
        rows.map((row) => row.pageId),
      ),
      this.forms.namesByMetaIds(organisationId, formIds),
    ]);
    return { pages, forms };
  }
}
