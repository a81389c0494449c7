import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { Not, Repository } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { ErrorCode } from '@legeai/contracts';
import { MetaIntegration } from '../entities/meta-integration.entity';

/** Finds an organisation's live (not disconnected) Meta connection. */
@Injectable()
export class MetaIntegrationRepository {
  constructor(@InjectRepository(MetaIntegration) readonly rows: Repository<MetaIntegration>) {}

  findLive(organisationId: string): Promise<MetaIntegration | null> {
    return this.rows.findOne({ where: { organisationId, status: Not(MetaIntegrationStatus.Disconnected) } });
  }

  async requireLive(organisationId: string): Promise<MetaIntegration> {
    const integration = await this.findLive(organisationId);
    if (!integration) throw new ApiError(404, ErrorCode.MetaNotConnected, 'No Meta account is connected for this organisation');
    return integration;
  }

  /** Connections the scheduled health check visits. */
  findAllLive(): Promise<MetaIntegration[]> {
    return this.rows.find({ where: { status: Not(MetaIntegrationStatus.Disconnected) }, order: { createdAt: 'ASC' } });
  }
}
