import { Injectable } from '@nestjs/common';
import { MetaPagesRepository } from './repositories/meta-pages.repository';

/** Which Pages some organisation connected: webhooks are app-wide, so a delivery may name Pages nobody connected. */
@Injectable()
export class ConnectedPages {
  constructor(private readonly pages: MetaPagesRepository) {}

  /** The Meta Page ids among `pageIds` that are connected in any organisation; one query for all of them. */
  async among(pageIds: string[]): Promise<Set<string>> {
    if (pageIds.length === 0) return new Set();
    return new Set(await this.pages.connectedAmong(pageIds));
  }
}
