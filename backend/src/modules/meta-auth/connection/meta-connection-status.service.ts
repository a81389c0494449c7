import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MetaConnectionStatus, MetaGraphPause, MetaTokenType } from '@legeai/contracts';
import { metaConfig } from '../../../config/meta.config';
import { ConnectionBreakers } from '../graph-breaker/connection-breakers.service';
import type { GraphPause } from '../graph-breaker/graph-pause';
import { liveHealth } from '../health/live-health';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { MetaIntegrationRepository } from './meta-integration.repository';
import { diffScopes, requiredScopes } from './scope-diff';

/**
 * What the console shows about the organisation's Meta connection: its token and permissions, the health checks of
 * the last run corrected by what is known now (a token refused since, an expiry come, a pause: `liveHealth`), and what the participants report (the asset counts, the last
 * webhook).
 */
@Injectable()
export class MetaConnectionStatusService {
  constructor(
    private readonly integrations: MetaIntegrationRepository,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly breakers: ConnectionBreakers,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  async status(organisationId: string): Promise<MetaConnectionStatus> {
    const integration = await this.integrations.findLive(organisationId);
    const base = { sandbox: this.meta.sandbox, apiVersion: this.meta.apiVersion };
    if (!integration) {
      return {
        ...base,
        connected: false,
        status: null,
        metaUser: null,
        tokenType: null,
        business: null,
        grantedScopes: [],
        missingScopes: [],
        tokenExpiresAt: null,
        dataAccessExpiresAt: null,
        connectedAt: null,
        lastCheckedAt: null,
        lastWebhookAt: null,
        overall: 'ok',
        checks: [],
        counts: { adAccounts: 0, pages: 0, leadForms: 0 },
        graphPause: null,
      };
    }
    const [reported, pause] = await Promise.all([this.lifecycle.status(integration), this.breakers.pause(integration.id)]);
    const { overall, checks } = liveHealth(
      integration.healthChecks ?? [],
      {
        status: integration.status,
        statusReason: integration.statusReason,
        tokenExpiresAt: integration.tokenExpiresAt,
        dataAccessExpiresAt: integration.dataAccessExpiresAt,
        tokenType: integration.tokenType,
        pause,
      },
      new Date(),
    );
    return {
      ...base,
      connected: true,
      status: integration.status,
      metaUser: integration.metaUserId ? { id: integration.metaUserId, name: integration.metaUserName ?? '' } : null,
      tokenType: tokenTypeOf(integration.tokenType),
      business: integration.metaBusinessId ? { id: integration.metaBusinessId, name: integration.metaBusinessName } : null,
      grantedScopes: integration.scopes,
      missingScopes: diffScopes(integration.scopes, requiredScopes(this.meta.loginConfigId)).missing,
      tokenExpiresAt: iso(integration.tokenExpiresAt),
      dataAccessExpiresAt: iso(integration.dataAccessExpiresAt),
      connectedAt: iso(integration.connectedAt ?? integration.createdAt),
      lastCheckedAt: iso(integration.lastCheckedAt),
      lastWebhookAt: reported.lastWebhookAt ?? null,
      overall,
      checks,
      counts: reported.counts ?? { adAccounts: 0, pages: 0, leadForms: 0 },
      graphPause: pause ? toGraphPauseDto(pause) : null,
    };
  }
}

const tokenTypeOf = (type: string | null): MetaTokenType | null => (type === 'USER' || type === 'SYSTEM_USER' ? type : null);

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

function toGraphPauseDto(pause: GraphPause): MetaGraphPause {
  return {
    since: pause.since.toISOString(),
    failures: pause.failures,
    nextProbeAt: pause.nextProbeAt.toISOString(),
    probing: pause.probing,
    lastError: pause.lastError,
  };
}
