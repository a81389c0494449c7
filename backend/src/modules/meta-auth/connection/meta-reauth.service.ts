import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { AuditService } from '../../audit';
import { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import { MetaIntegrationRepository } from './meta-integration.repository';

/** Where Meta refused the token; kept in the audit entry so an operator can tell the paths apart. */
export type ReauthTrigger =
  'health_check' | 'lead_sync' | 'lead_reconcile' | 'test_lead' | 'ads_sync' | 'ads_write' | 'insights_pull' | 'capi_send';

export interface ReauthOptions {
  during: ReauthTrigger;
  /**
   * The Page token (ciphertext) whose read failed. When given, the connection is marked only while that token is
   * still stored: a reconnect that replaced it while the read was in flight leaves the connection active.
   */
  failedPageToken?: string;
  /**
   * The user token (ciphertext, null when none was stored) the failed call was made with, read when the run loaded
   * the connection. When given, the connection is marked only while that token is still the stored one: a job that
   * started before a reconnect and fails after it must not undo the reconnect.
   */
  failedUserToken?: string | null;
}

/** `status_reason` is free text from Meta; a bound keeps a pathological message out of the row. */
const MAX_REASON_LENGTH = 1000;

/**
 * The one way a connection moves to `reauth_required` when Meta refuses its token, whoever noticed (health check,
 * lead pipeline, reconciliation, test lead). Syncs of such a connection pause until an admin reconnects.
 */
@Injectable()
export class MetaReauthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly integrations: MetaIntegrationRepository,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly audit: AuditService,
  ) {}

  /**
   * Moves an active connection to `reauth_required` with the reason, and audits it once as a system action in the
   * same transaction. Idempotent: a connection that is not active (already waiting, or disconnected) is left as it
   * is. Answers whether this call changed the status. With `failedPageToken`, the participant storing Page tokens
   * (meta-assets) says in the same statement whether that token is still stored; with `failedUserToken`, the row's
   * own token column does.
   */
  async markReauthRequired(organisationId: string, integrationId: string, reason: string, options: ReauthOptions): Promise<boolean> {
    const statusReason = reason.slice(0, MAX_REASON_LENGTH);
    return this.db.transaction(async (tx) => {
      const moved = await this.integrations.markReauthRequired(
        tx,
        {
          organisationId,
          integrationId,
          reason: statusReason,
          failedPageToken: options.failedPageToken ?? null,
          failedUserToken: options.failedUserToken,
        },
        this.lifecycle.storesTokenSql('i', '$6'),
      );
      if (!moved) return false;
      const target = { type: 'meta_integration', id: integrationId };
      await this.audit.recordSystem(
        organisationId,
        'meta.reauth_required',
        target,
        {
          reason: statusReason,
          during: options.during,
          before: { status: MetaIntegrationStatus.Active },
          after: { status: MetaIntegrationStatus.ReauthRequired, statusReason },
        },
        tx,
      );
      return true;
    });
  }

  /** Whether the connection is still active, e.g. after a mark that a replaced Page token made a no-op. */
  isActive(organisationId: string, integrationId: string): Promise<boolean> {
    return this.integrations.isActive(organisationId, integrationId);
  }
}
