import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrganisationStateListeners, type OrganisationStateListener } from '../../organisations';
import { LeadSyncReplayService } from './lead-sync-replay.service';

/**
 * Leads that arrived while their organisation was suspended were acknowledged and parked; when a platform
 * administrator reactivates it they are replayed (`replayedLeads` in the audit entry; replaying never throws).
 */
@Injectable()
export class ParkedLeadsOnReactivation implements OrganisationStateListener, OnModuleInit {
  readonly name = 'meta-leads: parked leads replayed';

  constructor(
    private readonly listeners: OrganisationStateListeners,
    private readonly replays: LeadSyncReplayService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async reactivated(organisationId: string): Promise<Record<string, unknown>> {
    return { replayedLeads: await this.replays.replayParked(organisationId, 'reactivated') };
  }
}
