import { Injectable } from '@nestjs/common';
import { AlertEventType, MetaIntegrationStatus } from '@legeai/contracts';
import { MetaIntegrationRepository } from '../../meta-auth';
import type { AlertConditionSource, AlertFinding, ConditionContext } from './alert-condition-source';

const CONNECTION_PAGE = '/integrations/meta';
/** Meta's long-lived user tokens last about 60 days; a week's notice leaves time to reconnect. */
const EXPIRY_NOTICE_MS = 7 * 24 * 3_600_000;

/**
 * The Meta connection's own conditions, read from meta-auth's connection row: Meta refused the token (the connection
 * is `reauth_required`, marked by MetaReauthService), or the token or its data access ends within 7 days
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived/).
 */
@Injectable()
export class MetaConnectionConditions implements AlertConditionSource {
  readonly id = 'meta-connection';

  constructor(private readonly integrations: MetaIntegrationRepository) {}

  async evaluate({ organisationId, now }: ConditionContext): Promise<AlertFinding[]> {
    const integration = await this.integrations.findLive(organisationId);
    if (!integration) return [];
    if (integration.status === MetaIntegrationStatus.ReauthRequired) {
      return [
        {
          key: 'reauth_required',
          eventType: AlertEventType.ReauthRequired,
          title: 'Meta needs a reconnect',
          body:
            `Meta refused the connection's token${integration.statusReason ? ` (${integration.statusReason})` : ''}. ` +
            'Leads wait parked and campaigns, insights and catalog syncs stop until an admin reconnects on Integrations → Meta.',
          link: CONNECTION_PAGE,
        },
      ];
    }
    const ends = [integration.tokenExpiresAt, integration.dataAccessExpiresAt]
      .filter((at): at is Date => !!at && at.getTime() - now.getTime() <= EXPIRY_NOTICE_MS)
      .sort((a, b) => a.getTime() - b.getTime());
    if (integration.status !== MetaIntegrationStatus.Active || ends.length === 0) return [];
    return [
      {
        key: 'token_expiring',
        eventType: AlertEventType.TokenExpiring,
        title: ends[0] <= now ? "The Meta connection's access has ended" : "The Meta connection's access ends soon",
        body: `Meta's access for this connection ends on ${ends[0].toISOString().slice(0, 16).replace('T', ' ')} UTC. Reconnect on Integrations → Meta to renew it.`,
        link: CONNECTION_PAGE,
      },
    ];
  }
}
