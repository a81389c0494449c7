import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, MetaAdAccountDto, MetaConnectionStatus, MetaLeadFormDto, MetaPageDto, UpdateLeadFormRequest } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/errors/api-error';
import { AuditService } from '../audit';
import { MetaAdAccount } from './entities/meta-ad-account.entity';
import { MetaLeadForm } from './entities/meta-lead-form.entity';
import { MetaPage } from './entities/meta-page.entity';
import { LeadFormMappingCoverage } from './lead-form-mapping-coverage';
import { REMOVED_FORM_STATUS } from './meta-assets.service';

/** What the console lists of the connection's ad accounts, Pages and lead forms, and the one setting it edits per form. */
@Injectable()
export class MetaAssetListsService {
  constructor(
    @InjectRepository(MetaAdAccount) private readonly adAccounts: Repository<MetaAdAccount>,
    @InjectRepository(MetaPage) private readonly pages: Repository<MetaPage>,
    @InjectRepository(MetaLeadForm) private readonly forms: Repository<MetaLeadForm>,
    private readonly mappingCoverage: LeadFormMappingCoverage,
    private readonly audit: AuditService,
  ) {}

  /** The counts on the connection's status card: active ad accounts and Pages, forms Meta still lists. */
  async counts(organisationId: string): Promise<MetaConnectionStatus['counts']> {
    const [adAccounts, pages, leadForms] = await Promise.all([
      this.adAccounts.count({ where: { organisationId, isActive: true } }),
      this.pages.count({ where: { organisationId, isActive: true } }),
      this.forms
        .createQueryBuilder('f')
        .where('f.organisation_id = :organisationId', { organisationId })
        .andWhere('f.status IS DISTINCT FROM :removed', { removed: REMOVED_FORM_STATUS })
        .getCount(),
    ]);
    return { adAccounts, pages, leadForms };
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
        return toLeadFormDto(form, page?.pageId ?? '', page?.pageName ?? null, this.mappingCoverage.unmappedQuestions(form));
      })
      .sort((a, b) => a.pageName.localeCompare(b.pageName) || a.name.localeCompare(b.name));
  }

  async updateLeadForm(principal: Principal, id: string, change: UpdateLeadFormRequest): Promise<MetaLeadFormDto> {
    const form = await this.forms.findOne({ where: { id, organisationId: principal.organisationId } });
    if (!form) throw new ApiError(404, ErrorCode.NotFound, 'No such lead form in this organisation');
    const page = await this.pages.findOneOrFail({ where: { id: form.pageId, organisationId: principal.organisationId } });
    if (form.autoSync !== change.autoSync) {
      const before = { autoSync: form.autoSync };
      form.autoSync = change.autoSync;
      await this.forms.update({ id: form.id, organisationId: principal.organisationId }, { autoSync: change.autoSync });
      await this.audit.recordBy(
        principal,
        'meta.lead_form_updated',
        { type: 'meta_lead_form', id: form.id },
        { formId: form.formId, formName: form.formName, before, after: { autoSync: change.autoSync } },
      );
    }
    return toLeadFormDto(form, page.pageId, page.pageName, this.mappingCoverage.unmappedQuestions(form));
  }
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
    connectedElsewhere: row.connectedElsewhere,
  };
}

function toLeadFormDto(form: MetaLeadForm, pageId: string, pageName: string | null, unmappedQuestions: number): MetaLeadFormDto {
  return {
    id: form.id,
    formId: form.formId,
    pageId,
    pageName: pageName ?? pageId,
    name: form.formName ?? form.formId,
    status: form.status ?? 'UNKNOWN',
    leadsCount: form.leadsCount,
    leadsAtMeta: form.leadsCount,
    leadsStored: form.leadsStored,
    autoSync: form.autoSync,
    questionCount: Array.isArray(form.questions) ? form.questions.length : 0,
    unmappedQuestions,
    createdAt: (form.metaCreatedAt ?? form.createdAt).toISOString(),
    lastReconciledAt: form.lastReconciledAt ? form.lastReconciledAt.toISOString() : null,
    lastReconcileOutcome: form.lastReconcileOutcome,
    lastReconcileNote: form.lastReconcileNote,
  };
}
