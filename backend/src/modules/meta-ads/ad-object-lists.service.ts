import { Injectable } from '@nestjs/common';
import type {
  AdAccountSyncStateDto,
  AdListQuery,
  AdSetListQuery,
  AdObjectListQuery,
  MetaAdDto,
  MetaAdSetDto,
  MetaCampaignDto,
  Page,
} from '@legeai/contracts';
import { pageOf } from '../../common/paging/page-query.dto';
import { AdAssetsDirectory, type AdAccountRef } from '../meta-assets';
import type { MetaAd } from './entities/meta-ad.entity';
import type { MetaAdSet } from './entities/meta-ad-set.entity';
import type { MetaCampaign } from './entities/meta-campaign.entity';
import { toAdDto, toAdSetDto, toCampaignDto } from './mirror/ad-object-dtos';
import { AdObjectResultsRegistry } from './mirror/ad-object-results';
import { AdObjectsRepository } from './repositories/ad-objects.repository';
import { AdsSyncStateRepository } from './repositories/ads-sync-state.repository';

/** What the console and API consumers read of the mirror: the lists with their filters, and how each account's sync stands. */
@Injectable()
export class AdObjectListsService {
  constructor(
    private readonly objects: AdObjectsRepository,
    private readonly states: AdsSyncStateRepository,
    private readonly directory: AdAssetsDirectory,
    private readonly results: AdObjectResultsRegistry,
  ) {}

  async campaigns(organisationId: string, query: AdObjectListQuery): Promise<Page<MetaCampaignDto>> {
    const page = pageOf(query);
    const { rows, total } = await this.objects.listCampaigns(organisationId, query, page);
    return { items: await this.campaignDtos(organisationId, rows), total, ...page };
  }

  async adSets(organisationId: string, query: AdSetListQuery): Promise<Page<MetaAdSetDto>> {
    const page = pageOf(query);
    const { rows, total } = await this.objects.listAdSets(organisationId, query, page);
    return { items: await this.adSetDtos(organisationId, rows), total, ...page };
  }

  async ads(organisationId: string, query: AdListQuery): Promise<Page<MetaAdDto>> {
    const page = pageOf(query);
    const { rows, total } = await this.objects.listAds(organisationId, query, page);
    return { items: await this.adDtos(organisationId, rows), total, ...page };
  }

  async campaignDtos(organisationId: string, rows: MetaCampaign[]): Promise<MetaCampaignDto[]> {
    const ids = rows.map((r) => r.campaignId);
    const [accounts, counts, results] = await Promise.all([
      this.accounts(organisationId),
      this.objects.childCounts(organisationId, ids),
      this.results.resultsOf(organisationId, 'campaign', ids),
    ]);
    return rows.map((row) =>
      toCampaignDto(
        row,
        accounts.get(row.adAccountId),
        counts.get(row.campaignId) ?? { adSets: 0, ads: 0 },
        results.get(row.campaignId) ?? null,
      ),
    );
  }

  async adSetDtos(organisationId: string, rows: MetaAdSet[]): Promise<MetaAdSetDto[]> {
    const [accounts, results] = await Promise.all([
      this.accounts(organisationId),
      this.results.resultsOf(
        organisationId,
        'adset',
        rows.map((r) => r.adSetId),
      ),
    ]);
    return rows.map((row) => toAdSetDto(row, accounts.get(row.adAccountId)?.currency ?? '', results.get(row.adSetId) ?? null));
  }

  async adDtos(organisationId: string, rows: MetaAd[]): Promise<MetaAdDto[]> {
    const [forms, results] = await Promise.all([
      this.directory.leadForms(
        organisationId,
        rows.flatMap((r) => (r.leadFormId ? [r.leadFormId] : [])),
      ),
      this.results.resultsOf(
        organisationId,
        'ad',
        rows.map((r) => r.adId),
      ),
    ]);
    return rows.map((row) =>
      toAdDto(row, row.leadFormId ? (forms.get(row.leadFormId)?.name ?? null) : null, results.get(row.adId) ?? null),
    );
  }

  /** Every active ad account, with its mirror's state (`never` before its first sync). */
  async syncStates(organisationId: string): Promise<AdAccountSyncStateDto[]> {
    const [accounts, states] = await Promise.all([
      this.directory.listAdAccounts(organisationId, { activeOnly: true }),
      this.states.list(organisationId),
    ]);
    const byAccount = new Map(states.map((s) => [s.adAccountId, s]));
    return Promise.all(
      accounts.map(async (account): Promise<AdAccountSyncStateDto> => {
        const state = byAccount.get(account.adAccountId);
        return {
          adAccountId: account.adAccountId,
          adAccountName: account.name,
          currency: account.currency,
          state: state?.state ?? 'never',
          lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
          lastError: state?.lastError ?? null,
          lastRequests: state?.lastRequests ?? null,
          counts: await this.objects.counts(organisationId, account.adAccountId),
        };
      }),
    );
  }

  async accountCurrency(organisationId: string, adAccountId: string): Promise<string | null> {
    return (await this.directory.adAccount(organisationId, adAccountId))?.currency ?? null;
  }

  private async accounts(organisationId: string): Promise<Map<string, AdAccountRef>> {
    return new Map((await this.directory.listAdAccounts(organisationId)).map((a) => [a.adAccountId, a]));
  }
}
