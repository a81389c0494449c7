import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MetaGraphError } from '../../infra/meta-graph';
import { MetaTokenVault, type MetaIntegration, type TokenWipe } from '../meta-auth';
import { MetaPage } from './entities/meta-page.entity';
import { toLegalContent } from './lead-form-legal-content';
import { MetaAssetsApi } from './meta-assets.api';

export interface FormChanges {
  total: number;
  added: number;
  removed: number;
}

export interface DiscoveryResult {
  adAccounts: number;
  pages: number;
  forms: FormChanges;
}

/** Status given to a form Meta no longer lists on a connected page; its row (and its leads) stay. */
export const REMOVED_FORM_STATUS = 'REMOVED';

/**
 * Finds what the connection reaches (ad accounts, pages with their tokens, lead forms with their questions) and
 * mirrors it into the organisation's tables, upserting by Meta id. Assets Meta stops listing are kept but marked
 * inactive, so history and leads that point at them survive.
 */
@Injectable()
export class MetaAssetsService {
  private readonly logger = new Logger(MetaAssetsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly api: MetaAssetsApi,
    private readonly vault: MetaTokenVault,
  ) {}

  async discover(integration: MetaIntegration, userToken: string): Promise<DiscoveryResult> {
    const adAccounts = await this.syncAdAccounts(integration, userToken);
    const pages = await this.syncPages(integration, userToken);
    const forms = await this.syncForms(integration.organisationId);
    return { adAccounts, pages, forms };
  }

  private async syncAdAccounts(integration: MetaIntegration, token: string): Promise<number> {
    const accounts = await this.tolerateMissingPermission('ad accounts', () => this.api.adAccounts(token));
    const orgId = integration.organisationId;
    const seen: string[] = [];
    for (const account of accounts) {
      const id = account.id.startsWith('act_') ? account.id : `act_${account.account_id ?? account.id}`;
      seen.push(id);
      await this.db.query(
        `INSERT INTO meta_ad_accounts (organisation_id, integration_id, ad_account_id, ad_account_name, currency, timezone,
           account_status, business_id, is_active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
         ON CONFLICT (organisation_id, ad_account_id) DO UPDATE SET integration_id = EXCLUDED.integration_id,
           ad_account_name = EXCLUDED.ad_account_name, currency = EXCLUDED.currency, timezone = EXCLUDED.timezone,
           account_status = EXCLUDED.account_status, business_id = EXCLUDED.business_id, is_active = true, updated_at = now()`,
        [orgId, integration.id, id, account.name ?? null, account.currency ?? null, account.timezone_name ?? null,
          account.account_status ?? null, account.business?.id ?? null],
      );
    }
    await this.db.query(
      `UPDATE meta_ad_accounts SET is_active = false, updated_at = now()
        WHERE organisation_id = $1 AND is_active AND NOT (ad_account_id = ANY($2::text[]))`,
      [orgId, seen],
    );
    return accounts.length;
  }

  private async syncPages(integration: MetaIntegration, token: string): Promise<number> {
    const pages = await this.tolerateMissingPermission('pages', () => this.api.pages(token));
    const orgId = integration.organisationId;
    const seen: string[] = [];
    for (const page of pages) {
      seen.push(page.id);
      const sealed = page.access_token ? this.vault.seal(orgId, page.access_token) : null;
      await this.db.query(
        `INSERT INTO meta_pages (organisation_id, integration_id, page_id, page_name, page_access_token_ciphertext,
           page_access_token_key_id, category, followers_count, tasks, business_id, is_active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)
         ON CONFLICT (organisation_id, page_id) DO UPDATE SET integration_id = EXCLUDED.integration_id,
           page_name = EXCLUDED.page_name, page_access_token_ciphertext = EXCLUDED.page_access_token_ciphertext,
           page_access_token_key_id = EXCLUDED.page_access_token_key_id, category = EXCLUDED.category,
           followers_count = EXCLUDED.followers_count, tasks = EXCLUDED.tasks, business_id = EXCLUDED.business_id,
           is_active = true, updated_at = now()`,
        [orgId, integration.id, page.id, page.name ?? null, sealed?.ciphertext ?? null, sealed?.keyId ?? null,
          page.category ?? null, page.followers_count ?? null, page.tasks ?? [], page.business?.id ?? null],
      );
    }
    // A page we can no longer reach cannot deliver leads: drop its token and subscription flag too.
    await this.db.query(
      `UPDATE meta_pages SET is_active = false, webhook_subscribed = false, page_access_token_ciphertext = NULL,
         page_access_token_key_id = NULL, updated_at = now()
        WHERE organisation_id = $1 AND is_active AND NOT (page_id = ANY($2::text[]))`,
      [orgId, seen],
    );
    return pages.length;
  }

