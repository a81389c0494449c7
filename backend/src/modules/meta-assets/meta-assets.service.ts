import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MetaGraphError } from '../../infra/meta-graph';
import { decideGraphSync, ONE_OFF_CALL, worthRetrying } from '../../infra/meta-sync';
import { MetaTokenVault, type MetaIntegration, type TokenWipe } from '../meta-auth';
import { MetaAssetsApi } from './meta-assets.api';
import { MetaAdAccountsRepository } from './repositories/meta-ad-accounts.repository';
import { MetaLeadFormsRepository } from './repositories/meta-lead-forms.repository';
import { isActivePageConflict, MetaPagesRepository } from './repositories/meta-pages.repository';

export { REMOVED_FORM_STATUS } from './repositories/meta-lead-forms.repository';

export interface FormChanges {
  total: number;
  added: number;
  removed: number;
}

export interface DiscoveryResult {
  adAccounts: number;
  pages: number;
  /** Pages Meta listed that another organisation has connected: left inactive here (`Page name (id)`). */
  pagesConnectedElsewhere: string[];
  forms: FormChanges;
}

/**
 * Finds what the connection reaches (ad accounts, pages with their tokens, lead forms with their questions) and
 * mirrors it into the organisation's tables (through their repositories), upserting by Meta id. Assets Meta stops
 * listing are kept but marked inactive, so history and leads that point at them survive.
 */
@Injectable()
export class MetaAssetsService {
  private readonly logger = new Logger(MetaAssetsService.name);

  constructor(
    private readonly api: MetaAssetsApi,
    private readonly vault: MetaTokenVault,
    private readonly adAccounts: MetaAdAccountsRepository,
    private readonly pages: MetaPagesRepository,
    private readonly forms: MetaLeadFormsRepository,
  ) {}

  async discover(integration: MetaIntegration, userToken: string): Promise<DiscoveryResult> {
    const adAccounts = await this.syncAdAccounts(integration, userToken);
    const { listed: pages, connectedElsewhere } = await this.syncPages(integration, userToken);
    const forms = await this.syncForms(integration.organisationId);
    return { adAccounts, pages, pagesConnectedElsewhere: connectedElsewhere, forms };
  }

  private async syncAdAccounts(integration: MetaIntegration, token: string): Promise<number> {
    const accounts = await this.tolerateMissingPermission('ad accounts', () => this.api.adAccounts(token));
    const orgId = integration.organisationId;
    const seen: string[] = [];
    for (const account of accounts) {
      const id = account.id.startsWith('act_') ? account.id : `act_${account.account_id ?? account.id}`;
      seen.push(id);
      await this.adAccounts.upsertListed(orgId, integration.id, id, account);
    }
    await this.adAccounts.deactivateUnlisted(orgId, seen);
    return accounts.length;
  }

  /**
   * One organisation at a time per Page: one another organisation has active is mirrored inactive here and named in
   * the result, whether found before the write or by the unique index when both connect at the same moment.
   */
  private async syncPages(integration: MetaIntegration, token: string): Promise<{ listed: number; connectedElsewhere: string[] }> {
    const pages = await this.tolerateMissingPermission('pages', () => this.api.pages(token));
    const orgId = integration.organisationId;
    const seen: string[] = [];
    const connectedElsewhere: string[] = [];
    const heldElsewhere = await this.pages.activeElsewhere(
      orgId,
      pages.map((p) => p.id),
    );
    for (const page of pages) {
      seen.push(page.id);
      let held = heldElsewhere.has(page.id);
      if (!held) {
        const sealed = page.access_token ? this.vault.seal(orgId, page.access_token) : null;
        try {
          await this.pages.upsertListed(orgId, integration.id, page, sealed);
        } catch (error) {
          if (!isActivePageConflict(error)) throw error;
          held = true;
        }
      }
      if (held) {
        await this.pages.upsertHeldElsewhere(orgId, integration.id, page);
        connectedElsewhere.push(`${page.name ?? page.id} (${page.id})`);
      }
    }
    await this.pages.deactivateUnlisted(orgId, seen);
    return { listed: pages.length, connectedElsewhere };
  }

  /** Re-reads the lead forms of every active page and reports what appeared and disappeared. */
  async syncForms(organisationId: string): Promise<FormChanges> {
    const pages = await this.pages.findActive(organisationId);
    const before = await this.forms.liveFormIds(organisationId);
    const seen = new Set<string>();
    const readPages: string[] = [];
    for (const page of pages) {
      const pageToken = this.vault.openPageToken(page);
      if (!pageToken) continue;
      let forms;
      try {
        forms = await this.api.leadForms(page.pageId, pageToken);
      } catch (error) {
        // What may work later fails the run (it is tried again); what needs a person is logged and the page skipped.
        const decision = decideGraphSync(error, ONE_OFF_CALL);
        if (worthRetrying(decision)) throw error;
        this.logger.warn({
          msg: 'Could not read lead forms of a page',
          pageId: page.pageId,
          kind: decision.failure.kind,
          code: decision.failure.code,
        });
        continue;
      }
      readPages.push(page.id);
      for (const form of forms) {
        seen.add(form.id);
        await this.forms.upsertListed(organisationId, page.id, form);
      }
    }
    // Only forms of pages that answered can be called removed; a page that failed to answer proves nothing.
    await this.forms.markUnlistedRemoved(organisationId, readPages, [...seen]);
    const after = await this.forms.liveFormIds(organisationId);
    return {
      total: after.size,
      added: [...after].filter((id) => !before.has(id)).length,
      removed: [...before].filter((id) => !after.has(id)).length,
    };
  }

  /**
   * In the transaction that wipes the connection's tokens: the Page tokens go and the Pages stop counting as
   * subscribed; a disconnect also leaves the Pages and ad accounts inactive (their rows stay for history).
   */
  async wipeTokens({ organisationId, integrationId, disconnected }: TokenWipe, tx: EntityManager): Promise<void> {
    await this.pages.wipeTokens(tx, organisationId, integrationId, disconnected);
    if (disconnected) await this.adAccounts.deactivateForIntegration(tx, organisationId, integrationId);
  }

  /** A declined permission means "none of these", not a failed connect; the health check names what is missing. */
  private async tolerateMissingPermission<T>(what: string, read: () => Promise<T[]>): Promise<T[]> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof MetaGraphError && decideGraphSync(error, ONE_OFF_CALL).failure.kind === 'permission') {
        this.logger.warn({ msg: `No permission to list ${what}`, code: error.code, missing: error.missingPermissions });
        return [];
      }
      throw error;
    }
  }
}
