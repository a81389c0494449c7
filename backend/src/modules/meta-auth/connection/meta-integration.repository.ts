import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { Not, Repository, type EntityManager } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { ErrorCode } from '@legeai/contracts';
import { organisationSuspendedSql } from '../../organisations';
import { MetaIntegration } from '../entities/meta-integration.entity';

/** Every statement on `meta_integrations` (the connection and its sealed user token). */
@Injectable()
export class MetaIntegrationRepository {
  constructor(@InjectRepository(MetaIntegration) readonly rows: Repository<MetaIntegration>) {}

  findLive(organisationId: string): Promise<MetaIntegration | null> {
    return this.rows.findOne({ where: { organisationId, status: Not(MetaIntegrationStatus.Disconnected) } });
  }

  /** The organisation's connection when it is active (not waiting for a reconnect, not disconnected). */
  findActive(organisationId: string): Promise<MetaIntegration | null> {
    return this.rows.findOne({ where: { organisationId, status: MetaIntegrationStatus.Active } });
  }

  async requireLive(organisationId: string): Promise<MetaIntegration> {
    const integration = await this.findLive(organisationId);
    if (!integration) throw new ApiError(404, ErrorCode.MetaNotConnected, 'No Meta account is connected for this organisation');
    return integration;
  }

  /**
   * Moves an active connection to reauth_required with the reason; with a failed Page token, only while
   * `tokenStillStored` (an SQL condition on the row `i` and the ciphertext `$6`) holds; with a failed user token
   * (`undefined`: not given), only while it is still the row's. Answers whether the row moved.
   */
  async markReauthRequired(
    tx: EntityManager,
    {
      organisationId,
      integrationId,
      reason,
      failedPageToken,
      failedUserToken,
    }: {
      organisationId: string;
      integrationId: string;
      reason: string;
      failedPageToken: string | null;
      failedUserToken: string | null | undefined;
    },
    tokenStillStored: string,
  ): Promise<boolean> {
    const [moved] = (await tx.query(
      `UPDATE meta_integrations i SET status = $3::meta_integration_status, status_reason = $4, updated_at = now()
        WHERE i.id = $1 AND i.organisation_id = $2 AND i.status = $5::meta_integration_status
          AND ($6::text IS NULL OR ${tokenStillStored})
          AND (NOT $7::boolean OR i.access_token_ciphertext IS NOT DISTINCT FROM $8::text)
        RETURNING i.id`,
      [
        integrationId,
        organisationId,
        MetaIntegrationStatus.ReauthRequired,
        reason,
        MetaIntegrationStatus.Active,
        failedPageToken,
        failedUserToken !== undefined,
        failedUserToken ?? null,
      ],
    )) as [{ id: string }[], number];
    return moved.length > 0;
  }

  /**
   * Stores a health run's verdict (status, checks, what `debug_token` said), only while the connection still holds the
   * token that was checked and is not disconnected. A check that started before a reconnect or a disconnect must not
   * write the old token's verdict over the new state (a whole-row save would even have written the old token back).
   * Answers whether it was stored.
   */
  async storeHealth(integration: MetaIntegration, checkedToken: string | null): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update(MetaIntegration)
      .set({
        status: integration.status,
        statusReason: integration.statusReason,
        healthChecks: integration.healthChecks,
        healthOverall: integration.healthOverall,
        lastCheckedAt: integration.lastCheckedAt,
        lastValidatedAt: integration.lastValidatedAt,
        scopes: integration.scopes,
        declinedScopes: integration.declinedScopes,
        tokenExpiresAt: integration.tokenExpiresAt,
        dataAccessExpiresAt: integration.dataAccessExpiresAt,
        tokenType: integration.tokenType,
      })
      .where('id = :id AND organisation_id = :organisationId AND status <> :disconnected', {
        id: integration.id,
        organisationId: integration.organisationId,
        disconnected: MetaIntegrationStatus.Disconnected,
      })
      .andWhere('access_token_ciphertext IS NOT DISTINCT FROM :checkedToken', { checkedToken })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async isActive(organisationId: string, integrationId: string): Promise<boolean> {
    const rows: unknown[] = await this.rows.query(
      `SELECT 1 FROM meta_integrations WHERE id = $1 AND organisation_id = $2 AND status = $3::meta_integration_status`,
      [integrationId, organisationId, MetaIntegrationStatus.Active],
    );
    return rows.length > 0;
  }

  /** Drops the user token and moves the connection to `status` (in the transaction that wipes every token of it). */
  async wipeToken(
    tx: EntityManager,
    organisationId: string,
    integrationId: string,
    status: MetaIntegrationStatus,
    reason: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE meta_integrations SET access_token_ciphertext = NULL, access_token_key_id = NULL,
         status = $3::meta_integration_status, status_reason = $4,
         disconnected_at = CASE WHEN $3::meta_integration_status = 'disconnected' THEN now() ELSE disconnected_at END,
         health_checks = '[]', health_overall = NULL, updated_at = now()
        WHERE id = $1 AND organisation_id = $2`,
      [integrationId, organisationId, status, reason],
    );
  }

  /**
   * Connections the scheduled runs visit (health check, ads sync, insights pulls, reconciliation): not those of a
   * suspended organisation, whose schedules wait for its reactivation.
   */
  findAllLive(): Promise<MetaIntegration[]> {
    return this.rows
      .createQueryBuilder('i')
      .where('i.status <> :disconnected', { disconnected: MetaIntegrationStatus.Disconnected })
      .andWhere(`NOT ${organisationSuspendedSql('i.organisation_id')}`)
      .orderBy('i.created_at', 'ASC')
      .getMany();
  }
}
