import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, MetaIntegrationStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { decideGraphSync, graphApiError, ONE_OFF_CALL } from '../../../infra/meta-sync';
import { MetaGraphError } from '../../../infra/meta-graph';
import { AuditService } from '../../audit';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { MetaHealthService } from '../health/meta-health.service';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { PAGES_CONNECTED_ELSEWHERE } from '../lifecycle/connection-participant';
import { MetaTokenVault } from '../token-vault/meta-token-vault.service';
import { MetaAccountApi } from './meta-account.api';
import { MetaIntegrationRepository } from './meta-integration.repository';

/** The admin's actions on an existing connection: check now, re-discover assets, disconnect. */
@Injectable()
export class MetaConnectionService {
  private readonly logger = new Logger(MetaConnectionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly integrations: MetaIntegrationRepository,
    private readonly api: MetaAccountApi,
    private readonly vault: MetaTokenVault,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly health: MetaHealthService,
    private readonly audit: AuditService,
  ) {}

  async checkNow(principal: Principal): Promise<void> {
    const live = await this.integrations.requireLive(principal.organisationId);
    const before = { healthOverall: live.healthOverall, status: live.status };
    const integration = await this.health.check(live);
    await this.audit.recordBy(
      principal,
      'meta.health_checked',
      { type: 'meta_integration', id: integration.id },
      { before, after: { healthOverall: integration.healthOverall, status: integration.status } },
    );
  }

  /**
   * Finds again what the connection reaches (the participants' refresh: ad accounts, pages and forms re-discovered,
   * new pages subscribed), then refreshes the health card.
   */
  async refresh(principal: Principal): Promise<void> {
    const integration = await this.integrations.requireLive(principal.organisationId);
    const token = this.requireToken(integration);
    let found;
    try {
      found = await this.lifecycle.refresh({ integration, userToken: token });
    } catch (error) {
      // A refused token: the health check moves the connection to reauth_required, and the console is told so.
      if (error instanceof MetaGraphError && decideGraphSync(error, ONE_OFF_CALL).action === 'park') {
        await this.health.check(integration);
        throw graphApiError(error);
      }
      throw error;
    }
    await this.health.check(integration);
    await this.audit.recordBy(principal, 'meta.assets_refreshed', { type: 'meta_integration', id: integration.id }, found);
    const elsewhere = found[PAGES_CONNECTED_ELSEWHERE];
    if (Array.isArray(elsewhere) && elsewhere.length > 0) {
      // Everything else was refreshed; what could not be is said plainly, with what to do about it.
      throw new ApiError(
        409,
        ErrorCode.PageConnectedElsewhere,
        `Connected by another organisation on this platform: ${elsewhere.join(', ')}. A Page can be connected by one ` +
          'organisation at a time; it must be disconnected there first. Your other Pages were refreshed.',
        { pages: elsewhere },
      );
    }
  }

  /**
   * Lets the participants undo what they set up at Meta (the pages are unsubscribed), revokes the app's permissions at
   * Meta, wipes every stored token and marks the connection disconnected. Leads, forms and the audit trail stay. Meta
   * being unreachable does not block a disconnect: the tokens are wiped here either way, and the report says what
   * Meta confirmed.
   */
  async disconnect(principal: Principal): Promise<void> {
    const integration = await this.integrations.requireLive(principal.organisationId);
    const orgId = integration.organisationId;
    const statusBefore = integration.status;
    const token = this.vault.openUserToken(integration);
    const undone = await this.lifecycle.disconnecting(integration);
    let revoked = false;
    if (token) {
      try {
        await this.api.revokePermissions(token);
        revoked = true;
      } catch (error) {
        // A token Meta already refuses has nothing left to revoke.
        revoked = error instanceof MetaGraphError && decideGraphSync(error, ONE_OFF_CALL).action === 'park';
        if (!revoked) this.logger.warn({ msg: 'Revoking Meta permissions failed', error: (error as Error).message });
      }
    }
    await this.wipe(orgId, integration.id, MetaIntegrationStatus.Disconnected, 'Disconnected by an administrator');
    await this.audit.recordBy(
      principal,
      'meta.disconnected',
      { type: 'meta_integration', id: integration.id },
      {
        metaUserId: integration.metaUserId,
        permissionsRevoked: revoked,
        ...undone,
        before: { status: statusBefore, tokenStored: true },
        after: { status: MetaIntegrationStatus.Disconnected, tokenStored: false },
      },
    );
  }

  /**
   * Removes every token of a connection in one transaction: its user token here, the tokens its participants keep
   * (the Page tokens) in their `tokensWiped` step.
   */
  async wipe(organisationId: string, integrationId: string, status: MetaIntegrationStatus, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.integrations.wipeToken(tx, organisationId, integrationId, status, reason);
      await this.lifecycle.tokensWiped({ organisationId, integrationId, disconnected: status === MetaIntegrationStatus.Disconnected }, tx);
    });
  }

  private requireToken(integration: MetaIntegration): string {
    const token = this.vault.openUserToken(integration);
    if (!token) throw new ApiError(409, ErrorCode.MetaReauthRequired, 'No usable Meta token: reconnect the Meta account');
    return token;
  }
}
