import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AdObjectListQuery, AdObjectStatus } from '@legeai/contracts';
import { Brackets, IsNull, Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { BudgetHolder } from '../guardrails';
import { MetaAd } from '../entities/meta-ad.entity';
import { MetaAdSet } from '../entities/meta-ad-set.entity';
import { MetaCampaign } from '../entities/meta-campaign.entity';
import type { AdRow, AdSetRow, CampaignRow } from '../mirror/graph-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows per statement: one JSON parameter each, so the bound is the statement's size, not PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

/** A mirror column: its name, its PostgreSQL type, and the row property it comes from. */
type Column = [column: string, type: string, prop: string];

const IDENTITY: Column[] = [
  ['organisation_id', 'uuid', 'organisationId'],
  ['ad_account_id', 'varchar', 'adAccountId'],
];
const TRACKING: Column[] = [
  ['name', 'text', 'name'],
  ['status', 'varchar', 'status'],
  ['effective_status', 'varchar', 'effectiveStatus'],
  ['problems', 'jsonb', 'problems'],
  ['meta_updated_at', 'timestamptz', 'metaUpdatedAt'],
  ['synced_at', 'timestamptz', 'syncedAt'],
  ['deleted_at', 'timestamptz', 'deletedAt'],
];
const BUDGETS: Column[] = [
  ['daily_budget_minor', 'bigint', 'dailyBudgetMinor'],
  ['lifetime_budget_minor', 'bigint', 'lifetimeBudgetMinor'],
  ['bid_strategy', 'varchar', 'bidStrategy'],
  ['start_time', 'timestamptz', 'startTime'],
];
const CAMPAIGN_COLUMNS: Column[] = [
  ...IDENTITY,
  ['campaign_id', 'varchar', 'campaignId'],
  ...TRACKING,
  ...BUDGETS,
  ['objective', 'varchar', 'objective'],
  ['special_ad_categories', 'text[]', 'specialAdCategories'],
  ['special_ad_category_country', 'text[]', 'specialAdCategoryCountry'],
  ['stop_time', 'timestamptz', 'stopTime'],
];
const AD_SET_COLUMNS: Column[] = [
  ...IDENTITY,
  ['ad_set_id', 'varchar', 'adSetId'],
  ['campaign_id', 'varchar', 'campaignId'],
  ...TRACKING,
  ...BUDGETS,
  ['optimization_goal', 'varchar', 'optimizationGoal'],
  ['billing_event', 'varchar', 'billingEvent'],
  ['destination_type', 'varchar', 'destinationType'],
  ['page_id', 'varchar', 'pageId'],
  ['end_time', 'timestamptz', 'endTime'],
  ['targeting', 'jsonb', 'targeting'],
  ['targeting_text', 'text', 'targetingText'],
  ['target_countries', 'text[]', 'targetCountries'],
  ['target_regions', 'text[]', 'targetRegions'],
  ['target_cities', 'text[]', 'targetCities'],
  ['target_zips', 'text[]', 'targetZips'],
  ['age_min', 'integer', 'ageMin'],
  ['age_max', 'integer', 'ageMax'],
  ['genders', 'integer[]', 'genders'],
];
const AD_COLUMNS: Column[] = [
  ...IDENTITY,
  ['ad_id', 'varchar', 'adId'],
  ['campaign_id', 'varchar', 'campaignId'],
  ['ad_set_id', 'varchar', 'adSetId'],
  ...TRACKING,
  ['creative', 'jsonb', 'creative'],
  ['lead_form_id', 'varchar', 'leadFormId'],
];

/**
 * `INSERT … SELECT FROM jsonb_to_recordset($1) ON CONFLICT (org, Meta id) DO UPDATE`: a page of 500 objects is one
 * statement with one parameter. Building a 500-row VALUES list with 30 parameters a row cost the sync of a 6,000-ad
 * account most of its time (docs/benchmarks.md).
 */
function upsertStatement(table: string, columns: Column[], metaId: string): string {
  const names = columns.map(([c]) => c);
  const updated = names.filter((c) => c !== 'organisation_id' && c !== metaId);
  return (
    `INSERT INTO ${table} (${names.join(', ')}) ` +
    `SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([c, type]) => `${c} ${type}`).join(', ')}) ` +
    `ON CONFLICT (organisation_id, ${metaId}) DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`
  );
}

const UPSERT = {
  campaigns: upsertStatement('meta_campaigns', CAMPAIGN_COLUMNS, 'campaign_id'),
  adSets: upsertStatement('meta_ad_sets', AD_SET_COLUMNS, 'ad_set_id'),
  ads: upsertStatement('meta_ads', AD_COLUMNS, 'ad_id'),
};

function recordsOf(rows: object[], columns: Column[]): string {
  return JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map(([c, , prop]) => [c, (row as Record<string, unknown>)[prop] ?? null]))),
  );
}

