import { Injectable, OnModuleInit } from '@nestjs/common';
import { CONNECTION_ORDER, ConnectionLifecycle, type AuditDetails, type ConnectionParticipant, type LiveConnection } from '../../meta-auth';
import { LeadSyncReplayService } from './lead-sync-replay.service';

/**
 * Lead capture's part in a connection's life: after a reconnect, once the health check has run, the leads parked
 * while the token was dead are fetched with the new one (`replayedLeads` in the audit entry; replaying never throws).
 */
@Injectable()
export class ParkedLeadsOnReconnect implements ConnectionParticipant, OnModuleInit {
  readonly name = 'meta-leads: parked leads replayed';
  readonly order = CONNECTION_ORDER.resume;

  constructor(
    private readonly lifecycle: ConnectionLifecycle,
    private readonly replays: LeadSyncReplayService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.join(this);
  }

  async connected({ integration, reconnected }: LiveConnection & { reconnected: boolean }): Promise<AuditDetails> {
    return { replayedLeads: reconnected ? await this.replays.replayParked(integration.organisationId) : 0 };
  }
}
