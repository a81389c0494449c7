import { Injectable } from '@nestjs/common';
import { LeadCurrencyDto, LeadDetailDto, LeadStatus } from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import { LeadSourceAssets } from '../meta-assets';
import { OrganisationsService } from '../organisations';
import { maskDetail } from './contact-masking';
import { LeadCustomValues } from './custom-fields/lead-custom-values.service';
import { Lead } from './entities/lead.entity';
import { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
import { LeadDuplicateLinksReader } from './lead-duplicate-links.reader';
import { answersView, consentView } from './lead-form-view';
import { LeadStatusHistory } from './lead-status-history';
import { toLeadDetail } from './lead.mapper';

/**
 * The lead drawer's view of a lead: the row, read like the form the person filled in (question labels in the form's
 * language, the consent text they agreed to), its Page by name, its whole status history, the currency its premium
 * is in, its duplicate links both ways, and its contact details masked unless the caller may see them.
 */
@Injectable()
export class LeadDetailReader {
  constructor(
    private readonly assets: LeadSourceAssets,
    private readonly history: LeadStatusHistory,
    private readonly organisations: OrganisationsService,
    private readonly duplicateLinks: LeadDuplicateLinksReader,
    private readonly customValues: LeadCustomValues,
  ) {}

  async read(m: EntityManager, organisationId: string, lead: Lead, contactAccess: boolean): Promise<LeadDetailDto> {
    // One after another: inside a transaction these share one connection, which runs a query at a time anyway.
    const forms = await this.assets.forms(organisationId, lead.formId ? [lead.formId] : [], m);
    const pages = await this.assets.pageNames(organisationId, lead.pageId ? [lead.pageId] : [], m);
    const mapping = await m.getRepository(MetaLeadMapping).findOne({
      where: { organisationId, legeaiLeadId: lead.id },
      order: { syncedAt: 'ASC' },
    });
    const statusHistory = await this.history.list(m, organisationId, lead.id);
    const currency = await this.currencyOf(m, organisationId, lead);
    const duplicateLinks = await this.duplicateLinks.read(m, organisationId, lead);
    const customFields = await this.customValues.view(m, organisationId, lead);
    const form = lead.formId ? forms.get(lead.formId) : undefined;
    const detail: LeadDetailDto = {
      ...toLeadDetail(lead, form?.name ?? null, mapping?.metaLeadId ?? null),
      formLocale: form?.locale ?? null,
      answers: answersView(lead.rawAnswers, form),
      consent: consentView(lead.consentResponses, form, lead.receivedAt),
      pageName: lead.pageId ? (pages.get(lead.pageId) ?? null) : null,
      // Won can only be stored without a premium by saying it is not known yet (or before that rule existed).
      premiumUnknown: lead.status === LeadStatus.Won && lead.premiumValue === null,
      currency,
      statusHistory,
      customFields,
      contactMasked: false,
      duplicateLinks,
    };
    return contactAccess ? detail : maskDetail(detail);
  }

  /** The lead's own currency once it has one; else its Page's ad accounts'; else the organisation's default. */
  async currencyOf(
    m: EntityManager,
    organisationId: string,
    lead: Pick<Lead, 'premiumCurrency' | 'pageId'>,
  ): Promise<LeadCurrencyDto | null> {
    if (lead.premiumCurrency) return { code: lead.premiumCurrency, source: 'lead' };
    const adAccount = await this.assets.currencyForPage(organisationId, lead.pageId, m);
    if (adAccount) return { code: adAccount, source: 'ad_account' };
    const organisation = await this.organisations.defaultCurrencyOf(organisationId, m);
    return organisation ? { code: organisation, source: 'organisation' } : null;
  }
}
