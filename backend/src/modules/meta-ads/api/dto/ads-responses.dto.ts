import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AdAccountSyncStateDto,
  AdCreativeSummary,
  AdMoney,
  AdObjectResults,
  AdObjectStatus,
  AdReviewProblem,
  AdsGuardrailsDto,
  AdsSyncAccepted,
  BulkStatusResult,
  CreateLeadCampaignResult,
  GuardrailFinding,
  MetaAdDto,
  MetaAdSetDto,
  MetaCampaignDto,
  Page,
  TargetingSummary,
  ValidateLeadCampaignResult,
} from '@legeai/contracts';

/** Swagger shapes of the contracts in libs/contracts/src/meta-ads.ts (the interfaces are the source of truth). */

const STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'];

export class AdReviewProblemResponse implements AdReviewProblem {
  @ApiProperty({ enum: ['campaign', 'adset', 'ad'] }) level!: AdReviewProblem['level'];
  @ApiProperty() objectId!: string;
  @ApiProperty({ enum: ['review_rejected', 'delivery_issue'] }) kind!: AdReviewProblem['kind'];
  @ApiProperty() title!: string;
  @ApiProperty() message!: string;
}

class AdMoneyResponse implements AdMoney {
  @ApiProperty() amountMinor!: number;
  @ApiProperty() currency!: string;
}

export class AdObjectResultsResponse implements AdObjectResults {
  @ApiProperty({ type: AdMoneyResponse }) spend!: AdMoney;
  @ApiProperty() leads!: number;
  @ApiProperty({ nullable: true, type: Number }) costPerLeadMinor!: number | null;
  @ApiProperty() since!: string;
  @ApiProperty() until!: string;
}

export class MetaCampaignResponse implements MetaCampaignDto {
  @ApiProperty({ description: 'Local id' }) id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ example: 'act_1025004400112233' }) adAccountId!: string;
  @ApiProperty() adAccountName!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: AdObjectStatus;
  @ApiProperty({ example: 'CAMPAIGN_PAUSED' }) effectiveStatus!: string;
  @ApiProperty({ example: 'OUTCOME_LEADS' }) objective!: string;
  @ApiProperty({ type: [String] }) specialAdCategories!: string[];
  @ApiProperty({ type: [String] }) specialAdCategoryCountry!: string[];
  @ApiProperty() currency!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Minor units' }) dailyBudgetMinor!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lifetimeBudgetMinor!: number | null;
  @ApiProperty({ nullable: true, type: String }) bidStrategy!: string | null;
  @ApiProperty({ nullable: true, type: String }) startTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) stopTime!: string | null;
  @ApiProperty() adSetCount!: number;
  @ApiProperty() adCount!: number;
  @ApiProperty({ type: [AdReviewProblemResponse] }) problems!: AdReviewProblem[];
  @ApiProperty({ nullable: true, type: AdObjectResultsResponse, description: 'null until insights have data' })
  results!: AdObjectResults | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty() syncedAt!: string;
}

export class TargetingSummaryResponse implements TargetingSummary {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: [String] }) cities!: string[];
  @ApiProperty({ type: [String] }) zips!: string[];
  @ApiProperty({ nullable: true, type: Number }) ageMin!: number | null;
  @ApiProperty({ nullable: true, type: Number }) ageMax!: number | null;
  @ApiProperty({ type: [Number] }) genders!: number[];
}

export class MetaAdSetResponse implements MetaAdSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() adSetId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() adAccountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: AdObjectStatus;
  @ApiProperty() effectiveStatus!: string;
  @ApiProperty() optimizationGoal!: string;
  @ApiProperty({ nullable: true, type: String }) billingEvent!: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationType!: string | null;
  @ApiProperty({ nullable: true, type: String }) pageId!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ nullable: true, type: Number }) dailyBudgetMinor!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lifetimeBudgetMinor!: number | null;
  @ApiProperty({ nullable: true, type: String }) bidStrategy!: string | null;
  @ApiProperty({ nullable: true, type: String }) startTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) endTime!: string | null;
  @ApiProperty({ type: TargetingSummaryResponse }) targeting!: TargetingSummary;
  @ApiProperty({ type: [AdReviewProblemResponse] }) problems!: AdReviewProblem[];
  @ApiProperty({ nullable: true, type: AdObjectResultsResponse }) results!: AdObjectResults | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty() syncedAt!: string;
}

