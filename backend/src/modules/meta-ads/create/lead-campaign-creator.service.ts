import { Injectable, Logger } from '@nestjs/common';
import {
  ADS_ERROR_CODES,
  type CampaignCreationCleanup,
  type CreateLeadCampaignRequest,
  type CreateLeadCampaignResult,
} from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { MetaGraphError } from '../../../infra/meta-graph';
import { AuditService } from '../../audit';
import { AdObjectListsService } from '../ad-object-lists.service';
import { AdsGraphApi } from '../graph/ads-graph.api';
import { AdObjectsRepository } from '../repositories/ad-objects.repository';
import { AdsSyncService } from '../sync/ads-sync.service';
import { AdObjectReadBack } from '../writes/ad-object-read-back';
import { adsWriteError, guardrailError, metaFacts } from '../writes/ads-write-errors';
import { AdsWriteSessions, type AdsWriteSession } from '../writes/ads-write-session';
import { KeptFailure } from '../writes/idempotency.service';
import { adParams, adSetParams, campaignParams, creativeParams } from './lead-campaign-params';
import { LeadCampaignDrafts } from './lead-campaign-drafts.service';

type Step = CampaignCreationCleanup['failedStep'];
type Made = CampaignCreationCleanup['objects'][number];

const STEP_NAMES: Record<Step, string> = { image: 'image upload', campaign: 'campaign', adset: 'ad set', creative: 'creative', ad: 'ad' };

/**
 * A lead campaign in one flow (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create): the image
 * (uploaded when given as base64), an OUTCOME_LEADS campaign in the special ad category the targeting requires, an ad
 * set on an instant form of a connected Page, a creative whose call to action opens the form, and the ad; all PAUSED
 * unless the user asked for ACTIVE. Checked against the guardrails first. When a step fails, what the earlier steps
 * made is deleted again and the envelope (META_CAMPAIGN_PARTIAL) says, object by object, whether it was: never a
 * half-made campaign left behind silently.
 */
@Injectable()
export class LeadCampaignCreator {
  private readonly logger = new Logger(LeadCampaignCreator.name);

  constructor(
    private readonly drafts: LeadCampaignDrafts,
    private readonly sessions: AdsWriteSessions,
    private readonly graph: AdsGraphApi,
    private readonly readBack: AdObjectReadBack,
    private readonly objects: AdObjectsRepository,
    private readonly lists: AdObjectListsService,
    private readonly sync: AdsSyncService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, draft: CreateLeadCampaignRequest): Promise<CreateLeadCampaignResult> {
    const organisationId = principal.organisationId;
    const checked = await this.drafts.check(organisationId, draft);
    if (checked.findings.some((f) => f.severity === 'error')) throw guardrailError(checked.findings);
    const session = await this.sessions.open(organisationId, draft.adAccountId);
    const act = session.account.adAccountId;
    const status = draft.status ?? 'PAUSED';
    const made: Made[] = [];
    const ids = { campaign: '', adset: '', creative: '', ad: '' };
    let step: Step = 'image';
    try {
      let imageHash = draft.ad.imageHash;
      if (draft.ad.imageBase64) imageHash = await session.call((ctx, n) => this.graph.uploadImage(act, draft.ad.imageBase64!, ctx, n));
      step = 'campaign';
      ids.campaign = await session.call((ctx, n) => this.graph.create(act, 'campaigns', campaignParams(draft, checked, status), ctx, n));
      made.push({ level: 'campaign', id: ids.campaign, cleanedUp: false });
      step = 'adset';
      ids.adset = await session.call((ctx, n) => this.graph.create(act, 'adsets', adSetParams(draft, ids.campaign, status), ctx, n));
      made.push({ level: 'adset', id: ids.adset, cleanedUp: false });
      step = 'creative';
      ids.creative = await session.call((ctx, n) => this.graph.create(act, 'adcreatives', creativeParams(draft, imageHash!), ctx, n));
      made.push({ level: 'creative', id: ids.creative, cleanedUp: false });
      step = 'ad';
      ids.ad = await session.call((ctx, n) => this.graph.create(act, 'ads', adParams(draft, ids.adset, ids.creative, status), ctx, n));
    } catch (error) {
      throw await this.failed(principal, session, draft, step, made, error);
    }

    const readBack = await Promise.all([
      this.readBack.refresh(session, 'campaign', ids.campaign),
      this.readBack.refresh(session, 'adset', ids.adset),
      this.readBack.refresh(session, 'ad', ids.ad),
    ]);
    // Created but not read back: the sync brings the objects as Meta has them.
    if (readBack.includes(false)) await this.sync.enqueue(organisationId, 'on_demand', [act]);
    const [campaign, adSet, ad] = await Promise.all([
      this.objects.findCampaign(organisationId, ids.campaign),
      this.objects.findAdSet(organisationId, ids.adset),
      this.objects.findAd(organisationId, ids.ad),
    ]);
    await this.audit.recordBy(
      principal,
      'meta_ads.campaign_created',
      { type: 'meta_campaign', id: ids.campaign },
      {
        adAccountId: act,
        before: null,
        after: {
          campaignId: ids.campaign,
          adSetId: ids.adset,
          creativeId: ids.creative,
          adId: ids.ad,
          status,
          name: draft.campaign.name,
          budget: draft.adSet.budget,
          specialAdCategories: checked.specialAdCategories,
          specialAdCategoryCountry: checked.specialAdCategoryCountry,
          leadFormId: draft.ad.leadFormId,
          pageId: draft.adSet.pageId,
        },
        graphRequests: session.counter.requests,
      },
    );
    if (!campaign || !adSet || !ad) {
      // Kept for the idempotency key: a retry must not create the campaign a second time.
      throw new KeptFailure(
        502,
        ADS_ERROR_CODES.campaignCreatedUnread,
        'The campaign was created at Meta but could not be read back yet; it shows after the next sync',
        { ...ids },
      );
    }
    return {
      campaign: (await this.lists.campaignDtos(organisationId, [campaign]))[0],
      adSet: (await this.lists.adSetDtos(organisationId, [adSet]))[0],
      ad: (await this.lists.adDtos(organisationId, [ad]))[0],
      specialAdCategories: checked.specialAdCategories,
      specialAdCategoryCountry: checked.specialAdCategoryCountry,
    };
  }

