import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { ErrorCode } from '@legeai/contracts';
import { MetaGraphError } from '../../../infra/meta-graph';
import { AuditService } from '../../audit/audit.service';
import { MetaAssetsService } from '../../meta-assets/meta-assets.service';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { MetaHealthService } from '../health/meta-health.service';
import { MetaAccountApi } from './meta-account.api';
import { MetaIntegrationRepository } from './meta-integration.repository';
import { MetaSubscriptionsService } from '../../meta-assets/meta-subscriptions.service';
import { MetaTokenVault } from '../token-vault/meta-token-vault.service';

/** The admin's actions on an existing connection: check now, re-discover assets, disconnect. */
@Injectable()
export class MetaConnectionService {
  private readonly logger = new Logger(MetaConnectionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly integrations: MetaIntegrationRepository,
    private readonly api: MetaAccountApi,
    private readonly vault: MetaTokenVault,
    private readonly assets: MetaAssetsService,
    private readonly subscriptions: MetaSubscriptionsService,
    private readonly health: MetaHealthService,
    private readonly audit: AuditService,
  ) {}

  async checkNow(principal: Principal): Promise<void> {
    const integration = await this.health.check(await this.integrations.requireLive(principal.organisationId));
    await this.audit.recordBy(principal, 'meta.health_checked', { type: 'meta_integration', id: integration.id }, {
      overall: integration.healthOverall,
      status: integration.status,
    });
  }

  /** Re-discovers ad accounts, pages and forms, subscribes new pages, then refreshes the health card. */
  async refresh(principal: Principal): Promise<void> {
    const integration = await this.integrations.requireLive(principal.organisationId);
    const token = this.requireToken(integration);
    let discovered;
    try {
      discovered = await this.assets.discover(integration, token);
    } catch (error) {
      if (error instanceof MetaGraphError && error.kind === 'auth') {
        await this.health.check(integration);
        throw new ApiError(409, ErrorCode.MetaReauthRequired, 'Meta no longer accepts the token: reconnect the Meta account');
      }
      throw error;
    }
    await this.subscriptions.subscribePages(integration.organisationId);
    await this.health.check(integration);
    await this.audit.recordBy(principal, 'meta.assets_refreshed', { type: 'meta_integration', id: integration.id }, {
      adAccounts: discovered.adAccounts,
      pages: discovered.pages,
      forms: discovered.forms,
    });
  }

  /**
   * Unsubscribes the pages, revokes the app's permissions at Meta, wipes every stored token and marks the
   * connection disconnected. Leads, forms and the audit trail stay. Meta being unreachable does not block a
   * disconnect: the tokens are wiped here either way, and the report says what Meta confirmed.
   */
  async disconnect(principal: Principal): Promise<void> {
    const integration = await this.integrations.requireLive(principal.organisationId);
    const orgId = integration.organisationId;
    const token = this.vault.openUserToken(integration);
    const pagesUnsubscribed = await this.subscriptions.unsubscribePages(orgId);
    let revoked = false;
    if (token) {
      try {
        await this.api.revokePermissions(token);
        revoked = true;
      } catch (error) {
        // A token Meta already refuses has nothing left to revoke.
        revoked = error instanceof MetaGraphError && error.kind === 'auth';
        if (!revoked) this.logger.warn({ msg: 'Revoking Meta permissions failed', error: (error as Error).message });
      }
    }
    await this.wipe(orgId, integration.id, MetaIntegrationStatus.Disconnected, 'Disconnected by an administrator');
    await this.audit.recordBy(principal, 'meta.disconnected', { type: 'meta_integration', id: integration.id }, {
      metaUserId: integration.metaUserId,
      permissionsRevoked: revoked,
      pagesUnsubscribed,
    });
  }

  /** Removes every token of a connection (and the page tokens) in one transaction. */
  async wipe(organisationId: string, integrationId: string, status: MetaIntegrationStatus, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE meta_integrations SET access_token_ciphertext = NULL, access_token_key_id = NULL,
           status = $3::meta_integration_status, status_reason = $4,
           disconnected_at = CASE WHEN $3::meta_integration_status = 'disconnected' THEN now() ELSE disconnected_at END,
           health_checks = '[]', health_overall = NULL, updated_at = now()
          WHERE id = $1 AND organisation_id = $2`,
        [integrationId, organisationId, status, reason],
      );
      await tx.query(
        `UPDATE meta_pages SET page_access_token_ciphertext = NULL, page_access_token_key_id = NULL,
           webhook_subscribed = false, updated_at = now()
          WHERE organisation_id = $1 AND integration_id = $2`,
        [organisationId, integrationId],
      );
      if (status === MetaIntegrationStatus.Disconnected) {
        await tx.query(`UPDATE meta_pages SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [organisationId, integrationId]);
        await tx.query(`UPDATE meta_ad_accounts SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [
          organisationId,
          integrationId,
        ]);
      }
    });
  }

  private requireToken(integration: MetaIntegration): string {
    const token = this.vault.openUserToken(integration);
    if (!token) throw new ApiError(409, ErrorCode.MetaReauthRequired, 'No usable Meta token: reconnect the Meta account');
    return token;
  }
}
