import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MetaHealthCheck } from '@legeai/contracts';
import { LIVE_LEAD_FORMS } from '../../meta-assets';
import {
  CONNECTION_ORDER,
  ConnectionLifecycle,
  type ConnectionParticipant,
  type ConnectionStatusFacts,
  type HealthRun,
} from '../../meta-auth';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { lastWebhookCheck } from './last-webhook-check';

/**
 * The webhook's part in a connection's life: when the last delivery came, on the status card and as a health check
 * (a warning after a long silence while lead forms are live; ad assets tell how many are, earlier in the same run).
 */
@Injectable()
export class LastWebhookConnection implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-webhook: last delivery';
  readonly order = CONNECTION_ORDER.deliveries;

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly inbox: WebhookInboxRepository,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  async healthChecks(_integration: unknown, run: HealthRun): Promise<MetaHealthCheck[]> {
    return [lastWebhookCheck(await this.inbox.lastReceivedAt(), (run.get(LIVE_LEAD_FORMS) ?? 0) > 0, run.now)];
  }

  async healthChecksWithoutToken(run: HealthRun): Promise<MetaHealthCheck[]> {
    return [lastWebhookCheck(await this.inbox.lastReceivedAt(), false, run.now)];
  }

  async status(): Promise<ConnectionStatusFacts> {
    const at = await this.inbox.lastReceivedAt();
    return { lastWebhookAt: at ? at.toISOString() : null };
  }
}
