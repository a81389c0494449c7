import type { GraphRegistry } from '../core/graph-registry';
import type { SandboxModule } from '../core/sandbox-module';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { appSubscriptionNode, appSubscriptionsEdge } from './app-subscriptions.edge';
import { pageSubscribedAppsEdge, subscribedAppNode } from './page-subscribed-apps.edge';
import { WebhookDelivery } from './webhook-delivery';

/** App and Page subscriptions, and delivery of `leadgen` notifications. */
export class WebhooksModule implements SandboxModule {
  readonly name = 'webhooks';
  delivery!: WebhookDelivery;

  register(registry: GraphRegistry, runtime: SandboxRuntime): void {
    this.delivery = new WebhookDelivery(runtime);
    registry.node(appSubscriptionNode);
    registry.node(subscribedAppNode);
    registry.edge('Application', 'subscriptions', appSubscriptionsEdge);
    registry.edge('Page', 'subscribed_apps', pageSubscribedAppsEdge);
    runtime.events.on('lead.created', (lead) => this.delivery.enqueue(lead));
    runtime.events.on('world.reset', () => this.delivery.reset());
  }

  close(): void {
    this.delivery.reset();
  }
}
