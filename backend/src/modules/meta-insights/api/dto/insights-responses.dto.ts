import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DateRange,
  InsightConversionsDto,
  InsightLevel,
  InsightMetrics,
  InsightRowDto,
  InsightsDailyPoint,
  InsightsPage,
  InsightsSettingsDto,
  InsightsSummaryDto,
  RoiBasis,
} from '@legeai/contracts';

/** Swagger shapes of the contracts in libs/contracts/src/meta-insights.ts (the interfaces are the source of truth). */

const NO_VALUE = 'null when its denominator is zero ("no value")';

export class DateRangeResponse implements DateRange {
  @ApiProperty({ example: '2026-11-01' }) since!: string;
  @ApiProperty({ example: '2026-11-28' }) until!: string;
}

export class InsightMetricsResponse implements InsightMetrics {
  @ApiProperty({ description: 'Major units of the account currency' }) spend!: number;
  @ApiProperty() impressions!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Meta's deduplicated reach; null unless read from one stored row (one object, one day)",
  })
  reach!: number | null;
  @ApiProperty() clicks!: number;
  @ApiProperty() linkClicks!: number;
  @ApiProperty({ description: "Leads as Meta counts them, under the account's attribution setting" }) metaLeads!: number;
  @ApiProperty({ description: 'Leads stored here on the same account-local day; organic and test leads excluded' }) storedLeads!: number;
  @ApiProperty({ description: 'Stored leads now qualified, quoted or won' }) qualifiedLeads!: number;
  @ApiProperty() wonPolicies!: number;
  @ApiProperty({ description: 'Premium of the won policies in the account currency (premiums in other currencies are left out)' })
  premiumWon!: number;
  @ApiProperty({ description: 'What ROI is computed on: premium won, or commission on it' }) revenue!: number;
  @ApiProperty({ type: Number, nullable: true, description: `spend / storedLeads; ${NO_VALUE}` }) cpl!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `spend / metaLeads; ${NO_VALUE}` }) metaCpl!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `spend / qualifiedLeads; ${NO_VALUE}` }) costPerQualified!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `spend / wonPolicies; ${NO_VALUE}` }) costPerWon!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `(revenue - spend) / spend, 0.5 is +50 %; ${NO_VALUE}` }) roi!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `clicks / impressions; ${NO_VALUE}` }) ctr!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `qualifiedLeads / storedLeads; ${NO_VALUE}` }) qualifiedRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `wonPolicies / storedLeads; ${NO_VALUE}` }) wonRate!: number | null;
}

class InsightConversionsResponse implements InsightConversionsDto {
  @ApiProperty({ description: 'Conversions API events of the stored leads that went to Meta at least once' }) sent!: number;
  @ApiProperty({ description: 'Of those, the ones Meta accepted' }) accepted!: number;
}

export class InsightRowResponse implements InsightRowDto {
  @ApiProperty({ enum: ['account', 'campaign', 'adset', 'ad'] }) level!: InsightLevel;
  @ApiProperty() objectId!: string;
  @ApiProperty({ description: 'From the MetaAds mirror; the id when unknown' }) name!: string;
  @ApiProperty() adAccountId!: string;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: String, nullable: true }) adsetId!: string | null;
  @ApiProperty({ type: String, nullable: true }) adId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The breakdown value; null without a breakdown' }) breakdownKey!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: InsightMetricsResponse }) metrics!: InsightMetrics;
  @ApiPropertyOptional({ type: InsightMetricsResponse, description: 'With compare=previous' }) previous?: InsightMetrics;
  @ApiPropertyOptional({
    type: InsightConversionsResponse,
    description: "Campaign rows without a breakdown: the Conversions API events of the row's stored leads (whenever their stage changed)",
  })
  conversions?: InsightConversionsDto;
}

export class InsightsPageResponse implements InsightsPage {
  @ApiProperty({ type: [InsightRowResponse] }) items!: InsightRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: DateRangeResponse }) range!: DateRange;
  @ApiPropertyOptional({ type: DateRangeResponse }) previousRange?: DateRange;
}

class InsightsDailyPointResponse implements InsightsDailyPoint {
  @ApiProperty({ example: '2026-11-01' }) date!: string;
  @ApiProperty() spend!: number;
  @ApiProperty() metaLeads!: number;
  @ApiProperty() storedLeads!: number;
}

class InsightsFunnelResponse {
  @ApiProperty() impressions!: number;
  @ApiProperty() clicks!: number;
  @ApiProperty() leads!: number;
  @ApiProperty() qualified!: number;
  @ApiProperty() won!: number;
}

export class InsightsSummaryResponse implements InsightsSummaryDto {
  @ApiProperty({ type: DateRangeResponse }) range!: DateRange;
  @ApiProperty({ type: DateRangeResponse }) previousRange!: DateRange;
  @ApiProperty({ type: [String] }) adAccountIds!: string[];
  @ApiProperty({ description: 'The currency of the totals: the one most was spent in' }) currency!: string;
  @ApiProperty({ example: 'America/Los_Angeles' }) timeZone!: string;
  @ApiProperty({ type: String, nullable: true }) attributionSetting!: string | null;
  @ApiProperty({ type: InsightMetricsResponse }) totals!: InsightMetrics;
  @ApiProperty({ type: InsightMetricsResponse }) previous!: InsightMetrics;
  @ApiProperty({ type: [InsightsDailyPointResponse] }) daily!: InsightsDailyPoint[];
  @ApiProperty({ type: InsightsFunnelResponse }) funnel!: InsightsSummaryDto['funnel'];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dataAsOf!: string | null;
  @ApiProperty({ example: 28 }) restatementWindowDays!: number;
  @ApiProperty({ enum: ['premium', 'commission'] }) roiBasis!: RoiBasis;
  @ApiProperty({ type: Number, nullable: true }) commissionRate!: number | null;
  @ApiProperty({ type: [String], description: 'Currencies of other accounts, left out of the totals' }) otherCurrencies!: string[];
}

export class InsightsSettingsResponse implements InsightsSettingsDto {
  @ApiProperty({ enum: ['premium', 'commission'] }) roiBasis!: RoiBasis;
  @ApiProperty({ type: Number, nullable: true }) commissionRate!: number | null;
}
