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

  /**
   * Pauses an organisation's lead syncs until it reconnects. Only the token that failed is condemned: if a reconnect
   * replaced the Page token while the read was in flight, the connection stays active (`token_replaced`).
   */
  async markReauthRequired(integrationId: string, reason: string, failedCiphertext: string | null): Promise<'marked' | 'already' | 'token_replaced'> {
    const rows = (await this.db.query(
      `WITH cur AS (
         SELECT i.id, i.status::text AS status,
                EXISTS (SELECT 1 FROM meta_pages p WHERE p.integration_id = i.id AND p.page_access_token_ciphertext = $3) AS same
           FROM meta_integrations i WHERE i.id = $1),
       upd AS (
         UPDATE meta_integrations i SET status = 'reauth_required', status_reason = $2, updated_at = now()
           FROM cur WHERE i.id = cur.id AND cur.status = 'active' AND ($3::text IS NULL OR cur.same)
         RETURNING i.id)
       SELECT cur.status, cur.same, (SELECT count(*) FROM upd)::int AS marked FROM cur`,
      [integrationId, reason.slice(0, 1000), failedCiphertext],
    )) as { status: string; same: boolean; marked: number }[];
    const row = rows[0];
    if (!row) return 'already';
    if (row.marked > 0) return 'marked';
    return row.status === 'active' && failedCiphertext !== null && !row.same ? 'token_replaced' : 'already';
  }
}