  /** Re-reads the lead forms of every active page and reports what appeared and disappeared. */
  async syncForms(organisationId: string): Promise<FormChanges> {
    const pages = await this.db.getRepository(MetaPage).find({ where: { organisationId, isActive: true } });
    const before = await this.liveFormIds(organisationId);
    const seen = new Set<string>();
    const readPages: string[] = [];
    for (const page of pages) {
      const pageToken = this.vault.openPageToken(page);
      if (!pageToken) continue;
      let forms;
      try {
        forms = await this.api.leadForms(page.pageId, pageToken);
      } catch (error) {
        if (!(error instanceof MetaGraphError) || error.kind === 'transient' || error.kind === 'rate_limited') throw error;
        this.logger.warn({ msg: 'Could not read lead forms of a page', pageId: page.pageId, kind: error.kind, code: error.code });
        continue;
      }
      readPages.push(page.id);
      for (const form of forms) {
        seen.add(form.id);
        await this.db.query(
          `INSERT INTO meta_lead_forms (organisation_id, page_id, form_id, form_name, status, locale, questions, leads_count,
             meta_created_at, legal_content)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb)
           ON CONFLICT (organisation_id, form_id) DO UPDATE SET page_id = EXCLUDED.page_id, form_name = EXCLUDED.form_name,
             status = EXCLUDED.status, locale = EXCLUDED.locale, questions = EXCLUDED.questions,
             leads_count = EXCLUDED.leads_count, meta_created_at = EXCLUDED.meta_created_at,
             legal_content = EXCLUDED.legal_content, updated_at = now()`,
          [organisationId, page.id, form.id, form.name ?? null, form.status ?? null, form.locale ?? null,
            JSON.stringify(form.questions ?? []), Math.max(0, form.leads_count ?? 0),
            form.created_time ? new Date(form.created_time.replace(/\+0000$/, 'Z')) : null,
            JSON.stringify(toLegalContent(form))],
        );
      }
    }
    // Only forms of pages that answered can be called removed; a page that failed to answer proves nothing.
    await this.db.query(
      `UPDATE meta_lead_forms SET status = $3, updated_at = now()
        WHERE organisation_id = $1 AND page_id = ANY($2::uuid[]) AND status IS DISTINCT FROM $3
          AND NOT (form_id = ANY($4::text[]))`,
      [organisationId, readPages, REMOVED_FORM_STATUS, [...seen]],
    );
    await this.db.query(
      `UPDATE meta_lead_forms f SET status = $2, updated_at = now() FROM meta_pages p
        WHERE f.page_id = p.id AND f.organisation_id = $1 AND NOT p.is_active AND f.status IS DISTINCT FROM $2`,
      [organisationId, REMOVED_FORM_STATUS],
    );
    const after = await this.liveFormIds(organisationId);
    return {
      total: after.size,
      added: [...after].filter((id) => !before.has(id)).length,
      removed: [...before].filter((id) => !after.has(id)).length,
    };
  }

  private async liveFormIds(organisationId: string): Promise<Set<string>> {
    const rows: { form_id: string }[] = await this.db.query(
      `SELECT form_id FROM meta_lead_forms WHERE organisation_id = $1 AND status IS DISTINCT FROM $2`,
      [organisationId, REMOVED_FORM_STATUS],
    );
    return new Set(rows.map((row) => row.form_id));
  }

  /**
   * In the transaction that wipes the connection's tokens: the Page tokens go and the Pages stop counting as
   * subscribed; a disconnect also leaves the Pages and ad accounts inactive (their rows stay for history).
   */
  async wipeTokens({ organisationId, integrationId, disconnected }: TokenWipe, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE meta_pages SET page_access_token_ciphertext = NULL, page_access_token_key_id = NULL,
         webhook_subscribed = false, updated_at = now()
        WHERE organisation_id = $1 AND integration_id = $2`,
      [organisationId, integrationId],
    );
    if (disconnected) {
      await tx.query(`UPDATE meta_pages SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [organisationId, integrationId]);
      await tx.query(`UPDATE meta_ad_accounts SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [
        organisationId,
        integrationId,
      ]);
    }
  }

  /** A declined permission means "none of these", not a failed connect; the health check names what is missing. */
  private async tolerateMissingPermission<T>(what: string, read: () => Promise<T[]>): Promise<T[]> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof MetaGraphError && error.kind === 'permission') {
        this.logger.warn({ msg: `No permission to list ${what}`, code: error.code, missing: error.missingPermissions });
        return [];
      }
      throw error;
    }
  }
}
