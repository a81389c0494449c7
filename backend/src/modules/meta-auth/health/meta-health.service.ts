import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MetaHealthCheck, MetaIntegrationStatus } from '@legeai/contracts';
import { metaConfig } from '../../../config/meta.config';
import { graphVersionStatus, MetaGraphError } from '../../../infra/meta-graph';
import { decideGraphSync, ONE_OFF_CALL } from '../../../infra/meta-sync';
import { MetaAccountApi } from '../connection/meta-account.api';
import { MetaIntegrationRepository } from '../connection/meta-integration.repository';
import { MetaReauthService } from '../connection/meta-reauth.service';
import { requiredScopes } from '../connection/scope-diff';
import { tokenFacts } from '../connection/token-facts';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { HealthRun } from '../lifecycle/health-run';
import { MetaTokenVault } from '../token-vault/meta-token-vault.service';
import { apiVersionCheck, permissionAccessCheck, permissionsCheck, tokenCheck, tokenExpiryCheck, worstLevel } from './health-rules';

/**
 * Checks one connection against Meta: is the token alive and for how long, are the permissions there, what the
 * connection's participants check (ConnectionLifecycle: are the pages and the app still subscribed, with missing page
 * subscriptions re-created; which forms came or went; when the last webhook arrived), and whether the Graph version
 * is near its sunset. The result is stored on the integration for the console. A dead token moves the connection to
 * `reauth_required`: syncs pause until an admin reconnects; nothing is retried against a token Meta refuses.
 */
@Injectable()
export class MetaHealthService {
  private readonly logger = new Logger(MetaHealthService.name);

  constructor(
    private readonly integrations: MetaIntegrationRepository,
    private readonly api: MetaAccountApi,
    private readonly vault: MetaTokenVault,
    private readonly lifecycle: ConnectionLifecycle,
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
    const checkedToken = integration.accessTokenCiphertext;
    const token = this.vault.openUserToken(integration);
    const version = apiVersionCheck(graphVersionStatus(this.meta.apiVersion, now));
    if (!token) return this.markReauth(integration, checkedToken, 'No access token is stored', [version], now);
    const debug = await this.api.debugToken(token);
    if (!debug.is_valid) return this.markReauth(integration, checkedToken, debug.error?.message ?? 'Token is invalid', [version], now);
    Object.assign(integration, tokenFacts(debug, requiredScopes(this.meta.loginConfigId)));
    if (debug.type) integration.tokenType = debug.type;
    try {
      const { declined, notOffered } = splitMissing(integration.declinedScopes, await this.missingStatuses(integration, token));
      const contributed = await this.lifecycle.healthChecks(integration, new HealthRun(now));
      const checks: MetaHealthCheck[] = [
        tokenCheck(true),
        tokenExpiryCheck(integration.tokenExpiresAt, integration.dataAccessExpiresAt, now, integration.tokenType),
        permissionsCheck(declined),
        ...(notOffered.length ? [permissionAccessCheck(notOffered)] : []),
        ...contributed,
        version,
      ];
      return this.store(integration, checkedToken, MetaIntegrationStatus.Active, null, checks, now);
    } catch (error) {
      if (error instanceof MetaGraphError && decideGraphSync(error, ONE_OFF_CALL).action === 'park') {
        return this.markReauth(integration, checkedToken, error.message, [version], now);
      }
      throw error;
    }
  }

  /** `/me/permissions`, asked only when a required permission is missing (nothing to tell apart otherwise). */
  private async missingStatuses(integration: MetaIntegration, token: string): Promise<Map<string, string>> {
    return integration.declinedScopes.length ? this.api.permissionStatuses(token) : new Map();
  }

  /** Moves an active connection to reauth_required (audited once, by `MetaReauthService`) and stores the card. */
  private async markReauth(
    integration: MetaIntegration,
    checkedToken: string | null,
    reason: string,
    extra: MetaHealthCheck[],
    now: Date,
  ): Promise<MetaIntegration> {
    await this.reauth.markReauthRequired(integration.organisationId, integration.id, reason, {
      during: 'health_check',
      failedUserToken: checkedToken,
    });
    const checks = [tokenCheck(false, reason), ...(await this.lifecycle.healthChecksWithoutToken(new HealthRun(now))), ...extra];
    return this.store(integration, checkedToken, MetaIntegrationStatus.ReauthRequired, reason, checks, now);
  }

  /**
   * Stores the verdict on the token that was checked (`checkedToken`, the ciphertext read when the check began). When
   * the connection was reconnected or disconnected meanwhile, the verdict is about a token no longer in use: the
   * connection as it is now is answered instead, and its next check judges the new token.
   */
  private async store(
    integration: MetaIntegration,
    checkedToken: string | null,
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
    if (await this.integrations.storeHealth(integration, checkedToken)) return integration;
    this.logger.log({
      msg: 'Connection changed during its health check; the verdict on the old token is dropped',
      integrationId: integration.id,
    });
    return (await this.integrations.rows.findOneBy({ id: integration.id })) ?? integration;
  }
}

/**
 * Missing permissions the person declined (or revoked) against those Meta never offered: a permission absent from
 * `/me/permissions` was left out of the dialog, which Meta does for permissions the app lacks Advanced Access to.
 */
export function splitMissing(
  missing: readonly string[],
  statuses: ReadonlyMap<string, string>,
): { declined: string[]; notOffered: string[] } {
  if (!statuses.size) return { declined: [...missing], notOffered: [] };
  return {
    declined: missing.filter((scope) => statuses.has(scope)),
    notOffered: missing.filter((scope) => !statuses.has(scope)),
  };
}
