import { Injectable } from '@nestjs/common';
import { CapiOutboxRepository, type CampaignEventCounts, type CampaignLeadsWindow } from '../outbox/capi-outbox.repository';

export type { CampaignEventCounts, CampaignLeadsWindow };

/**
 * The read port other modules use to show the loop working (the insights dashboard's campaign table): per campaign,
 * the Conversions API events of its leads sent and accepted. The outbox's table stays this module's own.
 */
@Injectable()
export class ConversionsPerCampaign {
  constructor(private readonly outbox: CapiOutboxRepository) {}

  /** By campaign id; a campaign whose leads made no event is absent (read it as zero). */
  async ofCampaignLeads(organisationId: string, windows: readonly CampaignLeadsWindow[]): Promise<Map<string, CampaignEventCounts>> {
    const rows = await this.outbox.perCampaign(organisationId, windows);
    return new Map(rows.map((r) => [r.campaignId, r]));
  }
}