export class AdCreativeSummaryResponse implements AdCreativeSummary {
  @ApiProperty() creativeId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Primary text' }) body!: string | null;
  @ApiProperty({ nullable: true, type: String }) headline!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) callToAction!: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) imageHash!: string | null;
}

export class MetaAdResponse implements MetaAdDto {
  @ApiProperty() id!: string;
  @ApiProperty() adId!: string;
  @ApiProperty() adSetId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() adAccountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: AdObjectStatus;
  @ApiProperty() effectiveStatus!: string;
  @ApiProperty({ nullable: true, type: AdCreativeSummaryResponse }) creative!: AdCreativeSummary | null;
  @ApiProperty({ nullable: true, type: String }) leadFormId!: string | null;
  @ApiProperty({ nullable: true, type: String }) leadFormName!: string | null;
  @ApiProperty({ type: [AdReviewProblemResponse] }) problems!: AdReviewProblem[];
  @ApiProperty({ nullable: true, type: AdObjectResultsResponse }) results!: AdObjectResults | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty() syncedAt!: string;
}

abstract class PageResponse {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
export class CampaignPageResponse extends PageResponse implements Page<MetaCampaignDto> {
  @ApiProperty({ type: [MetaCampaignResponse] }) items!: MetaCampaignDto[];
}
export class AdSetPageResponse extends PageResponse implements Page<MetaAdSetDto> {
  @ApiProperty({ type: [MetaAdSetResponse] }) items!: MetaAdSetDto[];
}
export class AdPageResponse extends PageResponse implements Page<MetaAdDto> {
  @ApiProperty({ type: [MetaAdResponse] }) items!: MetaAdDto[];
}

class SyncCountsResponse {
  @ApiProperty() campaigns!: number;
  @ApiProperty() adSets!: number;
  @ApiProperty() ads!: number;
}

export class AdAccountSyncStateResponse implements AdAccountSyncStateDto {
  @ApiProperty() adAccountId!: string;
  @ApiProperty() adAccountName!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['never', 'queued', 'running', 'ok', 'failed', 'paused'] }) state!: AdAccountSyncStateDto['state'];
  @ApiProperty({ nullable: true, type: String }) lastSyncedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Graph requests the last sync made' }) lastRequests!: number | null;
  @ApiProperty({ type: SyncCountsResponse }) counts!: AdAccountSyncStateDto['counts'];
}

export class AdsSyncAcceptedResponse implements AdsSyncAccepted {
  @ApiProperty({ type: [String], description: 'Ad accounts whose sync was queued' }) queued!: string[];
}

export class CreateLeadCampaignResponse implements CreateLeadCampaignResult {
  @ApiProperty({ type: MetaCampaignResponse }) campaign!: MetaCampaignDto;
  @ApiProperty({ type: MetaAdSetResponse }) adSet!: MetaAdSetDto;
  @ApiProperty({ type: MetaAdResponse }) ad!: MetaAdDto;
  @ApiProperty({ type: [String] }) specialAdCategories!: string[];
  @ApiProperty({ type: [String] }) specialAdCategoryCountry!: string[];
}

export class GuardrailFindingResponse implements GuardrailFinding {
  @ApiProperty({ example: 'financial_age_narrowing' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: GuardrailFinding['severity'];
  @ApiProperty({ example: 'adSet.targeting.ageMin' }) field!: string;
  @ApiProperty() message!: string;
}

export class ValidateLeadCampaignResponse implements ValidateLeadCampaignResult {
  @ApiProperty({ type: [GuardrailFindingResponse] }) findings!: GuardrailFinding[];
  @ApiProperty({ type: [String] }) specialAdCategories!: string[];
  @ApiProperty({ type: [String] }) specialAdCategoryCountry!: string[];
}

class BulkStatusItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ enum: STATUSES }) status?: AdObjectStatus;
  @ApiPropertyOptional() error?: string;
}

export class BulkStatusResponse implements BulkStatusResult {
  @ApiProperty({ type: [BulkStatusItemResponse] }) results!: BulkStatusResult['results'];
}

export class AdsGuardrailsResponse implements AdsGuardrailsDto {
  @ApiProperty({ type: [String], example: ['US'] }) financialCategoryCountries!: string[];
  @ApiProperty() minRadiusMiles!: number;
  @ApiProperty() minRadiusKm!: number;
  @ApiProperty({ nullable: true, type: Number }) dailyBudgetCeilingMinor!: number | null;
  @ApiProperty() confirmChangeAbovePercent!: number;
}
