import { Injectable } from '@nestjs/common';
import type { InsightAccountStateDto } from '@legeai/contracts';
import { DataSource } from 'typeorm';

interface AccountRow {
  ad_account_id: string;
  timezone: string;
  currency: string;
  attribution_setting: string | null;
  backfilled_since: string | null;
  data_as_of: Date | null;
  throttled_until: Date | null;
  last_error: string | null;
  updated_at: Date;
}

export interface InsightAccount extends InsightAccountStateDto {
  updatedAt: Date;
}

const COLUMNS = `ad_account_id, timezone, currency, attribution_setting, to_char(backfilled_since, 'YYYY-MM-DD') AS backfilled_since,
  data_as_of, throttled_until, last_error, updated_at`;

/** Every statement on meta_insight_accounts: per ad account, what its pulls use (zone, currency, attribution) and how they stand. */
@Injectable()
export class InsightAccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(organisationId: string, adAccountId: string): Promise<InsightAccount | null> {
    const [row]: AccountRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM meta_insight_accounts WHERE organisation_id = $1 AND ad_account_id = $2`,
      [organisationId, adAccountId],
    );
    return row ? toAccount(row) : null;
  }

  async list(organisationId: string): Promise<InsightAccountStateDto[]> {
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM meta_insight_accounts WHERE organisation_id = $1 ORDER BY ad_account_id`,
      [organisationId],
    );
    return rows.map((row) => {
      const { updatedAt: _updated, ...dto } = toAccount(row);
      return dto;
    });
  }

  /** What Meta says of the account: its zone (the days of its facts), currency and attribution setting. */
  async saveFacts(
    organisationId: string,
    adAccountId: string,
    facts: { timeZone: string; currency: string; attributionSetting: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO meta_insight_accounts (organisation_id, ad_account_id, timezone, currency, attribution_setting)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, ad_account_id) DO UPDATE SET timezone = EXCLUDED.timezone, currency = EXCLUDED.currency,
         attribution_setting = EXCLUDED.attribution_setting, updated_at = now()`,
      [organisationId, adAccountId, facts.timeZone, facts.currency, facts.attributionSetting],
    );
  }

  /** A pull ended well: data as of now, no error, no throttle; a backfill also moves `backfilled_since` back. */
  async pulled(organisationId: string, adAccountId: string, backfilledSince: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE meta_insight_accounts SET data_as_of = now(), last_error = NULL, throttled_until = NULL,
              backfilled_since = CASE WHEN $3::date IS NULL THEN backfilled_since ELSE LEAST(COALESCE(backfilled_since, $3::date), $3::date) END,
              backfilled_at = CASE WHEN $3::date IS NULL THEN backfilled_at ELSE now() END
        WHERE organisation_id = $1 AND ad_account_id = $2`,
      [organisationId, adAccountId, backfilledSince],
    );
  }

  async throttled(organisationId: string, adAccountId: string, until: Date, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE meta_insight_accounts SET throttled_until = $3, last_error = $4 WHERE organisation_id = $1 AND ad_account_id = $2`,
      [organisationId, adAccountId, until, message],
    );
  }

  async failed(organisationId: string, adAccountId: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE meta_insight_accounts SET last_error = $3 WHERE organisation_id = $1 AND ad_account_id = $2`, [
      organisationId,
      adAccountId,
      message,
    ]);
  }
}

function toAccount(row: AccountRow): InsightAccount {
  return {
    adAccountId: row.ad_account_id,
    timeZone: row.timezone,
    currency: row.currency,
    attributionSetting: row.attribution_setting,
    backfilledSince: row.backfilled_since,
    dataAsOf: row.data_as_of ? new Date(row.data_as_of).toISOString() : null,
    throttledUntil: row.throttled_until ? new Date(row.throttled_until).toISOString() : null,
    lastError: row.last_error,
    updatedAt: new Date(row.updated_at),
  };
}
