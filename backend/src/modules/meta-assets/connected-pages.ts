import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MetaPage } from './entities/meta-page.entity';

/** Which Pages some organisation connected: webhooks are app-wide, so a delivery may name Pages nobody connected. */
@Injectable()
export class ConnectedPages {
  constructor(@InjectRepository(MetaPage) private readonly pages: Repository<MetaPage>) {}

  /** The Meta Page ids among `pageIds` that are connected in any organisation; one query for all of them. */
  async among(pageIds: string[]): Promise<Set<string>> {
    if (pageIds.length === 0) return new Set();
    const rows = await this.pages.find({ select: { pageId: true }, where: { pageId: In(pageIds) } });
    return new Set(rows.map((page) => page.pageId));
  }
}
