import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_HEADER,
  Role,
  ROUTES,
  type AdAccountSyncStateDto,
  type AdsGuardrailsDto,
  type AdsSyncAccepted,
  type BulkStatusResult,
  type CreateLeadCampaignResult,
  type MetaAdDto,
  type MetaAdSetDto,
  type MetaCampaignDto,
  type Page,
  type ValidateLeadCampaignResult,
} from '@legeai/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { AdObjectListsService } from '../ad-object-lists.service';
import { AdsSettingsService } from '../ads-settings.service';
import { LeadCampaignCreator } from '../create/lead-campaign-creator.service';
import { LeadCampaignDrafts } from '../create/lead-campaign-drafts.service';
import { AdsSyncService } from '../sync/ads-sync.service';
import { AdObjectWritesService } from '../writes/ad-object-writes.service';
import { IdempotencyService, type IdempotentResult } from '../writes/idempotency.service';
import { AdObjectIdPipe } from './ad-object-id.pipe';
import { AdListQueryDto, AdObjectListQueryDto, AdSetListQueryDto } from './dto/ad-object-queries.dto';
import { AdsSettingsDto, AdsSyncDto, BulkStatusDto, UpdateAdObjectDto } from './dto/ad-object-writes.dto';
import {
  AdAccountSyncStateResponse,
  AdPageResponse,
  AdSetPageResponse,
  AdsGuardrailsResponse,
  AdsSyncAcceptedResponse,
  BulkStatusResponse,
  CampaignPageResponse,
  CreateLeadCampaignResponse,
  MetaAdResponse,
  MetaAdSetResponse,
  MetaCampaignResponse,
  ValidateLeadCampaignResponse,
} from './dto/ads-responses.dto';
import { CreateLeadCampaignDto } from './dto/create-lead-campaign.dto';

const R = ROUTES.metaIntegration;
const KEY = IDEMPOTENCY_KEY_HEADER.toLowerCase();
const requiredKey = ApiHeader({
  name: IDEMPOTENCY_KEY_HEADER,
  required: true,
  description: 'Unique per intended write: a retry with the same key and body gets the first answer and applies nothing twice',
});
const optionalKey = ApiHeader({
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description: 'Optional: a retry with the same key and body gets the first answer',
});

/** Says when an answer is the stored one of an earlier request with the same key. */
function answer<T>(res: FastifyReply, outcome: IdempotentResult<T>): T {
  if (outcome.replayed) void res.header('Idempotent-Replayed', 'true');
  return outcome.result;
}

/**
 * MetaAds: the mirror of the connected ad accounts' campaigns, ad sets and ads, the lead campaign creation, edits,
 * pause and resume, and the guardrails. Viewers read; managers and admins change; admins set the budget guardrails.
 */
