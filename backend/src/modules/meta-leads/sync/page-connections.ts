import { MetaIntegrationStatus } from '@legeai/contracts';

/**
 * A Page as connected in one organisation, with what fetching its leads needs. Webhooks name a Page, not an
 * organisation: a Page connected by two organisations gives each its own copy of the lead, read with that
 * organisation's own Page token; the copies are never merged. `LeadSyncTimeline.begin` reads them.
 */
export interface PageConnection {
  organisationId: string;
  integrationId: string;
  integrationStatus: MetaIntegrationStatus;
  pageActive: boolean;
  tasks: string[];
  tokenCiphertext: string | null;
  tokenKeyId: string | null;
}

/** The columns of a `PageConnection`, for the Page `p` joined with its integration `i`. */
export const PAGE_CONNECTION_COLUMNS = `p.organisation_id AS "organisationId", i.id AS "integrationId", i.status AS "integrationStatus",
  p.is_active AS "pageActive", p.tasks, p.page_access_token_ciphertext AS "tokenCiphertext", p.page_access_token_key_id AS "tokenKeyId"`;
