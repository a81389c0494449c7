import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { GraphAdAccount } from '../meta-assets.api';

/** Every statement on `meta_ad_accounts` that writes: the discovery's mirror and the disconnect. */
@Injectable()
export class MetaAdAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Mirrors one ad account Meta listed (`act_<id>`), upserting by it. */
  async upsertListed(organisationId: string, integrationId: string, adAccountId: string, account: GraphAdAccount): Promise<void> {
    await this.db.query(
      `INSERT INTO meta_ad_accounts (organisation_id, integration_id, ad_account_id, ad_account_name, currency, timezone,
         account_status, business_id, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
       ON CONFLICT (organisation_id, ad_account_id) DO UPDATE SET integration_id = EXCLUDED.integration_id,
         ad_account_name = EXCLUDED.ad_account_name, currency = EXCLUDED.currency, timezone = EXCLUDED.timezone,
         account_status = EXCLUDED.account_status, business_id = EXCLUDED.business_id, is_active = true, updated_at = now()`,
      [
        organisationId,
        integrationId,
        adAccountId,
        account.name ?? null,
        account.currency ?? null,
        account.timezone_name ?? null,
        account.account_status ?? null,
        account.business?.id ?? null,
      ],
    );
  }

  /** Ad accounts Meta stopped listing stay (history) but inactive. */
  async deactivateUnlisted(organisationId: string, seenAdAccountIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE meta_ad_accounts SET is_active = false, updated_at = now()
        WHERE organisation_id = $1 AND is_active AND NOT (ad_account_id = ANY($2::text[]))`,
      [organisationId, seenAdAccountIds],
    );
  }

  /** On a disconnect, in the token wipe's transaction. */
  async deactivateForIntegration(tx: EntityManager, organisationId: string, integrationId: string): Promise<void> {
    await tx.query(`UPDATE meta_ad_accounts SET is_active = false WHERE organisation_id = $1 AND integration_id = $2`, [
      organisationId,
      integrationId,
    ]);
  }
}
