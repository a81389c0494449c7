import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { API_PREFIX, ROUTES } from '@legeai/contracts';
import { appConfig } from '../../config/app.config';
import { MetaGraphError } from '../../infra/meta-graph';
import { decideGraphSync, ONE_OFF_CALL, worthRetrying } from '../../infra/meta-sync';
import { AuditService } from '../audit';
import { MetaTokenVault } from '../meta-auth';
import { MetaPage } from './entities/meta-page.entity';
import type { PageSubscriptionFacts } from './health/asset-health-rules';
import { MetaAssetsApi } from './meta-assets.api';
import { MetaPagesRepository } from './repositories/meta-pages.repository';

export interface AppSubscriptionResult {
  ok: boolean;
  callbackUrl: string;
  reason?: string;
  /** The callback URL Meta has for the app's `page` subscription when it is another one (left as it is). */
  elsewhere?: string;
}

const reasonOf = (error: unknown): string => (error instanceof MetaGraphError ? (error.userMessage ?? error.message) : 'unexpected error');

/**
 * Lead notifications reach us only when the page installed our app for `leadgen` AND the app-level `page`
 * subscription points at our webhook (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/webhooks-for-leadgen).
 * This keeps both true, and undoes the page side on disconnect.
 */
@Injectable()
export class MetaSubscriptionsService {
  private readonly logger = new Logger(MetaSubscriptionsService.name);
  readonly webhookUrl: string;

  constructor(
    private readonly pages: MetaPagesRepository,
    private readonly api: MetaAssetsApi,
    private readonly vault: MetaTokenVault,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
  ) {
    this.webhookUrl = `${app.publicUrl}/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.webhook}`;
  }

  /** Subscribes every active page (at connect and refresh); failures are reported, not thrown. */
  async subscribePages(organisationId: string): Promise<PageSubscriptionFacts> {
    const facts: PageSubscriptionFacts = { total: 0, resubscribed: [], failed: [] };
    for (const page of await this.activePages(organisationId)) {
      facts.total++;
      const failure = await this.subscribe(page);
      if (failure) facts.failed.push({ page: page.pageName ?? page.pageId, reason: failure });
    }
    return facts;
  }

  /**
   * Health: asks Meta which pages still have our `leadgen` subscription and re-creates missing ones (audited as
   * a system action, since nobody clicked anything).
   */
  async verifyPages(organisationId: string): Promise<PageSubscriptionFacts> {
    const facts: PageSubscriptionFacts = { total: 0, resubscribed: [], failed: [] };
    for (const page of await this.activePages(organisationId)) {
      facts.total++;
      const token = this.vault.openPageToken(page);
      if (!token) {
        facts.failed.push({ page: page.pageName ?? page.pageId, reason: 'no page access token' });
        continue;
      }
      let fields: string[];
      try {
        fields = await this.api.pageSubscribedFields(page.pageId, token);
      } catch (error) {
        facts.failed.push({ page: page.pageName ?? page.pageId, reason: reasonOf(error) });
        continue;
      }
      if (fields.includes('leadgen')) {
        if (!page.webhookSubscribed) await this.pages.setSubscribed(page.id, true);
        continue;
      }
      const failure = await this.subscribe(page);
      if (failure) {
        facts.failed.push({ page: page.pageName ?? page.pageId, reason: failure });
        continue;
      }
      facts.resubscribed.push(page.pageName ?? page.pageId);
      await this.audit.recordSystem(
        organisationId,
        'meta.page_resubscribed',
        { type: 'meta_page', id: page.id },
        {
          pageId: page.pageId,
          reason: 'leadgen subscription was missing at Meta',
          before: { leadgenSubscribedAtMeta: false },
          after: { leadgenSubscribedAtMeta: true },
        },
      );
    }
    return facts;
  }

  /**
   * Makes sure the app's `page` subscription calls our webhook for `leadgen` (Meta verifies it first). An app has one
   * callback URL per object (https://developers.facebook.com/docs/graph-api/webhooks/getting-started): when it points at
   * another address (another deployment sharing the app, an old host), a connect (`claim`, an admin's choice) takes it
   * over; the health check does not, so two deployments of one app do not take it from each other every hour; it reports
   * the other address instead.
   */
  async ensureAppSubscription(options: { claim: boolean } = { claim: true }): Promise<AppSubscriptionResult> {
    const callbackUrl = this.webhookUrl;
    try {
      const current = (await this.api.appSubscriptions()).find((s) => s.object === 'page');
      const fields = (current?.fields ?? []).map((f) => (typeof f === 'string' ? f : f.name));
      if (current?.active && current.callback_url === callbackUrl && fields.includes('leadgen')) return { ok: true, callbackUrl };
      if (!options.claim && current?.active && current.callback_url && current.callback_url !== callbackUrl) {
        return { ok: false, callbackUrl, elsewhere: current.callback_url };
      }
      await this.api.subscribeApp(callbackUrl);
      return { ok: true, callbackUrl };
    } catch (error) {
      this.logger.warn({ msg: 'App webhook subscription failed', reason: reasonOf(error) });
      return { ok: false, callbackUrl, reason: reasonOf(error) };
    }
  }

  /** Removes our app from each page (before the tokens are revoked: afterwards Meta refuses the call). */
  async unsubscribePages(organisationId: string): Promise<number> {
    let done = 0;
    for (const page of await this.activePages(organisationId)) {
      const token = this.vault.openPageToken(page);
      if (!token) continue;
      try {
        await this.api.unsubscribePage(page.pageId, token);
        done++;
      } catch (error) {
        this.logger.warn({ msg: 'Could not unsubscribe a page', pageId: page.pageId, reason: reasonOf(error) });
      }
    }
    return done;
  }

  private async subscribe(page: MetaPage): Promise<string | undefined> {
    const token = this.vault.openPageToken(page);
    if (!token) {
      await this.pages.setSubscribed(page.id, false);
      return 'no page access token';
    }
    try {
      await this.api.subscribePage(page.pageId, token);
      await this.pages.setSubscribed(page.id, true);
      return undefined;
    } catch (error) {
      // A hiccup or a spent quota fails the run, tried again later; anything else is this page's failure.
      if (error instanceof MetaGraphError && worthRetrying(decideGraphSync(error, ONE_OFF_CALL))) throw error;
      await this.pages.setSubscribed(page.id, false);
      return reasonOf(error);
    }
  }

  private activePages(organisationId: string): Promise<MetaPage[]> {
    return this.pages.findActive(organisationId);
  }
}
