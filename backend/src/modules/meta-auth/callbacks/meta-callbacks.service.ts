import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { API_PREFIX, ErrorCode, MetaIntegrationStatus, ROUTES } from '@legeai/contracts';
import { randomBytes } from 'node:crypto';
import { Not, Repository } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { appConfig } from '../../../config/app.config';
import { metaConfig } from '../../../config/meta.config';
import { notePreviousAppSecretUse } from '../../../infra/meta-app-secret/app-secret-verification';
import { AuditService } from '../../audit';
import { MetaDataDeletionRequest } from '../entities/meta-data-deletion-request.entity';
import { MetaIntegration } from '../entities/meta-integration.entity';
import { MetaConnectionService } from '../connection/meta-connection.service';
import { parseSignedRequest, SignedRequestError, SignedRequestPayload } from './signed-request';

export interface DataDeletionAnswer {
  url: string;
  confirmation_code: string;
}

export interface DataDeletionStatusView {
  confirmationCode: string;
  status: string;
  requestedAt: string;
  completedAt: string | null;
  message: string;
}

/**
 * Meta's calls about a person who removed our app or asked for their data to be deleted
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback). Both carry a
 * `signed_request`; nothing happens unless it verifies with our app secret.
 */
@Injectable()
export class MetaCallbacksService {
  private readonly logger = new Logger(MetaCallbacksService.name);

  constructor(
    @InjectRepository(MetaIntegration) private readonly integrations: Repository<MetaIntegration>,
    @InjectRepository(MetaDataDeletionRequest) private readonly deletions: Repository<MetaDataDeletionRequest>,
    private readonly connections: MetaConnectionService,
    private readonly audit: AuditService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** The user removed the app: their tokens are dead, so the connection needs a reconnect. */
  async deauthorize(signedRequest: unknown): Promise<{ success: true }> {
    const payload = this.verify(signedRequest);
    for (const integration of await this.liveFor(payload.user_id)) {
      await this.connections.wipe(
        integration.organisationId,
        integration.id,
        MetaIntegrationStatus.ReauthRequired,
        'The Meta user removed the app from their account',
      );
      await this.audit.recordSystem(integration.organisationId, 'meta.deauthorized', integrationTarget(integration), {
        metaUserId: payload.user_id,
        before: { status: integration.status, tokenStored: true },
        after: { status: MetaIntegrationStatus.ReauthRequired, tokenStored: false },
      });
    }
    return { success: true };
  }

  /**
   * Deletes what we hold about the Meta user (tokens, name) and disconnects their connections. Leads are the
   * advertiser's records of other people and are not this user's data. Answers the status URL and code Meta
   * shows the user.
   */
  async dataDeletion(signedRequest: unknown): Promise<DataDeletionAnswer> {
    const payload = this.verify(signedRequest);
    const code = randomBytes(12).toString('hex');
    const request = await this.deletions.save(
      this.deletions.create({ confirmationCode: code, metaUserId: payload.user_id, status: 'received' }),
    );
    const affected = await this.integrations.find({ where: { metaUserId: payload.user_id } });
    for (const integration of affected) {
      if (integration.status !== MetaIntegrationStatus.Disconnected) {
        await this.connections.wipe(
          integration.organisationId,
          integration.id,
          MetaIntegrationStatus.Disconnected,
          'Meta data deletion request',
        );
      }
      await this.integrations.update({ id: integration.id }, { metaUserName: null });
      // The Meta user's name is what was deleted: the entry says it went, not what it was.
      await this.audit.recordSystem(integration.organisationId, 'meta.data_deleted', integrationTarget(integration), {
        confirmationCode: code,
        before: { status: integration.status, metaUserNameStored: integration.metaUserName !== null },
        after: { status: MetaIntegrationStatus.Disconnected, metaUserNameStored: false },
      });
    }
    await this.deletions.update(
      { id: request.id },
      { status: 'completed', completedAt: new Date(), integrationsAffected: affected.length },
    );
    return { url: this.statusUrl(code), confirmation_code: code };
  }

  async deletionStatus(code: string): Promise<DataDeletionStatusView> {
    const request = /^[0-9a-f]{24}$/.test(code) ? await this.deletions.findOne({ where: { confirmationCode: code } }) : null;
    if (!request) throw new ApiError(404, ErrorCode.NotFound, 'No data deletion request has this confirmation code');
    return {
      confirmationCode: request.confirmationCode,
      status: request.status,
      requestedAt: request.requestedAt.toISOString(),
      completedAt: request.completedAt?.toISOString() ?? null,
      message:
        request.status === 'completed'
          ? 'The Meta access tokens and profile data we held for this account have been deleted.'
          : 'The request was received and is being processed.',
    };
  }

  private verify(signedRequest: unknown): SignedRequestPayload {
    try {
      const verified = parseSignedRequest(signedRequest, this.meta);
      if (verified.secret === 'previous') notePreviousAppSecretUse('signed_request');
      return verified.payload;
    } catch (error) {
      if (!(error instanceof SignedRequestError)) throw error;
      this.logger.warn({ msg: 'Rejected a Meta callback', problem: error.problem });
      if (error.problem === 'bad_signature') throw new ApiError(401, ErrorCode.InvalidSignature, error.message);
      throw new ApiError(400, ErrorCode.BadRequest, error.message);
    }
  }

  private liveFor(metaUserId: string): Promise<MetaIntegration[]> {
    return this.integrations.find({ where: { metaUserId, status: Not(MetaIntegrationStatus.Disconnected) } });
  }

  private statusUrl(code: string): string {
    const base = ROUTES.metaIntegration;
    return `${this.app.publicUrl}/${API_PREFIX}/${base.base}/${base.dataDeletion}/${code}`;
  }
}

const integrationTarget = (integration: MetaIntegration) => ({ type: 'meta_integration', id: integration.id });
