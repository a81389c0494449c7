import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MetaAdsSyncState } from '../entities/meta-ads-sync-state.entity';

type Change = Partial<Omit<MetaAdsSyncState, 'organisationId' | 'adAccountId' | 'updatedAt'>>;

/** Every statement on meta_ads_sync_state: one row per ad account, written as its sync moves along. */
@Injectable()
export class AdsSyncStateRepository {
  constructor(@InjectRepository(MetaAdsSyncState) private readonly rows: Repository<MetaAdsSyncState>) {}

  async set(organisationId: string, adAccountId: string, change: Change): Promise<void> {
    await this.rows.upsert(
      { organisationId, adAccountId, ...change },
      { conflictPaths: ['organisationId', 'adAccountId'], skipUpdateIfNoValuesChanged: false },
    );
  }

  /** Marks queued unless a sync of the account is running: its row keeps saying so until it ends. */
  async markQueued(organisationId: string, adAccountIds: string[]): Promise<void> {
    for (const adAccountId of adAccountIds) {
      await this.rows.query(
        `INSERT INTO meta_ads_sync_state (organisation_id, ad_account_id, state, queued_at) VALUES ($1, $2, 'queued', now())
         ON CONFLICT (organisation_id, ad_account_id) DO UPDATE SET queued_at = now(), updated_at = now(),
           state = CASE WHEN meta_ads_sync_state.state IN ('running', 'paused') THEN meta_ads_sync_state.state ELSE 'queued' END`,
        [organisationId, adAccountId],
      );
    }
  }

  /**
   * Ad accounts whose last sync failed and whose last good one is older than `okBefore` (or never was): with the
   * hourly schedule, a sync that failed for that long keeps failing (read by alerts).
   */
  failingSince(organisationId: string, okBefore: Date): Promise<MetaAdsSyncState[]> {
    return this.rows
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.state = :failed', { organisationId, failed: 'failed' })
      .andWhere('(s.last_synced_at IS NULL OR s.last_synced_at < :okBefore)', { okBefore })
      .orderBy('s.ad_account_id')
      .getMany();
  }

  list(organisationId: string): Promise<MetaAdsSyncState[]> {
    return this.rows.find({ where: { organisationId } });
  }

  find(organisationId: string, adAccountId: string): Promise<MetaAdsSyncState | null> {
    return this.rows.findOne({ where: { organisationId, adAccountId } });
  }
}
