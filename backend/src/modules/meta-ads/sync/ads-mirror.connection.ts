import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
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
  private readonly logger = new Logger(AdsMirrorConnection.name);

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly sync: AdsSyncService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  connected({ integration }: LiveConnection): Promise<AuditDetails> {
    return this.queueSyncs(integration.organisationId);
  }

  refresh({ integration }: LiveConnection): Promise<AuditDetails> {
    return this.queueSyncs(integration.organisationId);
  }

  /** A queue that cannot take the jobs does not fail the connect: the hourly schedule syncs the accounts anyway. */
  private async queueSyncs(organisationId: string): Promise<AuditDetails> {
    try {
      return { adAccountSyncsQueued: (await this.sync.enqueue(organisationId, 'connect')).length };
    } catch (error) {
      this.logger.warn(
        { organisationId, err: (error as Error).message },
        'Could not queue the ad account syncs of a connect; the schedule brings them',
      );
      return { adAccountSyncsQueued: 0, adsSyncError: (error as Error).message };
    }
  }
}
