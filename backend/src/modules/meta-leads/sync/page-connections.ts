import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';

/** A Page as connected in one organisation, with what fetching its leads needs. */
export interface PageConnection {
  organisationId: string;
  integrationId: string;
  integrationStatus: MetaIntegrationStatus;
  pageActive: boolean;
  tasks: string[];
  tokenCiphertext: string | null;
  tokenKeyId: string | null;
}

/**
 * Webhooks name a Page, not an organisation. A Page connected by two organisations gives each its own copy of the
 * lead, read with that organisation's own Page token; the copies are never merged.
 */
@Injectable()
export class PageConnections {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  forPage(pageId: string): Promise<PageConnection[]> {
    return this.db.query(
      `SELECT p.organisation_id AS "organisationId", i.id AS "integrationId", i.status AS "integrationStatus",
              p.is_active AS "pageActive", p.tasks, p.page_access_token_ciphertext AS "tokenCiphertext",
              p.page_access_token_key_id AS "tokenKeyId"
         FROM meta_pages p JOIN meta_integrations i ON i.id = p.integration_id AND i.organisation_id = p.organisation_id
        WHERE p.page_id = $1
        ORDER BY p.organisation_id`,
      [pageId],
    );
  }
}
