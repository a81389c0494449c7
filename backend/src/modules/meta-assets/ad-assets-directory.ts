import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MetaAdAccount } from './entities/meta-ad-account.entity';
import { MetaLeadForm } from './entities/meta-lead-form.entity';
import { MetaPage } from './entities/meta-page.entity';
import { REMOVED_FORM_STATUS } from './meta-assets.service';

export interface AdAccountRef {
  /** `act_…`. */
  adAccountId: string;
  name: string;
  currency: string;
  /** The account's IANA time zone as discovery read it (its insights days); null when Meta did not say. */
  timeZone: string | null;
  integrationId: string;
  isActive: boolean;
}

export interface PageRef {
  pageId: string;
  name: string;
  tasks: string[];
  isActive: boolean;
}

export interface LeadFormRef {
  formId: string;
  name: string;
  status: string;
  /** Meta's id of the Page that owns the form. */
  pageId: string;
  /** Whether Meta still lists the form on a connected Page. */
  live: boolean;
}

/**
 * What campaigns build on, read-only: an organisation's ad accounts, Pages and lead forms as discovery mirrored them.
 * For modules that advertise (meta-ads); they never read these tables themselves.
 */
@Injectable()
export class AdAssetsDirectory {
  constructor(
    @InjectRepository(MetaAdAccount) private readonly adAccounts: Repository<MetaAdAccount>,
    @InjectRepository(MetaPage) private readonly pages: Repository<MetaPage>,
    @InjectRepository(MetaLeadForm) private readonly forms: Repository<MetaLeadForm>,
  ) {}

  async listAdAccounts(organisationId: string, options: { activeOnly?: boolean } = {}): Promise<AdAccountRef[]> {
    const rows = await this.adAccounts.find({
      where: { organisationId, ...(options.activeOnly ? { isActive: true } : {}) },
      order: { adAccountName: 'ASC' },
    });
    return rows.map(toAdAccountRef);
  }

  async adAccount(organisationId: string, adAccountId: string): Promise<AdAccountRef | null> {
    const row = await this.adAccounts.findOne({ where: { organisationId, adAccountId } });
    return row ? toAdAccountRef(row) : null;
  }

  async page(organisationId: string, pageId: string): Promise<PageRef | null> {
    const row = await this.pages.findOne({ where: { organisationId, pageId } });
    return row ? { pageId: row.pageId, name: row.pageName ?? row.pageId, tasks: row.tasks ?? [], isActive: row.isActive } : null;
  }

  async leadForm(organisationId: string, formId: string): Promise<LeadFormRef | null> {
    return (await this.leadForms(organisationId, [formId])).get(formId) ?? null;
  }

  /** The forms among `formIds` this organisation knows, by Meta id. */
  async leadForms(organisationId: string, formIds: string[]): Promise<Map<string, LeadFormRef>> {
    if (formIds.length === 0) return new Map();
    const forms = await this.forms.find({ where: { organisationId, formId: In([...new Set(formIds)]) } });
    const pages = await this.pages.find({ where: { organisationId, id: In([...new Set(forms.map((f) => f.pageId))]) } });
    const pageById = new Map(pages.map((p) => [p.id, p]));
    return new Map(
      forms.map((form) => {
        const page = pageById.get(form.pageId);
        const status = form.status ?? 'UNKNOWN';
        return [
          form.formId,
          {
            formId: form.formId,
            name: form.formName ?? form.formId,
            status,
            pageId: page?.pageId ?? '',
            live: status !== REMOVED_FORM_STATUS && !!page?.isActive,
          },
        ];
      }),
    );
  }
}

function toAdAccountRef(row: MetaAdAccount): AdAccountRef {
  return {
    adAccountId: row.adAccountId,
    name: row.adAccountName ?? row.adAccountId,
    currency: row.currency ?? '',
    timeZone: row.timezone,
    integrationId: row.integrationId,
    isActive: row.isActive,
  };
}
