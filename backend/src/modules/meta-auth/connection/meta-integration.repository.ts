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
   * Moves an active connection to reauth_required with the reason; with `tokenStillStored` (an SQL condition on the
   * row `i` and the ciphertext `$6`), only while that condition holds. Answers whether the row moved.
   */
  async markReauthRequired(
    tx: EntityManager,
    {
      organisationId,
      integrationId,
      reason,
      failedToken,
    }: { organisationId: string; integrationId: string; reason: string; failedToken: string | null },
    tokenStillStored: string,
  ): Promise<boolean> {
    const [moved] = (await tx.query(
      `UPDATE meta_integrations i SET status = $3::meta_integration_status, status_reason = $4, updated_at = now()
        WHERE i.id = $1 AND i.organisation_id = $2 AND i.status = $5::meta_integration_status
          AND ($6::text IS NULL OR ${tokenStillStored})
        RETURNING i.id`,
      [integrationId, organisationId, MetaIntegrationStatus.ReauthRequired, reason, MetaIntegrationStatus.Active, failedToken],
    )) as [{ id: string }[], number];
    return moved.length > 0;
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
