import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  MetaAdAccountDto,
  MetaConnectionStatus,
  MetaGraphPause,
  MetaLeadFormDto,
  MetaPageDto,
  UpdateLeadFormRequest,
} from '@legeai/contracts';
import { Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/errors/api-error';
import { metaConfig } from '../../config/meta.config';
import { AuditService } from '../audit/audit.service';
import { MetaLeadForm } from '../meta-assets/entities/meta-lead-form.entity';
import { unmappedQuestionsOf } from '../meta-leads/mapping/unmapped-questions';
import { REMOVED_FORM_STATUS } from '../meta-assets/meta-assets.service';
import { MetaAdAccount } from '../meta-assets/entities/meta-ad-account.entity';
import { MetaPage } from '../meta-assets/entities/meta-page.entity';
import { ConnectionBreakers } from '../meta-auth/graph-breaker/connection-breakers.service';
import type { GraphPause } from '../meta-auth/graph-breaker/graph-pause';
import { graphCallsCheck, worstLevel } from '../meta-auth/health/health-rules';
import { MetaHealthService } from '../meta-auth/health/meta-health.service';
import { MetaIntegrationRepository } from '../meta-auth/connection/meta-integration.repository';
import { diffScopes } from '../meta-auth/connection/scope-diff';

/** What the console shows about the organisation's Meta connection, and the one setting it edits per form. */
@Injectable()
export class MetaIntegrationsService {
  constructor(
    private readonly integrations: MetaIntegrationRepository,
    @InjectRepository(MetaAdAccount) private readonly adAccounts: Repository<MetaAdAccount>,
    @InjectRepository(MetaPage) private readonly pages: Repository<MetaPage>,
    @InjectRepository(MetaLeadForm) private readonly forms: Repository<MetaLeadForm>,
    private readonly health: MetaHealthService,
    private readonly breakers: ConnectionBreakers,
    private readonly audit: AuditService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  async status(organisationId: string): Promise<MetaConnectionStatus> {
    const integration = await this.integrations.findLive(organisationId);
    const base = { sandbox: this.meta.sandbox, apiVersion: this.meta.apiVersion };
    if (!integration) {
      return {
        ...base,
        connected: false,
        status: null,
        metaUser: null,
        grantedScopes: [],
        missingScopes: [],
        tokenExpiresAt: null,
        dataAccessExpiresAt: null,
        connectedAt: null,
        lastCheckedAt: null,
        lastWebhookAt: null,
        overall: 'ok',
        checks: [],
        counts: { adAccounts: 0, pages: 0, leadForms: 0 },
        graphPause: null,
      };
    }
    const [adAccounts, pages, leadForms, lastWebhookAt, pause] = await Promise.all([
      this.adAccounts.count({ where: { organisationId, isActive: true } }),
      this.pages.count({ where: { organisationId, isActive: true } }),
      this.forms
        .createQueryBuilder('f')
        .where('f.organisation_id = :organisationId', { organisationId })
        .andWhere('f.status IS DISTINCT FROM :removed', { removed: REMOVED_FORM_STATUS })
        .getCount(),
      this.health.lastWebhookAt(),
      this.breakers.pause(integration.id),
    ]);
    const checks = [...(pause ? [graphCallsCheck(pause)] : []), ...(integration.healthChecks ?? [])];
    return {
      ...base,
      connected: true,
      status: integration.status,
      metaUser: integration.metaUserId ? { id: integration.metaUserId, name: integration.metaUserName ?? '' } : null,
      grantedScopes: integration.scopes,
      missingScopes: diffScopes(integration.scopes).missing,
      tokenExpiresAt: iso(integration.tokenExpiresAt),
      dataAccessExpiresAt: iso(integration.dataAccessExpiresAt),
      connectedAt: iso(integration.connectedAt ?? integration.createdAt),
      lastCheckedAt: iso(integration.lastCheckedAt),
      lastWebhookAt: iso(lastWebhookAt),
      // The stored overall is the worst of the stored checks; a pause adds its own.
      overall: pause ? worstLevel(checks) : (integration.healthOverall ?? 'ok'),
      checks,
      counts: { adAccounts, pages, leadForms },
      graphPause: pause ? toGraphPauseDto(pause) : null,
    };
  }

  async listAdAccounts(organisationId: string): Promise<MetaAdAccountDto[]> {
    const rows = await this.adAccounts.find({ where: { organisationId }, order: { isActive: 'DESC', adAccountName: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      adAccountId: row.adAccountId,
      name: row.adAccountName ?? row.adAccountId,
      currency: row.currency ?? '',
      timezone: row.timezone ?? '',
      accountStatus: row.accountStatus,
      isActive: row.isActive,
    }));
  }

  async listPages(organisationId: string): Promise<MetaPageDto[]> {
    const rows = await this.pages.find({ where: { organisationId }, order: { isActive: 'DESC', pageName: 'ASC' } });
    return rows.map(toPageDto);
  }

  async listLeadForms(organisationId: string): Promise<MetaLeadFormDto[]> {
    const [forms, pages] = await Promise.all([
      this.forms.find({ where: { organisationId }, order: { formName: 'ASC' } }),
      this.pages.find({ where: { organisationId } }),
    ]);
    const pageById = new Map(pages.map((page) => [page.id, page]));
    return forms
      .map((form) => {
        const page = pageById.get(form.pageId);
        return toLeadFormDto(form, page?.pageId ?? '', page?.pageName ?? null);
      })
      .sort((a, b) => a.pageName.localeCompare(b.pageName) || a.name.localeCompare(b.name));
  }

  async updateLeadForm(principal: Principal, id: string, change: UpdateLeadFormRequest): Promise<MetaLeadFormDto> {
    const form = await this.forms.findOne({ where: { id, organisationId: principal.organisationId } });
    if (!form) throw new ApiError(404, ErrorCode.NotFound, 'No such lead form in this organisation');
    const page = await this.pages.findOneOrFail({ where: { id: form.pageId, organisationId: principal.organisationId } });
    if (form.autoSync !== change.autoSync) {
      form.autoSync = change.autoSync;
      await this.forms.update({ id: form.id, organisationId: principal.organisationId }, { autoSync: change.autoSync });
      await this.audit.recordBy(principal, 'meta.lead_form_updated', { type: 'meta_lead_form', id: form.id }, {
        formId: form.formId,
        autoSync: change.autoSync,
      });
    }
    return toLeadFormDto(form, page.pageId, page.pageName);
  }
}

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

function toGraphPauseDto(pause: GraphPause): MetaGraphPause {
  return {
    since: pause.since.toISOString(),
    failures: pause.failures,
    nextProbeAt: pause.nextProbeAt.toISOString(),
    probing: pause.probing,
    lastError: pause.lastError,
  };
}

function toPageDto(row: MetaPage): MetaPageDto {
  return {
    id: row.id,
    pageId: row.pageId,
    name: row.pageName ?? row.pageId,
    category: row.category,
    followersCount: row.followersCount,
    subscribed: row.webhookSubscribed,
    tasks: row.tasks ?? [],
    isActive: row.isActive,
  };
}

function toLeadFormDto(form: MetaLeadForm, pageId: string, pageName: string | null): MetaLeadFormDto {
  return {
    id: form.id,
    formId: form.formId,
    pageId,
    pageName: pageName ?? pageId,
    name: form.formName ?? form.formId,
    status: form.status ?? 'UNKNOWN',
    leadsCount: form.leadsCount,
    autoSync: form.autoSync,
    questionCount: Array.isArray(form.questions) ? form.questions.length : 0,
    unmappedQuestions: unmappedQuestionsOf(form).length,
    createdAt: (form.metaCreatedAt ?? form.createdAt).toISOString(),
  };
}

