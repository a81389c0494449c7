import { Injectable, OnModuleInit } from '@nestjs/common';
import { CONNECTION_ORDER, ConnectionLifecycle, type AuditDetails, type ConnectionParticipant, type LiveConnection } from '../../meta-auth';
import { AdsSyncService } from './ads-sync.service';

/**
 * MetaAds' part in a connection's life: once discovery has found the ad accounts (connect, reconnect, refresh), a
 * sync of each is queued, so the campaigns show without waiting for the hourly schedule.
 */
@Injectable()
export class AdsMirrorConnection implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-ads: campaign mirror';
  readonly order = CONNECTION_ORDER.adsMirror;

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly sync: AdsSyncService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  async connected({ integration }: LiveConnection): Promise<AuditDetails> {
    return { adAccountSyncsQueued: (await this.sync.enqueue(integration.organisationId, 'connect')).length };
  }

  async refresh({ integration }: LiveConnection): Promise<AuditDetails> {
    return { adAccountSyncsQueued: (await this.sync.enqueue(integration.organisationId, 'connect')).length };
  }
}