export type ListFilters = Omit<AdObjectListQuery, 'limit' | 'offset' | 'sort' | 'order'> & {
  campaignId?: string;
  adSetId?: string;
  sort?: AdObjectListQuery['sort'];
  order?: AdObjectListQuery['order'];
};

export interface ListPage<T> {
  rows: T[];
  total: number;
}

/**
 * Every statement on the mirror's tables (meta_campaigns, meta_ad_sets, meta_ads): upserts by Meta id from syncs and
 * read-backs, the deletions a full sync implies, lookups and the console's lists. Always scoped by organisation.
 */
@Injectable()
export class AdObjectsRepository {
  constructor(
    @InjectRepository(MetaCampaign) private readonly campaigns: Repository<MetaCampaign>,
    @InjectRepository(MetaAdSet) private readonly adSets: Repository<MetaAdSet>,
    @InjectRepository(MetaAd) private readonly ads: Repository<MetaAd>,
  ) {}

  upsertCampaigns(rows: CampaignRow[]): Promise<void> {
    return this.upsert(UPSERT.campaigns, CAMPAIGN_COLUMNS, rows);
  }

  upsertAdSets(rows: AdSetRow[]): Promise<void> {
    return this.upsert(UPSERT.adSets, AD_SET_COLUMNS, rows);
  }

  upsertAds(rows: AdRow[]): Promise<void> {
    return this.upsert(UPSERT.ads, AD_COLUMNS, rows);
  }

