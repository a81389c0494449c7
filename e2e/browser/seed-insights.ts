import { Client } from 'pg';

import { requiredEnv } from './browser';

/** A campaign of a seeded ad account: its daily spend and Meta's leads, and the stored leads a day it brought. */
export interface SeededCampaign {
  readonly id: string;
  readonly name: string;
  readonly spend: number;
  readonly metaLeads: number;
  /** One stored lead a day per entry: its status and, for a won one, its premium. */
  readonly leads: readonly (readonly [status: string, premium: number | null])[];
}

/**
 * Insight facts as the insights pull stores them for the last 100 days of `account` (zone UTC, USD), leads that line
 * up with them, and a platform breakdown, straight in the server's database: no console flow makes facts. Each spec
 * seeds an account of its own, so their figures do not mix.
 */
export async function seedInsights(adminEmail: string, account: string, campaigns: readonly SeededCampaign[]): Promise<void> {
  const client = new Client({ connectionString: requiredEnv('E2E_DATABASE_URL') });
  await client.connect();
  try {
    const [{ organisation_id: org }] = (
      await client.query(`SELECT m.organisation_id FROM organisation_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [
        adminEmail,
      ])
    ).rows;
    await client.query(`DELETE FROM meta_insight_facts WHERE organisation_id = $1 AND ad_account_id = $2`, [org, account]);
    await client.query(
      `INSERT INTO meta_insight_accounts (organisation_id, ad_account_id, timezone, currency, data_as_of)
       VALUES ($1, $2, 'UTC', 'USD', now() - interval '2 hours') ON CONFLICT DO NOTHING`,
      [org, account],
    );
    const days = `(SELECT g::date AS d FROM generate_series(current_date - 99, current_date, interval '1 day') g) AS days`;
    for (const c of campaigns) {
      await client.query(
        `INSERT INTO meta_campaigns (organisation_id, ad_account_id, campaign_id, name, status, effective_status, objective, synced_at)
         VALUES ($1, $2, $3, $4, 'ACTIVE', 'ACTIVE', 'OUTCOME_LEADS', now()) ON CONFLICT DO NOTHING`,
        [org, account, c.id, c.name],
      );
      await client.query(
        `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, object_id, date, campaign_id, spend, impressions, clicks, leads, currency)
         SELECT $1, $2, 'campaign', $3, d, $3, $4::numeric, $4::int * 100, $4::int * 2, $5::int, 'USD' FROM ${days}`,
        [org, account, c.id, c.spend, c.metaLeads],
      );
      // At noon of each day, today's no later than now: a lead received in the future would stay above every lead that
      // arrives during the run (the list is newest first), and the console offers only leads newer than the newest shown.
      for (const [status, premium] of c.leads) {
        await client.query(
          `INSERT INTO leads (organisation_id, full_name, source, campaign_id, status, premium_value, premium_currency, received_at)
           SELECT $1, 'Browser lead', 'meta_lead_ads', $2, $3::lead_status, $4::numeric, CASE WHEN $4::numeric IS NULL THEN NULL ELSE 'USD' END,
             LEAST(d + interval '12 hours', now()) FROM ${days}`,
          [org, c.id, status, premium],
        );
      }
    }
    await client.query(
      `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key, spend, impressions, leads, currency)
       SELECT $1, $2, 'account', 'platform', $2, d, p.key, p.spend, p.spend * 100, p.leads, 'USD'
       FROM ${days}, (VALUES ('facebook', 120, 6), ('instagram', 50, 2)) AS p(key, spend, leads)`,
      [org, account],
    );
  } finally {
    await client.end();
  }
}
