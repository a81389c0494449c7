import type { Client } from 'pg';
import { withClient } from './services';

/**
 * Marks a Page as connected for the webhook: the only thing the ingest path reads is `meta_pages` (is this Page
 * connected anywhere?). Used by the durable-ingest benchmark, where nothing reaches the Graph API.
 */
export async function connectPageDirectly(databaseUrl: string, pageId: string): Promise<void> {
  await withClient(databaseUrl, async (c: Client) => {
    const org = (await c.query<{ id: string }>(`SELECT id FROM organisations ORDER BY created_at LIMIT 1`)).rows[0];
    const integration = (
      await c.query<{ id: string }>(
        `INSERT INTO meta_integrations (organisation_id, access_token_ciphertext, access_token_key_id) VALUES ($1, 'x', 'bench') RETURNING id`,
        [org.id],
      )
    ).rows[0];
    await c.query(`INSERT INTO meta_pages (organisation_id, integration_id, page_id) VALUES ($1, $2, $3)`, [
      org.id,
      integration.id,
      pageId,
    ]);
  });
}