  private async upsert(statement: string, columns: Column[], rows: object[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.campaigns.query(statement, [recordsOf(rows.slice(i, i + CHUNK), columns)]);
  }

  /**
   * After a full sync that started at `syncStart`: what it did not list is gone at Meta (deleted or archived). Rows
   * written since (a creation while the sync ran) carry a later `synced_at` and stay.
   */
  async markUnlistedDeleted(organisationId: string, adAccountId: string, syncStart: Date): Promise<number> {
    let marked = 0;
    for (const repo of [this.ads, this.adSets, this.campaigns] as Repository<ObjectLiteral>[]) {
      const result = await repo
        .createQueryBuilder()
        .update()
        .set({ deletedAt: () => 'now()', updatedAt: () => 'now()' })
        .where('organisation_id = :organisationId AND ad_account_id = :adAccountId AND deleted_at IS NULL AND synced_at < :syncStart', {
          organisationId,
          adAccountId,
          syncStart,
        })
        .execute();
      marked += result.affected ?? 0;
    }
    return marked;
  }

  /** By local id (uuid) or Meta's id. */
  findCampaign(organisationId: string, id: string): Promise<MetaCampaign | null> {
    return this.campaigns.findOne({ where: UUID.test(id) ? { organisationId, id } : { organisationId, campaignId: id } });
  }

  findAdSet(organisationId: string, id: string): Promise<MetaAdSet | null> {
    return this.adSets.findOne({ where: UUID.test(id) ? { organisationId, id } : { organisationId, adSetId: id } });
  }

  findAd(organisationId: string, id: string): Promise<MetaAd | null> {
    return this.ads.findOne({ where: UUID.test(id) ? { organisationId, id } : { organisationId, adId: id } });
  }

  campaignByMetaId(organisationId: string, campaignId: string): Promise<MetaCampaign | null> {
    return this.campaigns.findOne({ where: { organisationId, campaignId } });
  }

  /** The account's campaigns and ad sets whose daily budgets may spend, for the ceiling. */
  async budgetHolders(organisationId: string, adAccountId: string): Promise<BudgetHolder[]> {
    const where = { organisationId, adAccountId, deletedAt: IsNull() };
    const [campaigns, adSets] = await Promise.all([
      this.campaigns.find({ where, select: { campaignId: true, status: true, dailyBudgetMinor: true } }),
      this.adSets.find({ where, select: { adSetId: true, campaignId: true, status: true, dailyBudgetMinor: true } }),
    ]);
    return [
      ...campaigns.map((c): BudgetHolder => ({
        level: 'campaign',
        id: c.campaignId,
        campaignId: c.campaignId,
        status: c.status,
        dailyBudgetMinor: c.dailyBudgetMinor,
        deleted: false,
      })),
      ...adSets.map((s): BudgetHolder => ({
        level: 'adset',
        id: s.adSetId,
        campaignId: s.campaignId,
        status: s.status,
        dailyBudgetMinor: s.dailyBudgetMinor,
        deleted: false,
      })),
    ];
  }

  /** Live (not deleted) objects of an ad account, per level. */
  async counts(organisationId: string, adAccountId: string): Promise<{ campaigns: number; adSets: number; ads: number }> {
    const where = { organisationId, adAccountId, deletedAt: IsNull() };
    const [campaigns, adSets, ads] = await Promise.all([
      this.campaigns.count({ where }),
      this.adSets.count({ where }),
      this.ads.count({ where }),
    ]);
    return { campaigns, adSets, ads };
  }

  /** Live ad sets and ads per campaign (Meta ids), for the campaign list. */
  async childCounts(organisationId: string, campaignIds: string[]): Promise<Map<string, { adSets: number; ads: number }>> {
    const out = new Map(campaignIds.map((id) => [id, { adSets: 0, ads: 0 }]));
    if (campaignIds.length === 0) return out;
    const count = (repo: Repository<ObjectLiteral>) =>
      repo
        .createQueryBuilder('o')
        .select('o.campaign_id', 'campaign_id')
        .addSelect('count(*)::int', 'n')
        .where('o.organisation_id = :organisationId AND o.campaign_id IN (:...campaignIds) AND o.deleted_at IS NULL', {
          organisationId,
          campaignIds,
        })
        .groupBy('o.campaign_id')
        .getRawMany<{ campaign_id: string; n: number }>();
    const [adSets, ads] = await Promise.all([
      count(this.adSets as Repository<ObjectLiteral>),
      count(this.ads as Repository<ObjectLiteral>),
    ]);
    for (const row of adSets) out.get(row.campaign_id)!.adSets = row.n;
    for (const row of ads) out.get(row.campaign_id)!.ads = row.n;
    return out;
  }

  listCampaigns(organisationId: string, filters: ListFilters, page: { limit: number; offset: number }): Promise<ListPage<MetaCampaign>> {
    const q = this.campaigns.createQueryBuilder('o').where('o.organisation_id = :organisationId', { organisationId });
    if (filters.objective) q.andWhere('o.objective = :objective', { objective: filters.objective });
    return this.page(q, filters, page, true);
  }

  listAdSets(organisationId: string, filters: ListFilters, page: { limit: number; offset: number }): Promise<ListPage<MetaAdSet>> {
    const q = this.adSets.createQueryBuilder('o').where('o.organisation_id = :organisationId', { organisationId });
    if (filters.campaignId) q.andWhere('o.campaign_id = :campaignId', { campaignId: filters.campaignId });
    this.byObjective(q, filters.objective);
    return this.page(q, filters, page, true);
  }

  listAds(organisationId: string, filters: ListFilters, page: { limit: number; offset: number }): Promise<ListPage<MetaAd>> {
    const q = this.ads.createQueryBuilder('o').where('o.organisation_id = :organisationId', { organisationId });
    if (filters.campaignId) q.andWhere('o.campaign_id = :campaignId', { campaignId: filters.campaignId });
    if (filters.adSetId) q.andWhere('o.ad_set_id = :adSetId', { adSetId: filters.adSetId });
    this.byObjective(q, filters.objective);
    return this.page(q, filters, page, false);
  }

  /** Ad sets and ads have the objective of their campaign. */
  private byObjective(q: SelectQueryBuilder<ObjectLiteral>, objective: string | undefined): void {
    if (!objective) return;
    q.andWhere(
      `EXISTS (SELECT 1 FROM meta_campaigns c WHERE c.organisation_id = o.organisation_id AND c.campaign_id = o.campaign_id AND c.objective = :objective)`,
      { objective },
    );
  }

  private async page<T extends ObjectLiteral>(
    q: SelectQueryBuilder<T>,
    filters: ListFilters,
    page: { limit: number; offset: number },
    hasBudget: boolean,
  ): Promise<ListPage<T>> {
    if (filters.adAccountId) q.andWhere('o.ad_account_id = :adAccountId', { adAccountId: filters.adAccountId });
    // Objects gone at Meta are hidden unless asked for by their status.
    if (filters.status === 'DELETED') q.andWhere(new Brackets((b) => b.where('o.deleted_at IS NOT NULL').orWhere(`o.status = 'DELETED'`)));
    else {
      q.andWhere('o.deleted_at IS NULL');
      if (filters.status) q.andWhere('o.status = :status', { status: filters.status satisfies AdObjectStatus });
    }
    if (filters.effectiveStatus) q.andWhere('o.effective_status = :effectiveStatus', { effectiveStatus: filters.effectiveStatus });
    if (filters.q) q.andWhere(`o.name ILIKE :q ESCAPE '\\'`, { q: `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const direction = filters.order === 'desc' ? 'DESC' : 'ASC';
    switch (filters.sort) {
      case 'status':
        q.orderBy('o.effective_status', direction);
        break;
      case 'updatedAt':
        q.orderBy('o.meta_updated_at', direction, 'NULLS LAST');
        break;
      case 'budget':
        if (hasBudget) q.orderBy('COALESCE(o.daily_budget_minor, o.lifetime_budget_minor)', direction, 'NULLS LAST');
        else q.orderBy('o.name', direction);
        break;
      default:
        q.orderBy('o.name', direction);
    }
    q.addOrderBy('o.id', 'ASC').limit(page.limit).offset(page.offset);
    const [rows, total] = await q.getManyAndCount();
    return { rows, total };
  }
}
