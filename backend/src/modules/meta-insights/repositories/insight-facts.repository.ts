import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { factKey, restatedValues, type FactChanges, type FactRow, type StoredMetrics } from '../pulls/insight-facts';

/** Rows per statement: 500 facts × 17 columns stays far under PostgreSQL's parameter limit and keeps statements short. */
export const FACT_BATCH_SIZE = 500;

export interface FactWriteResult {
  written: number;
  restated: number;
}

/**
 * Every statement on meta_insight_facts and meta_insight_restatements. A re-pull updates each fact in place (INSERT ..
 * ON CONFLICT on the primary key: never a second row), and a value Meta changed since the last pull leaves one
 * restatement row with what it was and what it became.
 */
@Injectable()
export class InsightFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the facts of one account (all rows share organisation and account), in batches, each in a transaction. */
  async write(rows: FactRow[], pullId: string): Promise<FactWriteResult> {
    const result: FactWriteResult = { written: 0, restated: 0 };
    for (let i = 0; i < rows.length; i += FACT_BATCH_SIZE) {
      const batch = dedupe(rows.slice(i, i + FACT_BATCH_SIZE));
      const restated = await this.dataSource.transaction((em) => this.writeBatch(em, batch, pullId));
      result.written += batch.length;
      result.restated += restated;
    }
    return result;
  }

  private async writeBatch(em: EntityManager, rows: FactRow[], pullId: string): Promise<number> {
    if (rows.length === 0) return 0;
    const { organisationId, adAccountId } = rows[0];
    const col = <K extends keyof FactRow>(key: K) => rows.map((row) => row[key]);
    // The stored values of these keys, locked until the batch is written: what a restatement is compared with.
    const stored: (StoredMetrics & {
      level: FactRow['level'];
      breakdown: FactRow['breakdown'];
      objectId: string;
      date: string;
      breakdownKey: string;
    })[] = await em.query(
      `SELECT f.level, f.breakdown, f.object_id AS "objectId", to_char(f.date, 'YYYY-MM-DD') AS date, f.breakdown_key AS "breakdownKey",
                f.spend::text AS spend, f.impressions, f.reach, f.clicks, f.link_clicks AS "linkClicks", f.leads
           FROM meta_insight_facts f
           JOIN unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::date[], $7::varchar[]) AS k(level, breakdown, object_id, date, breakdown_key)
             ON f.level = k.level AND f.breakdown = k.breakdown AND f.object_id = k.object_id AND f.date = k.date AND f.breakdown_key = k.breakdown_key
          WHERE f.organisation_id = $1 AND f.ad_account_id = $2
          FOR UPDATE OF f`,
      [organisationId, adAccountId, col('level'), col('breakdown'), col('objectId'), col('date'), col('breakdownKey')],
    );
    const before = new Map(stored.map((row) => [factKey(row), row]));
    const restatements: { row: FactRow; changes: FactChanges }[] = [];
    for (const row of rows) {
      const changes = restatedValues(before.get(factKey(row)), row);
      if (changes) restatements.push({ row, changes });
    }

    await em.query(
      `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key,
                                       campaign_id, adset_id, ad_id, spend, impressions, reach, clicks, link_clicks, leads,
                                       currency, attribution_setting)
       SELECT $1, $2, k.* FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::date[], $7::varchar[], $8::varchar[],
                                      $9::varchar[], $10::varchar[], $11::numeric[], $12::bigint[], $13::bigint[], $14::bigint[],
                                      $15::bigint[], $16::int[], $17::varchar[], $18::varchar[]) AS k
       ON CONFLICT (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key) DO UPDATE SET
         campaign_id = EXCLUDED.campaign_id, adset_id = EXCLUDED.adset_id, ad_id = EXCLUDED.ad_id,
         spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, reach = EXCLUDED.reach, clicks = EXCLUDED.clicks,
         link_clicks = EXCLUDED.link_clicks, leads = EXCLUDED.leads, currency = EXCLUDED.currency,
         attribution_setting = EXCLUDED.attribution_setting, pulled_at = now()`,
      [
        organisationId,
        adAccountId,
        col('level'),
        col('breakdown'),
        col('objectId'),
        col('date'),
        col('breakdownKey'),
        col('campaignId'),
        col('adsetId'),
        col('adId'),
        col('spend'),
        col('impressions'),
        col('reach'),
        col('clicks'),
        col('linkClicks'),
        col('leads'),
        col('currency'),
        col('attributionSetting'),
      ],
    );

    if (restatements.length) {
      const r = <T>(get: (x: (typeof restatements)[number]) => T) => restatements.map(get);
      await em.query(
        `INSERT INTO meta_insight_restatements (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key, changes, pull_id)
         SELECT $1, $2, k.level, k.breakdown, k.object_id, k.date, k.breakdown_key, k.changes, $9
           FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::date[], $7::varchar[], $8::jsonb[])
                AS k(level, breakdown, object_id, date, breakdown_key, changes)`,
        [
          organisationId,
          adAccountId,
          r((x) => x.row.level),
          r((x) => x.row.breakdown),
          r((x) => x.row.objectId),
          r((x) => x.row.date),
          r((x) => x.row.breakdownKey),
          r((x) => JSON.stringify(x.changes)),
          pullId,
        ],
      );
    }
    return restatements.length;
  }
}

/** A key twice in one statement would make ON CONFLICT fail ("cannot affect row a second time"); the last one wins. */
function dedupe(rows: FactRow[]): FactRow[] {
  const byKey = new Map<string, FactRow>();
  for (const row of rows) byKey.set(factKey(row), row);
  return [...byKey.values()];
}
