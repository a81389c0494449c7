import { Injectable } from '@nestjs/common';
import { AlertEventType } from '@legeai/contracts';
import { WebhookEndpointsRepository } from '../../outgoing-webhooks';
import type { AlertConditionSource, AlertFinding, ConditionContext } from './alert-condition-source';

/**
 * Outgoing webhook endpoints the sender disabled after persistent failure: one alert each until someone enables the
 * endpoint again (an endpoint an admin disabled on purpose is no alert).
 */
@Injectable()
export class WebhookEndpointConditions implements AlertConditionSource {
  readonly id = 'webhook-endpoints';

  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async evaluate({ organisationId }: ConditionContext): Promise<AlertFinding[]> {
    const disabled = await this.endpoints.disabledByFailure(organisationId);
    return disabled.map((endpoint) => ({
      key: `webhook_endpoint_disabled:${endpoint.id}`,
      eventType: AlertEventType.WebhookEndpointDisabled,
      title: `Webhook endpoint disabled: ${hostOf(endpoint.url)}`,
      body:
        `Deliveries to ${endpoint.url} kept failing, so it no longer receives lead events` +
        (endpoint.reason ? ` (${endpoint.reason})` : '') +
        '. Fix the receiver, then enable the endpoint: the deliveries it missed go out again.',
      link: '/webhooks',
    }));
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
