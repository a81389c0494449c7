import { Injectable, Logger } from '@nestjs/common';
import type { AdObjectLevel } from '@legeai/contracts';
import { AdsGraphApi } from '../graph/ads-graph.api';
import type { GraphAd, GraphAdSet, GraphCampaign } from '../graph/graph-ad-objects';
import { adRow, adSetRow, campaignRow } from '../mirror/graph-rows';
import { AdObjectsRepository } from '../repositories/ad-objects.repository';
import type { AdsWriteSession } from './ads-write-session';

const EDGE = { campaign: 'campaigns', adset: 'adsets', ad: 'ads' } as const;

/**
 * After a write Meta accepted, the mirror takes the object as Meta now answers it (effective status, budgets as Meta
 * rounded them), never our own idea of the change. Answers false when the read-back failed: the write stands and the
 * next sync brings the object.
 */
@Injectable()
export class AdObjectReadBack {
  private readonly logger = new Logger(AdObjectReadBack.name);

  constructor(
    private readonly graph: AdsGraphApi,
    private readonly objects: AdObjectsRepository,
  ) {}

  async refresh(session: AdsWriteSession, level: AdObjectLevel, metaId: string): Promise<boolean> {
    const { organisationId, account } = session;
    try {
      const answer = await session.call((ctx, counter) =>
        this.graph.read<GraphCampaign & GraphAdSet & GraphAd>(metaId, EDGE[level], ctx, counter),
      );
      const now = new Date();
      if (level === 'campaign') await this.objects.upsertCampaigns([campaignRow(organisationId, account.adAccountId, answer, now)]);
      else if (level === 'adset') await this.objects.upsertAdSets([adSetRow(organisationId, account.adAccountId, answer, now)]);
      else await this.objects.upsertAds([adRow(organisationId, account.adAccountId, answer, now)]);
      return true;
    } catch (error) {
      this.logger.warn(
        { organisationId, level, metaId, err: (error as Error).message },
        'Could not read back an ad object after a write; the next sync brings it',
      );
      return false;
    }
  }
}
