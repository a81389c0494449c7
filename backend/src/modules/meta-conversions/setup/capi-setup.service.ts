import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  ErrorCode,
  LEAD_STATUSES,
  MetaIntegrationStatus,
  type CapiDatasetDto,
  type CapiSettingsDto,
  type CapiSettingsRequest,
  type CreateCapiDatasetRequest,
} from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { capiConfig } from '../../../config/capi.config';
import { MetaGraphError, type GraphCallContext } from '../../../infra/meta-graph';
import { graphApiError } from '../../../infra/meta-sync';
import { AuditService } from '../../audit';
import { AdAssetsDirectory } from '../../meta-assets';
import { MetaIntegrationRepository, MetaTokenVault } from '../../meta-auth';
import { capiCallContext, CapiGraphApi, type GraphDataset } from '../send/capi-graph.api';
import { CapiSettingsRepository, type CapiSettings } from './capi-settings.repository';

/**
 * The setup of the Conversions API for CRM: the ad account's datasets (listed and created at Meta), the dataset
 * chosen, the event name of each lead status, sending on or off, organic and test leads opted in. Changes are
 * admins', audited with before and after.
 */
@Injectable()
export class CapiSetupService {
  constructor(
    private readonly settings: CapiSettingsRepository,
    private readonly graph: CapiGraphApi,
    private readonly directory: AdAssetsDirectory,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly audit: AuditService,
    @Inject(capiConfig.KEY) private readonly capi: ConfigType<typeof capiConfig>,
  ) {}

  async get(organisationId: string): Promise<CapiSettingsDto> {
    return this.toDto(await this.settings.get(organisationId));
  }

  async update(principal: Principal, request: CapiSettingsRequest): Promise<CapiSettingsDto> {
    const before = await this.settings.get(principal.organisationId);
    if (request.adAccountId) await this.reachableAccount(principal.organisationId, request.adAccountId);
    if (request.enabled && !request.datasetId)
      throw new ApiError(400, ErrorCode.ValidationFailed, 'Choose a dataset before turning sending on', {
        fields: [{ field: 'datasetId', messages: ['Choose a dataset before turning sending on'] }],
      });
    const eventNames = { ...before.eventNames };
    for (const status of LEAD_STATUSES) {
      if (request.eventNames[status] !== undefined) eventNames[status] = request.eventNames[status]?.trim() || null;
    }
    const after = {
      adAccountId: request.adAccountId,
      datasetId: request.datasetId,
      datasetName: request.datasetId ? (request.datasetName ?? (request.datasetId === before.datasetId ? before.datasetName : null)) : null,
      enabled: request.enabled,
      includeOrganic: request.includeOrganic,
      includeTest: request.includeTest,
      eventNames,
    };
    await this.settings.save(principal.organisationId, after, principal.kind === 'user' ? principal.id : null);
    const { updatedAt: _, ...beforeValues } = before;
    await this.audit.recordBy(
      principal,
      'meta_conversions.settings_updated',
      { type: 'organisation', id: principal.organisationId },
      { before: beforeValues, after },
    );
    return this.get(principal.organisationId);
  }

  async listDatasets(organisationId: string, adAccountId: string): Promise<CapiDatasetDto[]> {
    await this.reachableAccount(organisationId, adAccountId);
    const ctx = await this.callContext(organisationId);
    const datasets = await this.calling(() => this.graph.listDatasets(adAccountId, ctx), adAccountId);
    return datasets.map(datasetDto).sort((a, b) => a.name.localeCompare(b.name));
  }

  async createDataset(principal: Principal, request: CreateCapiDatasetRequest): Promise<CapiDatasetDto> {
    await this.reachableAccount(principal.organisationId, request.adAccountId);
    const ctx = await this.callContext(principal.organisationId);
    const id = await this.calling(() => this.graph.createDataset(request.adAccountId, request.name, ctx), request.adAccountId);
    await this.audit.recordBy(
      principal,
      'meta_conversions.dataset_created',
      { type: 'meta_dataset', id },
      {
        adAccountId: request.adAccountId,
        name: request.name,
      },
    );
    return { id, name: request.name, createdTime: new Date().toISOString(), lastFiredTime: null };
  }

  private toDto(s: CapiSettings): CapiSettingsDto {
    return {
      adAccountId: s.adAccountId,
      datasetId: s.datasetId,
      datasetName: s.datasetName,
      enabled: s.enabled,
      includeOrganic: s.includeOrganic,
      includeTest: s.includeTest,
      eventNames: s.eventNames,
      testEventCode: this.capi.testEventCode,
      leadEventSource: this.capi.leadEventSource,
      updatedAt: s.updatedAt?.toISOString() ?? null,
    };
  }

  private async reachableAccount(organisationId: string, adAccountId: string): Promise<void> {
    const account = await this.directory.adAccount(organisationId, adAccountId);
    if (!account?.isActive)
      throw new ApiError(404, ErrorCode.NotFound, `Ad account ${adAccountId} is not reachable through this organisation's Meta connection`);
  }

  private async callContext(organisationId: string): Promise<GraphCallContext> {
    const integration = await this.integrations.findLive(organisationId);
    if (!integration) throw new ApiError(409, ErrorCode.MetaNotConnected, 'Connect a Meta account first');
    if (integration.status !== MetaIntegrationStatus.Active)
      throw new ApiError(409, ErrorCode.MetaReauthRequired, 'Meta no longer accepts the token: reconnect the Meta account');
    const token = this.vault.openUserToken(integration);
    if (!token) throw new ApiError(409, ErrorCode.MetaReauthRequired, 'No token is stored for the connection: reconnect the Meta account');
    return capiCallContext(token);
  }

  private async calling<T>(call: () => Promise<T>, adAccountId: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof MetaGraphError) throw graphApiError(error, { adAccountId });
      throw error;
    }
  }
}

function datasetDto(d: GraphDataset): CapiDatasetDto {
  return {
    id: d.id,
    name: d.name ?? d.id,
    createdTime: isoOrNull(d.creation_time),
    lastFiredTime: isoOrNull(d.last_fired_time),
  };
}

/** Meta's times (`2025-11-29T10:00:00+0000`) as ISO, for the console's date formatting. */
function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
