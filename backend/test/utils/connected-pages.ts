import type { DataSource } from 'typeorm';

/**
 * An organisation whose Meta integration connected these Pages, written straight to the tables: for tests of the
 * webhook and lead pipeline that need a Page to belong to someone but never call the Graph API with its token.
 * Answers the organisation id.
 */
export async function insertConnectedPages(db: DataSource, organisationName: string, pageIds: string[]): Promise<string> {
  const [org] = (await db.query(`INSERT INTO organisations (name) VALUES ($1) RETURNING id`, [organisationName])) as { id: string }[];
  const [integration] = (await db.query(
    `INSERT INTO meta_integrations (organisation_id, access_token_ciphertext, access_token_key_id) VALUES ($1, 'x', 'test') RETURNING id`,
    [org.id],
  )) as { id: string }[];
  for (const pageId of pageIds) {
    await db.query(`INSERT INTO meta_pages (organisation_id, integration_id, page_id) VALUES ($1, $2, $3)`, [org.id, integration.id, pageId]);
  }
  return org.id;
}
