import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { CONNECTION_ORDER, type ConnectionParticipant, type LiveConnection } from '../lifecycle/connection-participant';
import { MetaHealthService } from './meta-health.service';

/** After a connect, the health check runs at its place among the steps, so the console shows a filled-in card at once. */
@Injectable()
export class HealthCheckOnConnect implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-auth: health check';
  readonly order = CONNECTION_ORDER.healthCheck;

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly health: MetaHealthService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  async connected({ integration }: LiveConnection): Promise<void> {
    await this.health.check(integration);
  }
}
