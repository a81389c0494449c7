import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetaHealthCheck, MetaIntegrationStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { metaConfig } from '../../../config/meta.config';
import { graphVersionStatus, MetaGraphError } from '../../../infra/meta-graph';
import { MetaAssetsService } from '../../meta-assets/meta-assets.service';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { MetaAccountApi } from '../connection/meta-account.api';
import { MetaIntegrationRepository } from '../connection/meta-integration.repository';
import { MetaReauthService } from '../connection/meta-reauth.service';
import { MetaSubscriptionsService } from '../../meta-assets/meta-subscriptions.service';
import { MetaTokenVault } from '../token-vault/meta-token-vault.service';
import { tokenFacts } from '../connection/token-facts';
import {
  apiVersionCheck,
  appSubscriptionCheck,
  lastWebhookCheck,
  leadFormsCheck,
  pageSubscriptionsCheck,
  permissionsCheck,
  tokenCheck,
  tokenExpiryCheck,
  worstLevel,
} from './health-rules';

/**
 * Checks one connection against Meta: is the token alive and for how long, are the permissions there, are the
 * pages and the app still subscribed (missing page subscriptions are re-created), which forms came or went, when
 * the last webhook arrived, and whether the Graph version is near its sunset. The result is stored on the
 * integration for the console. A dead token moves the connection to `reauth_required`: syncs pause until an admin
 * reconnects; nothing is retried against a token Meta refuses.
 */
@Injectable()
export class MetaHealthService {
  private readonly logger = new Logger(MetaHealthService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly integrations: MetaIntegrationRepository,
    private readonly api: MetaAccountApi,
    private readonly vault: MetaTokenVault,
    private readonly assets: MetaAssetsService,
    private readonly subscriptions: MetaSubscriptionsService,
    private readonly reauth: MetaReauthService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** The scheduled run: every live connection, one at a time; one failing never stops the others. */
  async checkAll(): Promise<{ checked: number; failed: number }> {
    let checked = 0;
    let failed = 0;
    for (const integration of await this.integrations.findAllLive()) {
      try {
        await this.check(integration);
        checked++;
      } catch (error) {
        failed++;
        this.logger.warn({ msg: 'Connection health check failed', integrationId: integration.id, error: (error as Error).message });
      }
    }
    return { checked, failed };
  }

  async check(integration: MetaIntegration, now = new Date()): Promise<MetaIntegration> {
    const token = this.vault.openUserToken(integration);
    const lastWebhookAt = await this.lastWebhookAt();
    const version = apiVersionCheck(graphVersionStatus(this.meta.apiVersion, now));
    if (!token) return this.markReauth(integration, 'No access token is stored', [version], lastWebhookAt, now);

    const debug = await this.api.debugToken(token);
    if (!debug.is_valid) return this.markReauth(integration, debug.error?.message ?? 'Token is invalid', [version], lastWebhookAt, now);

    Object.assign(integration, tokenFacts(debug));
    try {
      const pages = await this.subscriptions.verifyPages(integration.organisationId);
      const app = await this.subscriptions.ensureAppSubscription();
      const forms = await this.assets.syncForms(integration.organisationId);
      const checks: MetaHealthCheck[] = [
        tokenCheck(true),
        tokenExpiryCheck(integration.tokenExpiresAt, integration.dataAccessExpiresAt, now),
        permissionsCheck(integration.declinedScopes),
        pageSubscriptionsCheck(pages),
        appSubscriptionCheck(app.ok, app.callbackUrl, app.reason),
        leadFormsCheck(forms),
        lastWebhookCheck(lastWebhookAt, forms.total > 0, now),
        version,
      ];
      return this.store(integration, MetaIntegrationStatus.Active, null, checks, now);
    } catch (error) {
      if (error instanceof MetaGraphError && error.kind === 'auth') {
        return this.markReauth(integration, error.message, [version], lastWebhookAt, now);
      }
      throw error;
    }
  }

  /** Moves an active connection to reauth_required (audited once, by `MetaReauthService`) and stores the card. */
  private async markReauth(
    integration: MetaIntegration,
    reason: string,
    extra: MetaHealthCheck[],
    lastWebhookAt: Date | null,
    now: Date,
  ): Promise<MetaIntegration> {
    await this.reauth.markReauthRequired(integration.organisationId, integration.id, reason, { during: 'health_check' });
    const checks = [tokenCheck(false, reason), lastWebhookCheck(lastWebhookAt, false, now), ...extra];
    return this.store(integration, MetaIntegrationStatus.ReauthRequired, reason, checks, now);
  }

  private store(
    integration: MetaIntegration,
    status: MetaIntegrationStatus,
    reason: string | null,
    checks: MetaHealthCheck[],
    now: Date,
  ): Promise<MetaIntegration> {
    integration.status = status;
    integration.statusReason = reason;
    integration.healthChecks = checks;
    integration.healthOverall = worstLevel(checks);
    integration.lastCheckedAt = now;
    if (status === MetaIntegrationStatus.Active) integration.lastValidatedAt = now;
    return this.integrations.rows.save(integration);
  }

  /**
   * When Meta last delivered a webhook to this app. Webhooks are app-wide and carry only Page ids, and the inbox does
   * not record organisations, so this is the app's last delivery. Asked on every status request: one backward probe
   * of `ix_meta_webhook_inbox_status_received` per status instead of a scan of the whole inbox.
   */
  async lastWebhookAt(): Promise<Date | null> {
    const [row] = await this.db.query(
      `SELECT max(m.last) AS at
         FROM unnest(enum_range(NULL::webhook_inbox_status)) AS s(status),
              LATERAL (SELECT max(i.received_at) AS last FROM meta_webhook_inbox i WHERE i.status = s.status) m`,
    );
    return row?.at ? new Date(row.at) : null;
  }
}
