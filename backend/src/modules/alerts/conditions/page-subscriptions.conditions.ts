import { Injectable } from '@nestjs/common';
import { AlertEventType } from '@legeai/contracts';
import { MetaPagesRepository } from '../../meta-assets';
import { MetaIntegrationRepository } from '../../meta-auth';
import type { AlertConditionSource, AlertFinding, ConditionContext } from './alert-condition-source';

/**
 * Pages whose `leadgen` webhook subscription is off while the connection is active: the discovery and the health
 * check subscribe them again, so one still off was not healed, and its leads arrive only by reconciliation
 * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/).
 */
@Injectable()
export class PageSubscriptionConditions implements AlertConditionSource {
  readonly id = 'meta-page-subscriptions';

  constructor(
    private readonly integrations: MetaIntegrationRepository,
    private readonly pages: MetaPagesRepository,
  ) {}

  async evaluate({ organisationId }: ConditionContext): Promise<AlertFinding[]> {
    // A connection waiting for a reconnect has its own alert; its Pages cannot be subscribed until then.
    if (!(await this.integrations.findActive(organisationId))) return [];
    const lost = await this.pages.unsubscribedWithToken(organisationId);
    if (lost.length === 0) return [];
    const names = lost.map((page) => page.pageName ?? page.pageId);
    return [
      {
        key: 'page_subscription_lost',
        eventType: AlertEventType.PageSubscriptionLost,
        title:
          lost.length === 1
            ? 'A Page no longer sends its leads in real time'
            : `${lost.length} Pages no longer send their leads in real time`,
        body:
          `Meta's lead webhook is off for ${names.join(', ')}, and subscribing again did not restore it. ` +
          'Their leads arrive only through the reconciliation, late. Check the Page permissions, then run the health check on Integrations → Meta.',
        link: '/integrations/meta',
      },
    ];
  }
}
