import type { MetaIntegrationStatus } from '@legeai/contracts';
import { organisationSuspendedSql } from '../../organisations';

/**
 * SQL text of `meta_pages` for statements of other modules that must read a Page within one statement (the lead
 * pipeline's hottest ones: starting a lead's jobs, and where a delivery's leads stand); a round trip per lead to ask
 * this repository instead would cost what the pipeline was built to save. The text is this module's, so the table's
 * shape stays its owner's concern; the statements embed it.
 */

/**
 * A Page as connected in one organisation, with what fetching its leads needs. Webhooks name a Page, not an
 * organisation: one Meta app serves every organisation and a Page is connected by one organisation at a time
 * (`uq_meta_pages_active_page`), so a delivery routes to that one. Inactive rows other organisations keep of the
 * Page (a past connection) still answer; their leads are skipped there.
 */
export interface PageConnection {
  organisationId: string;
  integrationId: string;
  integrationStatus: MetaIntegrationStatus;
  pageActive: boolean;
  tasks: string[];
  tokenCiphertext: string | null;
  tokenKeyId: string | null;
  /** The organisation is suspended: its leads are parked (acknowledged, not read), to be replayed on reactivation. */
  organisationSuspended: boolean;
}

/** The columns of a `PageConnection`, for the Page `p` joined with its connection `i` (`pageConnectionJoins`). */
export const PAGE_CONNECTION_COLUMNS = `p.organisation_id AS "organisationId", i.id AS "integrationId", i.status AS "integrationStatus",
  p.is_active AS "pageActive", p.tasks, p.page_access_token_ciphertext AS "tokenCiphertext", p.page_access_token_key_id AS "tokenKeyId",
  ${organisationSuspendedSql('p.organisation_id')} AS "organisationSuspended"`;

/**
 * Joins the Pages `p` with Meta Page id `pageIdSql` (in any organisation) and their connections `i`. A Page row an
 * organisation keeps only to show it is connected by another one is not a connection of it.
 */
export function pageConnectionJoins(pageIdSql: string, join: 'JOIN' | 'LEFT JOIN'): string {
  return `${join} meta_pages p ON p.page_id = ${pageIdSql} AND NOT p.connected_elsewhere
    ${join} meta_integrations i ON i.id = p.integration_id AND i.organisation_id = p.organisation_id`;
}

/** True while a Page of the connection row `integrationAlias` still stores the Page token `ciphertextParam`. */
export function pageTokenStoredSql(integrationAlias: string, ciphertextParam: string): string {
  return `EXISTS (SELECT 1 FROM meta_pages p WHERE p.integration_id = ${integrationAlias}.id AND p.page_access_token_ciphertext = ${ciphertextParam})`;
}

/** The Meta Page ids of one organisation's Pages (`organisationSql`), as a derived table: column page_id. */
export function organisationPageIdsSql(organisationSql: string): string {
  return `(SELECT page_id FROM meta_pages WHERE organisation_id = ${organisationSql})`;
}
