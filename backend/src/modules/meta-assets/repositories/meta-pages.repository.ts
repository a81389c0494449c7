import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EncryptedTokenColumns, type SealedToken } from '../../meta-auth';
import { MetaPage } from '../entities/meta-page.entity';
import type { GraphPageAccount } from '../meta-assets.api';

/**
 * Every statement on `meta_pages` (Pages with their sealed tokens): the discovery's mirror, the subscription flags,
 * the token wipe, and what other modules read of a Page. Declares the Page token column to key rotation, which then
 * re-encrypts it with the connection's user token.
 */
@Injectable()
export class MetaPagesRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokenColumns: EncryptedTokenColumns,
  ) {}

  onModuleInit(): void {
    // Page tokens are bound to their organisation, so a ciphertext copied to another tenant's row fails to decrypt.
    this.tokenColumns.add({
      table: 'meta_pages',
      idColumn: 'id',
      ciphertextColumn: 'page_access_token_ciphertext',
      keyIdColumn: 'page_access_token_key_id',
      contextColumn: 'organisation_id',
    });
  }

  private get rows() {
    return this.db.getRepository(MetaPage);
  }

  findById(organisationId: string, id: string): Promise<MetaPage | null> {
    return this.rows.findOne({ where: { id, organisationId } });
  }

  /** The person's tasks on the Page, as `/me/accounts` lists them now. */
  async setTasks(id: string, tasks: string[]): Promise<void> {
    await this.rows.update({ id }, { tasks });
  }

  /** The organisation's active Pages, by name. */
  findActive(organisationId: string): Promise<MetaPage[]> {
    return this.rows.find({ where: { organisationId, isActive: true }, order: { pageName: 'ASC' } });
  }

  /**
   * Names of the organisation's Pages by Meta's Page id, for `pageIds` (one statement, whatever their number). A Page
   * unknown here, or whose name Meta did not give, is absent from the map.
   */
  async namesByMetaIds(organisationId: string, pageIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(pageIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.rows.find({ select: { pageId: true, pageName: true }, where: { organisationId, pageId: In(ids) } });
    return new Map(rows.filter((page) => page.pageName).map((page) => [page.pageId, page.pageName as string]));
  }

  /** The Meta Page ids among `pageIds` connected in any organisation. */
  async connectedAmong(pageIds: string[]): Promise<string[]> {
    const rows = await this.rows.find({ select: { pageId: true }, where: { pageId: In(pageIds) } });
    return rows.map((page) => page.pageId);
  }

  /**
   * The organisation's active Pages with a token (leads can be read) whose leadgen subscription is off: the discovery
   * and the health check subscribe them again, so one still off after those did not heal (read by alerts).
   */
  async unsubscribedWithToken(organisationId: string): Promise<{ pageId: string; pageName: string | null }[]> {
    return this.db.query(
      `SELECT page_id AS "pageId", page_name AS "pageName" FROM meta_pages
        WHERE organisation_id = $1 AND is_active AND NOT webhook_subscribed AND page_access_token_ciphertext IS NOT NULL
        ORDER BY page_name, page_id`,
      [organisationId],
    );
  }

  /** The Meta Page ids among `pageIds` that another organisation has active (connected) now. */
  async activeElsewhere(organisationId: string, pageIds: string[], manager?: EntityManager): Promise<Set<string>> {
    if (pageIds.length === 0) return new Set();
    const rows: { page_id: string }[] = await (manager ?? this.db.manager).query(
      `SELECT page_id FROM meta_pages WHERE page_id = ANY($1::text[]) AND is_active AND organisation_id <> $2`,
      [pageIds, organisationId],
    );
    return new Set(rows.map((r) => r.page_id));
  }

  /**
   * Mirrors a Page another organisation has connected: kept so the console can say so, but inactive, without a
   * token or subscription, so nothing of it runs here.
   */
  async upsertHeldElsewhere(organisationId: string, integrationId: string, page: GraphPageAccount): Promise<void> {
    await this.db.query(
      `INSERT INTO meta_pages (organisation_id, integration_id, page_id, page_name, category, followers_count, tasks, business_id,
         is_active, connected_elsewhere)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, true)
       ON CONFLICT (organisation_id, page_id) DO UPDATE SET integration_id = EXCLUDED.integration_id,
         page_name = EXCLUDED.page_name, category = EXCLUDED.category, followers_count = EXCLUDED.followers_count,
         tasks = EXCLUDED.tasks, business_id = EXCLUDED.business_id, is_active = false, connected_elsewhere = true,
         webhook_subscribed = false, page_access_token_ciphertext = NULL, page_access_token_key_id = NULL, updated_at = now()`,
      [
        organisationId,
        integrationId,
        page.id,
        page.name ?? null,
        page.category ?? null,
        page.followers_count ?? null,
        page.tasks ?? [],
        page.business?.id ?? null,
      ],
    );
  }

  async setSubscribed(id: string, webhookSubscribed: boolean): Promise<void> {
    await this.rows.update({ id }, { webhookSubscribed });
  }

  /**
   * Mirrors one Page Meta listed for the connection, with its token sealed; upserts by Meta's Page id. Another
   * organisation activating the same Page at the same moment makes this fail on `uq_meta_pages_active_page`
   * (`isActivePageConflict`).
   */
  async upsertListed(organisationId: string, integrationId: string, page: GraphPageAccount, sealed: SealedToken | null): Promise<void> {
    await this.db.query(
      `INSERT INTO meta_pages (organisation_id, integration_id, page_id, page_name, page_access_token_ciphertext,
         page_access_token_key_id, category, followers_count, tasks, business_id, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)
       ON CONFLICT (organisation_id, page_id) DO UPDATE SET integration_id = EXCLUDED.integration_id,
         page_name = EXCLUDED.page_name, page_access_token_ciphertext = EXCLUDED.page_access_token_ciphertext,
         page_access_token_key_id = EXCLUDED.page_access_token_key_id, category = EXCLUDED.category,
         followers_count = EXCLUDED.followers_count, tasks = EXCLUDED.tasks, business_id = EXCLUDED.business_id,
         is_active = true, connected_elsewhere = false, updated_at = now()`,
      [
        organisationId,
        integrationId,
        page.id,
        page.name ?? null,
        sealed?.ciphertext ?? null,
        sealed?.keyId ?? null,
        page.category ?? null,
        page.followers_count ?? null,
        page.tasks ?? [],
        page.business?.id ?? null,
      ],
    );
  }

  /** A Page we can no longer reach cannot deliver leads: inactive, and its token and subscription flag dropped too. */
  async deactivateUnlisted(organisationId: string, seenPageIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE meta_pages SET is_active = false, webhook_subscribed = false, page_access_token_ciphertext = NULL,
         page_access_token_key_id = NULL, updated_at = now()
        WHERE organisation_id = $1 AND is_active AND NOT (page_id = ANY($2::text[]))`,
      [organisationId, seenPageIds],
    );
  }

  /** In the connection's token wipe: the Page tokens go, the Pages stop counting as subscribed (and, on a disconnect, as active). */
  async wipeTokens(tx: EntityManager, organisationId: string, integrationId: string, deactivate: boolean): Promise<void> {
    await tx.query(
      `UPDATE meta_pages SET page_access_token_ciphertext = NULL, page_access_token_key_id = NULL,
         webhook_subscribed = false, updated_at = now()
        WHERE organisation_id = $1 AND integration_id = $2`,
      [organisationId, integrationId],
    );
    if (deactivate) {
      await tx.query(`UPDATE meta_pages SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [
        organisationId,
        integrationId,
      ]);
    }
  }
}

/** Whether an error is another organisation holding the Page active (the partial unique index on active Pages). */
export function isActivePageConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return e.code === '23505' && (e.constraint ?? e.driverError?.constraint) === 'uq_meta_pages_active_page';
}
