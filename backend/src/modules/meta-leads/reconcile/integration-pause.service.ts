import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';

/**
 * Moves a connection to `reauth_required` when Meta refuses its token during a sweep. Sweeps of such connections
 * are paused (skipped, not failed) until an admin reconnects; the next health check shows the reason.
 */
@Injectable()
export class IntegrationPauseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Answers whether this call changed the status (only an active connection is moved, and audited, once). */
  async markReauthRequired(organisationId: string, integrationId: string, reason: string): Promise<boolean> {
    const moved: { id: string }[] = await this.db.query(
      `UPDATE meta_integrations SET status = $3::meta_integration_status, status_reason = $4, updated_at = now()
        WHERE id = $1 AND organisation_id = $2 AND status = $5::meta_integration_status
        RETURNING id`,
      [integrationId, organisationId, MetaIntegrationStatus.ReauthRequired, reason, MetaIntegrationStatus.Active],
    );
    if (!moved.length) return false;
    await this.audit.record({
      organisationId,
      actorType: 'system',
      actorId: null,
      action: 'meta.reauth_required',
      targetType: 'meta_integration',
      targetId: integrationId,
      details: { reason, during: 'lead_reconcile' },
    });
    return true;
  }
}
