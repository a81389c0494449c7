import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MetaHealthCheck } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';
import {
  CONNECTION_ORDER,
  ConnectionLifecycle,
  PAGES_CONNECTED_ELSEWHERE,
  HealthFact,
  type AuditDetails,
  type ConnectionParticipant,
  type ConnectionStatusFacts,
  type HealthRun,
  type LiveConnection,
  type MetaIntegration,
  type TokenWipe,
} from '../meta-auth';
import { AppSetupChecksService } from './app-setup-checks.service';
import { appSubscriptionCheck, leadFormsCheck, pageSubscriptionsCheck } from './health/asset-health-rules';
import { MetaAssetListsService } from './meta-asset-lists.service';
import { MetaAssetsService } from './meta-assets.service';
import { MetaSubscriptionsService } from './meta-subscriptions.service';
import { pageTokenStoredSql } from './repositories/page-connection.sql';

/** Lead forms Meta still lists after the health check's re-read: a silent webhook matters only when there are some. */
export const LIVE_LEAD_FORMS = new HealthFact<number>('live lead forms');

/**
 * Ad assets' part in a connection's life: on connect, discovery then the Pages' and the app's webhook subscriptions;
 * on refresh, discovery and the Pages' subscriptions; on disconnect, the Pages unsubscribed before the permissions
 * are revoked, and their tokens wiped with the connection's. On the health card: the subscriptions (missing ones
 * re-created), the lead forms that came or went, and the setup problems found on the Pages' side (AppSetupChecksService);
 * on the status card, the counts.
 */
@Injectable()
export class MetaAssetsConnection implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-assets: discovery and webhook subscriptions';
  readonly order = CONNECTION_ORDER.assets;

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly assets: MetaAssetsService,
    private readonly subscriptions: MetaSubscriptionsService,
    private readonly lists: MetaAssetListsService,
    private readonly setup: AppSetupChecksService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  async connected({ integration, userToken }: LiveConnection): Promise<AuditDetails> {
    const discovered = await this.assets.discover(integration, userToken);
    const pages = await this.subscriptions.subscribePages(integration.organisationId);
    const app = await this.subscriptions.ensureAppSubscription();
    return {
      adAccounts: discovered.adAccounts,
      pages: discovered.pages,
      forms: discovered.forms.total,
      pagesSubscribed: pages.total - pages.failed.length,
      appSubscription: app.ok,
      ...elsewhere(discovered.pagesConnectedElsewhere),
    };
  }

  async refresh({ integration, userToken }: LiveConnection): Promise<AuditDetails> {
    const discovered = await this.assets.discover(integration, userToken);
    await this.subscriptions.subscribePages(integration.organisationId);
    return {
      adAccounts: discovered.adAccounts,
      pages: discovered.pages,
      forms: discovered.forms,
      ...elsewhere(discovered.pagesConnectedElsewhere),
    };
  }

  async disconnecting(integration: MetaIntegration): Promise<AuditDetails> {
    return { pagesUnsubscribed: await this.subscriptions.unsubscribePages(integration.organisationId) };
  }

  tokensWiped(wipe: TokenWipe, tx: EntityManager): Promise<void> {
    return this.assets.wipeTokens(wipe, tx);
  }

  /** The Page tokens are ours: a lead read's failed Page token counts only while a Page still stores it. */
  storesTokenSql(integrationAlias: string, ciphertextParam: string): string {
    return pageTokenStoredSql(integrationAlias, ciphertextParam);
  }

  async healthChecks(integration: MetaIntegration, run: HealthRun): Promise<MetaHealthCheck[]> {
    const pages = await this.subscriptions.verifyPages(integration.organisationId);
    const app = await this.subscriptions.ensureAppSubscription({ claim: false });
    const forms = await this.assets.syncForms(integration.organisationId);
    run.set(LIVE_LEAD_FORMS, forms.total);
    const setup = await this.setup.checks(integration);
    return [
      pageSubscriptionsCheck(pages),
      appSubscriptionCheck(app.ok, app.callbackUrl, app.reason, app.elsewhere),
      leadFormsCheck(forms),
      ...setup,
    ];
  }

  async status(integration: MetaIntegration): Promise<ConnectionStatusFacts> {
    return { counts: await this.lists.counts(integration.organisationId) };
  }
}

/** The Pages another organisation holds, under the detail the connection's refresh answers 409 on; nothing when none. */
function elsewhere(pages: string[]): AuditDetails {
  return pages.length ? { [PAGES_CONNECTED_ELSEWHERE]: pages } : {};
}
