import { Injectable } from '@nestjs/common';
import { ErrorCode, FieldError, MetaIntegrationStatus, SyncLeadsRequest, SyncLeadsResult } from '@legeai/contracts';
import { Principal } from '../../../common/auth/principal';
import { ApiError, ValidationFailedError } from '../../../common/errors/api-error';
import { graphApiError } from '../../../infra/meta-sync';
import { AuditService } from '../../audit';
import { MetaAssetsService, MetaLeadFormsRepository, type MetaLeadForm } from '../../meta-assets';
import { MetaIntegrationRepository } from '../../meta-auth';
import { LeadReconcileService, SweepStoppedError } from './lead-reconcile.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST sync-leads`: the sweep of one form, run now, in the request. It is synchronous because the window is
 * bounded (Meta keeps leads 90 days, so at most one form's 90 days of leads, read 100 per page) and the console
 * wants the counts in the answer; the scheduled sweep of every form runs in the worker instead.
 */
@Injectable()
export class SyncLeadsService {
  constructor(
    private readonly forms: MetaLeadFormsRepository,
    private readonly integrations: MetaIntegrationRepository,
    private readonly assets: MetaAssetsService,
    private readonly reconcile: LeadReconcileService,
    private readonly audit: AuditService,
  ) {}

  async syncNow(principal: Principal, request: SyncLeadsRequest, now = new Date()): Promise<SyncLeadsResult> {
    const organisationId = principal.organisationId;
    const range = validRange(request, now);
    const integration = await this.integrations.requireLive(organisationId);
    if (integration.status === MetaIntegrationStatus.ReauthRequired) {
      throw new ApiError(409, ErrorCode.MetaReauthRequired, 'Lead sync is paused until the Meta account is reconnected');
    }
    const form = await this.findForm(organisationId, request.formId);

    let result;
    try {
      result = await this.reconcile.sweepForm(organisationId, form.id, range, now);
    } catch (error) {
      if (error instanceof SweepStoppedError) throw graphApiError(error.graphError, { formId: form.id, ...error.partial });
      throw error;
    }
    if (result.status === 'skipped' || !result.window) {
      throw new ApiError(409, ErrorCode.Conflict, `The form's leads cannot be read now: ${result.reason ?? 'skipped'}`);
    }
    const answer: SyncLeadsResult = {
      formId: form.id,
      metaFormId: form.formId,
      from: result.window.from.toISOString(),
      to: result.window.to?.toISOString() ?? null,
      fetched: result.fetched,
      created: result.created,
      existing: result.existing,
      duplicates: result.duplicates,
      watermark: result.watermark?.toISOString() ?? null,
      watermarkAdvanced: result.watermarkAdvanced,
    };
    await this.audit.recordBy(principal, 'meta.leads_synced', { type: 'meta_lead_form', id: form.id }, { ...answer });
    return answer;
  }

  /** Our id or Meta's; a Meta id we do not know yet may be a form created since the last discovery. */
  private async findForm(organisationId: string, formId: string): Promise<MetaLeadForm> {
    const ours = UUID.test(formId);
    const find = () => (ours ? this.forms.findById(organisationId, formId) : this.forms.findByMetaFormId(organisationId, formId));
    let form = await find();
    if (!form && !ours) {
      await this.assets.syncForms(organisationId);
      form = await find();
    }
    if (!form) throw new ApiError(404, ErrorCode.NotFound, 'No such lead form in this organisation');
    return form;
  }
}

function validRange(request: SyncLeadsRequest, now: Date): { from?: Date; to?: Date } {
  const from = request.from ? new Date(request.from) : undefined;
  const to = request.to ? new Date(request.to) : undefined;
  const fields: FieldError[] = [];
  if (from && from.getTime() > now.getTime()) fields.push({ field: 'from', messages: ['from must not be in the future'] });
  if (from && to && to.getTime() <= from.getTime()) fields.push({ field: 'to', messages: ['to must be after from'] });
  if (fields.length) throw new ValidationFailedError(fields);
  return { from, to };
}