  /** Deletes what the earlier steps made (newest first) and turns the failure into the envelope that reports it. */
  private async failed(
    principal: Principal,
    session: AdsWriteSession,
    draft: CreateLeadCampaignRequest,
    step: Step,
    made: Made[],
    error: unknown,
  ): Promise<Error> {
    for (const object of [...made].reverse()) {
      try {
        await this.graph.remove(object.id, session.ctx, session.counter);
        object.cleanedUp = true;
      } catch (cleanupError) {
        this.logger.warn(
          { organisationId: session.organisationId, object, err: (cleanupError as Error).message },
          'Could not delete an object of a failed campaign creation',
        );
      }
    }
    const graphError = error instanceof MetaGraphError ? error : undefined;
    if (made.length === 0) return graphError ? adsWriteError(graphError, { failedStep: step }) : (error as Error);
    const cleanup: CampaignCreationCleanup = { failedStep: step, objects: made };
    const leftovers = made.filter((o) => !o.cleanedUp);
    const reason = graphError?.userMessage ?? graphError?.message ?? (error instanceof Error ? error.message : String(error));
    const unknownOutcome = graphError?.network !== undefined;
    const message =
      `The ${STEP_NAMES[step]} could not be created: ${reason}. ` +
      (leftovers.length === 0
        ? 'What was already created was deleted again; nothing is left at Meta.'
        : `${leftovers.map((o) => `${o.level} ${o.id}`).join(', ')} could not be deleted: delete ${leftovers.length > 1 ? 'them' : 'it'} in Ads Manager.`) +
      (unknownOutcome ? ` Meta did not answer the ${STEP_NAMES[step]} request, so it may exist at Meta: the next sync shows it.` : '');
    const details = { ...cleanup, ...(graphError ? metaFacts(graphError) : {}), ...(unknownOutcome ? { unknownOutcome: true } : {}) };
    await this.audit.recordBy(
      principal,
      'meta_ads.campaign_creation_failed',
      { type: 'meta_ad_account', id: draft.adAccountId },
      {
        adAccountId: draft.adAccountId,
        name: draft.campaign.name,
        ...details,
      },
    );
    const status = graphError?.kind === 'validation' ? 422 : graphError?.kind === 'rate_limited' ? 429 : 502;
    // Something left at Meta: the answer is kept for the idempotency key, so a retry does not make a second one.
    return leftovers.length > 0 || unknownOutcome
      ? new KeptFailure(status, ADS_ERROR_CODES.campaignPartial, message, details)
      : new ApiError(status, ADS_ERROR_CODES.campaignPartial, message, details);
  }
}