@ApiTags('meta-ads')
@Controller(R.base)
export class MetaAdsController {
  constructor(
    private readonly lists: AdObjectListsService,
    private readonly sync: AdsSyncService,
    private readonly drafts: LeadCampaignDrafts,
    private readonly creator: LeadCampaignCreator,
    private readonly writes: AdObjectWritesService,
    private readonly settings: AdsSettingsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get(R.campaigns)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listCampaigns',
    summary: 'Campaigns of the connected ad accounts, with filters, sorting and paging (deleted ones only with status=DELETED)',
  })
  @ApiOkResponse({ type: CampaignPageResponse })
  @ApiErrorResponses(400, 401, 403)
  campaigns(@CurrentPrincipal() principal: Principal, @Query() query: AdObjectListQueryDto): Promise<Page<MetaCampaignDto>> {
    return this.lists.campaigns(principal.organisationId, query);
  }

  @Post(R.campaigns)
  @Roles(Role.Manager)
  @requiredKey
  @ApiOperation({
    operationId: 'createLeadCampaign',
    summary:
      'Create a lead campaign, its ad set (instant form) and its ad in one flow, PAUSED unless asked; guardrails first, cleanup on a failed step',
  })
  @ApiCreatedResponse({ type: CreateLeadCampaignResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 502, 503)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Headers(KEY) key: string | undefined,
    @Body() body: CreateLeadCampaignDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CreateLeadCampaignResult> {
    const run = () => this.creator.create(principal, body);
    return answer(
      res,
      await this.idempotency.run(principal.organisationId, key, 'campaigns.create', body, run, { required: true, status: 201 }),
    );
  }

  @Get(R.campaignsSync)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listAdsSyncStates',
    summary: "How each active ad account's mirror stands: last sync, its Graph requests, object counts",
  })
  @ApiOkResponse({ type: [AdAccountSyncStateResponse] })
  @ApiErrorResponses(401, 403)
  syncStates(@CurrentPrincipal() principal: Principal): Promise<AdAccountSyncStateDto[]> {
    return this.lists.syncStates(principal.organisationId);
  }

  @Post(R.campaignsSync)
  @HttpCode(202)
  @Roles(Role.Manager)
  @ApiOperation({ operationId: 'syncCampaigns', summary: 'Sync one ad account (or all active ones) now' })
  @ApiAcceptedResponse({ type: AdsSyncAcceptedResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  async syncNow(@CurrentPrincipal() principal: Principal, @Body() body: AdsSyncDto): Promise<AdsSyncAccepted> {
    return { queued: await this.sync.enqueueOnDemand(principal.organisationId, body.adAccountId) };
  }

  @Post(R.campaignsValidate)
  @HttpCode(200)
  @Roles(Role.Manager)
  @ApiOperation({
    operationId: 'validateLeadCampaign',
    summary: 'The guardrail findings of a lead campaign draft, and the special ad category the product would set; creates nothing',
  })
  @ApiOkResponse({ type: ValidateLeadCampaignResponse })
  @ApiErrorResponses(400, 401, 403)
  async validate(@CurrentPrincipal() principal: Principal, @Body() body: CreateLeadCampaignDto): Promise<ValidateLeadCampaignResult> {
    const { findings, specialAdCategories, specialAdCategoryCountry } = await this.drafts.check(principal.organisationId, body);
    return { findings, specialAdCategories, specialAdCategoryCountry };
  }

  @Put(`${R.campaigns}/:id`)
  @Roles(Role.Manager)
  @optionalKey
  @ApiOperation({
    operationId: 'updateCampaign',
    summary: 'Rename, pause or resume a campaign, change its budget or end date (a large increase needs confirmed: true)',
  })
  @ApiOkResponse({ type: MetaCampaignResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 502, 503)
  async updateCampaign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', AdObjectIdPipe) id: string,
    @Headers(KEY) key: string | undefined,
    @Body() body: UpdateAdObjectDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MetaCampaignDto> {
    const run = () => this.writes.update(principal, 'campaign', id, body) as Promise<MetaCampaignDto>;
    return answer(
      res,
      await this.idempotency.run(principal.organisationId, key, `campaigns.update:${id}`, body, run, { required: false, status: 200 }),
    );
  }

  @Get(R.adSets)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listAdSets',
    summary: 'Ad sets, with filters (ad account, campaign, status, objective), sorting and paging',
  })
  @ApiOkResponse({ type: AdSetPageResponse })
  @ApiErrorResponses(400, 401, 403)
  adSets(@CurrentPrincipal() principal: Principal, @Query() query: AdSetListQueryDto): Promise<Page<MetaAdSetDto>> {
    return this.lists.adSets(principal.organisationId, query);
  }

  @Put(`${R.adSets}/:id`)
  @Roles(Role.Manager)
  @optionalKey
  @ApiOperation({ operationId: 'updateAdSet', summary: 'Rename, pause or resume an ad set, change its budget or end date' })
  @ApiOkResponse({ type: MetaAdSetResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 502, 503)
  async updateAdSet(
    @CurrentPrincipal() principal: Principal,
    @Param('id', AdObjectIdPipe) id: string,
    @Headers(KEY) key: string | undefined,
    @Body() body: UpdateAdObjectDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MetaAdSetDto> {
    const run = () => this.writes.update(principal, 'adset', id, body) as Promise<MetaAdSetDto>;
    return answer(
      res,
      await this.idempotency.run(principal.organisationId, key, `adsets.update:${id}`, body, run, { required: false, status: 200 }),
    );
  }

  @Get(R.ads)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'listAds',
    summary: 'Ads with their creative and lead form, with filters (ad account, campaign, ad set, status, objective), sorting and paging',
  })
  @ApiOkResponse({ type: AdPageResponse })
  @ApiErrorResponses(400, 401, 403)
  ads(@CurrentPrincipal() principal: Principal, @Query() query: AdListQueryDto): Promise<Page<MetaAdDto>> {
    return this.lists.ads(principal.organisationId, query);
  }

  @Put(`${R.ads}/:id`)
  @Roles(Role.Manager)
  @optionalKey
  @ApiOperation({ operationId: 'updateAd', summary: 'Rename, pause or resume an ad' })
  @ApiOkResponse({ type: MetaAdResponse })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 502, 503)
  async updateAd(
    @CurrentPrincipal() principal: Principal,
    @Param('id', AdObjectIdPipe) id: string,
    @Headers(KEY) key: string | undefined,
    @Body() body: UpdateAdObjectDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MetaAdDto> {
    const run = () => this.writes.update(principal, 'ad', id, body) as Promise<MetaAdDto>;
    return answer(
      res,
      await this.idempotency.run(principal.organisationId, key, `ads.update:${id}`, body, run, { required: false, status: 200 }),
    );
  }

  @Post(R.adsBulkStatus)
  @HttpCode(200)
  @Roles(Role.Manager)
  @requiredKey
  @ApiOperation({ operationId: 'bulkAdStatus', summary: 'Pause or resume many campaigns, ad sets or ads; each object gets its own result' })
  @ApiOkResponse({ type: BulkStatusResponse })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  async bulkStatus(
    @CurrentPrincipal() principal: Principal,
    @Headers(KEY) key: string | undefined,
    @Body() body: BulkStatusDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<BulkStatusResult> {
    const run = () => this.writes.bulkStatus(principal, body);
    return answer(
      res,
      await this.idempotency.run(principal.organisationId, key, 'ads.bulk-status', body, run, { required: true, status: 200 }),
    );
  }

  @Get(R.adsGuardrails)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'getAdsGuardrails',
    summary: 'The guardrails a draft campaign is checked against (special ad category countries, radius, budget ceiling and threshold)',
  })
  @ApiOkResponse({ type: AdsGuardrailsResponse })
  @ApiErrorResponses(401, 403)
  guardrails(@CurrentPrincipal() principal: Principal): Promise<AdsGuardrailsDto> {
    return this.settings.guardrails(principal.organisationId);
  }

  @Put(R.adsSettings)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'updateAdsSettings',
    summary: "Set the organisation's daily budget ceiling and the budget change that needs confirmation",
  })
  @ApiOkResponse({ type: AdsGuardrailsResponse })
  @ApiErrorResponses(400, 401, 403)
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: AdsSettingsDto): Promise<AdsGuardrailsDto> {
    return this.settings.update(principal, body);
  }
}
