import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, LeadFormMapping, LeadFormMappingDto, MappedLeadFieldsDto, MappingPreviewDto } from '@legeai/contracts';
import { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { leadsConfig } from '../../../config/leads.config';
import { AuditService } from '../../audit';
import { LeadFieldsService, LeadStoreRepository, type Lead, type LeadFieldDefinition } from '../../leads';
import { MetaLeadFormsRepository, type MetaLeadForm } from '../../meta-assets';
import type { GraphLead } from '../graph/graph-lead';
import { effectiveMapping, readFormMapping } from './effective-mapping';
import { exampleAnswers } from './example-answers';
import { FormMapping } from './form-mapping';
import { readFormQuestions } from './form-question';
import { LEAD_FIELDS } from './lead-field';
import { mapGraphLead } from './lead-mapper';
import { isEmptyMapping, validateFormMapping } from './mapping-validation';
import { unmappedQuestionsOf } from './unmapped-questions';

/** Reads, changes and previews a lead form's mapping; every query is scoped to the caller's organisation. */
@Injectable()
export class LeadFormMappingService {
  constructor(
    private readonly forms: MetaLeadFormsRepository,
    private readonly leads: LeadStoreRepository,
    private readonly audit: AuditService,
    private readonly customFields: LeadFieldsService,
    @Inject(leadsConfig.KEY) private readonly config: ConfigType<typeof leadsConfig>,
  ) {}

  async get(organisationId: string, id: string): Promise<LeadFormMappingDto> {
    const form = await this.form(organisationId, id);
    return toDto(form, await this.customFields.definitions(organisationId, undefined, true));
  }

  async update(principal: Principal, id: string, body: LeadFormMapping): Promise<LeadFormMappingDto> {
    const form = await this.form(principal.organisationId, id);
    const questions = readFormQuestions(form.questions);
    const custom = await this.customFields.definitions(principal.organisationId, undefined, true);
    const mapping = validateFormMapping(body, questions, custom);
    const stored = isEmptyMapping(mapping) ? null : mapping;
    // The mapping in effect on each side (standard defaults included), so the entry shows what leads will get.
    const before = { customised: form.mapping !== null, mapping: effectiveMapping(questions, readFormMapping(form.mapping)) };
    await this.forms.setMapping(principal.organisationId, form.id, stored);
    await this.audit.recordBy(
      principal,
      'meta.lead_form_mapping_updated',
      { type: 'meta_lead_form', id: form.id },
      {
        formId: form.formId,
        formName: form.formName,
        before,
        after: { customised: stored !== null, mapping: effectiveMapping(questions, stored) },
      },
    );
    return toDto({ ...form, mapping: stored }, custom);
  }

  /**
   * The mapping (the given one, else the stored one) applied to the form's most recent lead as stored, or to
   * example answers when the form has none yet. Changes nothing.
   */
  async preview(organisationId: string, id: string, body: LeadFormMapping | undefined): Promise<MappingPreviewDto> {
    const form = await this.form(organisationId, id);
    const questions = readFormQuestions(form.questions);
    const custom = await this.customFields.definitions(organisationId, undefined, true);
    const mapping: FormMapping | null = body ? validateFormMapping(body, questions, custom) : readFormMapping(form.mapping);
    const recent = await this.leads.latestOfForm(organisationId, form.formId);
    const graphLead = recent ? fromStoredLead(recent) : exampleLead(form, exampleAnswers(questions, this.config.defaultCountry));
    const mapped = mapGraphLead(
      graphLead,
      { formId: form.formId, pageId: recent?.pageId ?? '', questions: form.questions, mapping, customFields: custom },
      { defaultCountry: this.config.defaultCountry },
    );
    const fields = Object.fromEntries(LEAD_FIELDS.map((field) => [field, mapped.lead[field] ?? null])) as MappedLeadFieldsDto;
    fields.emailNormalized = mapped.lead.emailNormalized ?? null;
    fields.phoneE164 = mapped.lead.phoneE164 ?? null;
    return {
      source: recent ? 'lead' : 'example',
      leadId: recent?.id ?? null,
      receivedAt: recent ? recent.receivedAt.toISOString() : null,
      answers: graphLead.field_data,
      fields,
      customFields: mapped.customFields,
      missingRequired: mapped.missingRequired,
      unmappedQuestions: mapped.unmappedQuestions,
      needsReview: mapped.lead.needsReview ?? false,
      reviewReason: mapped.lead.reviewReason ?? null,
    };
  }

  private async form(organisationId: string, id: string): Promise<MetaLeadForm> {
    const form = await this.forms.findById(organisationId, id);
    if (!form) throw new ApiError(404, ErrorCode.NotFound, 'No such lead form in this organisation');
    return form;
  }
}

function toDto(form: MetaLeadForm, customFields: LeadFieldDefinition[]): LeadFormMappingDto {
  const questions = readFormQuestions(form.questions);
  const mapping = readFormMapping(form.mapping);
  return {
    id: form.id,
    formId: form.formId,
    mapping: effectiveMapping(questions, mapping),
    customised: mapping !== null,
    questions,
    unmappedQuestions: unmappedQuestionsOf(form),
    fields: [...LEAD_FIELDS],
    customFields: customFields.map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options })),
  };
}

/** A stored lead back in the Graph shape, from what was received (answers and consent), not from mapped columns. */
function fromStoredLead(lead: Lead): GraphLead {
  return {
    id: lead.id,
    created_time: lead.receivedAt.toISOString(),
    form_id: lead.formId ?? undefined,
    field_data: lead.rawAnswers ?? [],
    custom_disclaimer_responses: (lead.consentResponses ?? []).map((consent) => ({
      checkbox_key: consent.checkboxKey,
      is_checked: consent.isChecked,
    })),
    ad_id: lead.adId ?? undefined,
    is_organic: lead.isOrganic,
  };
}

function exampleLead(form: MetaLeadForm, answers: { name: string; values: string[] }[]): GraphLead {
  return { id: 'example', created_time: new Date().toISOString(), form_id: form.formId, field_data: answers, is_organic: true };
}
