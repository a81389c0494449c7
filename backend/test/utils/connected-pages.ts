import type { DataSource } from 'typeorm';

/**
 * An organisation whose Meta integration connected these Pages, written straight to the tables: for tests of the
 * webhook and lead pipeline that need a Page to belong to someone but never call the Graph API with its token.
 * Answers the organisation id.
 */
export async function insertConnectedPages(
  db: DataSource,
  organisationName: string,
  pageIds: string[],
  options: PageRowOptions = {},
): Promise<string> {
  const [org] = (await db.query(`INSERT INTO organisations (name) VALUES ($1) RETURNING id`, [organisationName])) as { id: string }[];
  await connectPages(db, org.id, pageIds, options);
  return org.id;
}

/**
 * `active: false`: rows of a past connection (a Page is active in one organisation at a time, so a second
 * organisation's row of the same Page must be inactive).
 */
export interface PageRowOptions {
  active?: boolean;
}

/** The same for an organisation that exists already (one with users, who can then read what concerns the Pages). */
export async function connectPages(db: DataSource, organisationId: string, pageIds: string[], options: PageRowOptions = {}): Promise<void> {
  const [integration] = (await db.query(
    `INSERT INTO meta_integrations (organisation_id, access_token_ciphertext, access_token_key_id) VALUES ($1, 'x', 'test') RETURNING id`,
    [organisationId],
  )) as { id: string }[];
  for (const pageId of pageIds) {
    await db.query(`INSERT INTO meta_pages (organisation_id, integration_id, page_id, is_active) VALUES ($1, $2, $3, $4)`, [
      organisationId,
      integration.id,
      pageId,
      options.active ?? true,
    ]);
  }
}
