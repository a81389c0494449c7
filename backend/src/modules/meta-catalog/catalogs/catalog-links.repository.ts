import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { organisationSuspendedSql } from '../../organisations';
import { CatalogLink } from '../entities/catalog-link.entity';

@Injectable()
export class CatalogLinksRepository {
  constructor(@InjectRepository(CatalogLink) private readonly repo: Repository<CatalogLink>) {}

  find(organisationId: string): Promise<CatalogLink | null> {
    return this.repo.findOneBy({ organisationId });
  }

  /** Every organisation's link, but those of suspended organisations, whose scheduled syncs wait for reactivation. */
  all(): Promise<CatalogLink[]> {
    return this.repo
      .createQueryBuilder('l')
      .where(`NOT ${organisationSuspendedSql('l.organisation_id')}`)
      .getMany();
  }

  async set(link: Omit<CatalogLink, 'linkedAt'>): Promise<CatalogLink> {
    await this.repo.upsert({ ...link, linkedAt: new Date() }, ['organisationId']);
    return (await this.find(link.organisationId))!;
  }
}
