import { Injectable } from '@nestjs/common';
import { ErrorCode, MetaIntegrationStatus, SendTestLeadResult } from '@legeai/contracts';
import { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { MetaGraphClient, MetaGraphError, type GraphCallContext } from '../../../infra/meta-graph';
import { decideGraphSync, graphApiError, ONE_OFF_CALL } from '../../../infra/meta-sync';
import { AuditService } from '../../audit';
import { MetaLeadFormsRepository, MetaPagesRepository } from '../../meta-assets';
import { MetaIntegrationRepository, MetaReauthService, MetaTokenVault } from '../../meta-auth';

/**
 * Sends a test lead to a form (`POST /{form-id}/test_leads`,
 * https://developers.facebook.com/docs/marketing-api/guides/lead-ads/testing-troubleshooting). Meta allows one test
 * lead per form at a time, so an earlier one is deleted first: "send a test lead" always works, and the answer
 * names what it replaced.
 * No answers are sent, so Meta fills every question with its "test lead: dummy data for …" values, which is how
 * the mapper recognises a test lead (flagged `isTest`, left out of metrics). The lead then arrives like any other,
 * through the leadgen webhook and the pipeline, where the console watches its timeline.
 */
@Injectable()
export class TestLeadService {
  constructor(
    private readonly forms: MetaLeadFormsRepository,
    private readonly pages: MetaPagesRepository,
    private readonly graph: MetaGraphClient,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly reauth: MetaReauthService,
    private readonly audit: AuditService,
  ) {}

  async send(principal: Principal, leadFormId: string): Promise<SendTestLeadResult> {
    const organisationId = principal.organisationId;
    const form = await this.forms.findById(organisationId, leadFormId);
    if (!form) throw new ApiError(404, ErrorCode.NotFound, 'No such lead form in this organisation');
    const integration = await this.integrations.requireLive(organisationId);
    if (integration.status === MetaIntegrationStatus.ReauthRequired) {
      throw new ApiError(409, ErrorCode.MetaReauthRequired, 'Reconnect the Meta account before sending a test lead');
    }
    const page = await this.pages.findById(organisationId, form.pageId);
    const pageToken = page?.isActive && this.vault.openPageToken(page);
    if (!page || !pageToken) throw new ApiError(409, ErrorCode.Conflict, "The form's page is no longer reachable: refresh the Meta assets");
    const ctx: GraphCallContext = { accessToken: pageToken, businessId: page.pageId };

    let result: SendTestLeadResult;
    try {
      const replaced = await this.deleteExisting(form.formId, ctx);
      const created = await this.graph.post<{ id: string }>(`${form.formId}/test_leads`, {}, ctx);
      result = { leadgenId: String(created.id), replacedLeadgenId: replaced };
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      if (decideGraphSync(error, ONE_OFF_CALL).action === 'park') {
        const reason = `Meta refused the token while sending a test lead: ${error.message}`;
        await this.reauth.markReauthRequired(organisationId, integration.id, reason, {
          during: 'test_lead',
          failedPageToken: page.pageAccessTokenCiphertext ?? undefined,
        });
      }
      throw graphApiError(error, { formId: form.id });
    }
    await this.audit.recordBy(
      principal,
      'meta.test_lead_sent',
      { type: 'meta_lead_form', id: form.id },
      {
        metaFormId: form.formId,
        leadgenId: result.leadgenId,
        replacedLeadgenId: result.replacedLeadgenId,
        before: { testLeadId: result.replacedLeadgenId },
        after: { testLeadId: result.leadgenId },
      },
    );
    return result;
  }

  /** Deletes the form's current test lead(s); answers the id of the one deleted, if any. */
  private async deleteExisting(formId: string, ctx: GraphCallContext): Promise<string | null> {
    const ids: string[] = [];
    // Listed first, deleted after: deleting while paging could move the cursor under us.
    for await (const lead of this.graph.paginate<{ id: string }>(`${formId}/test_leads`, { fields: 'id' }, ctx)) ids.push(String(lead.id));
    for (const id of ids) await this.graph.delete(id, {}, ctx);
    return ids[0] ?? null;
  }
}
