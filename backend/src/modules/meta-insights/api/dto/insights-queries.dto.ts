import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  INSIGHT_BREAKDOWNS,
  type InsightBreakdown,
  type InsightLevel,
  type InsightsQuery,
  type InsightsSettingsDto,
  type RoiBasis,
} from '@legeai/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  ValidateIf,
  IsPositive,
} from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { MAX_RANGE_DAYS } from '../../reporting/insights-range';

export const INSIGHT_LEVELS: InsightLevel[] = ['account', 'campaign', 'adset', 'ad'];
export const INSIGHT_SORTS = ['spend', 'cpl', 'roi', 'metaLeads', 'storedLeads', 'name'] as const;
export const MAX_INSIGHT_IDS = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OBJECT_ID = /^(act_)?\d{1,30}$/;

/** The range of an insights query: account-local calendar days, inclusive; both or neither (the last 28 days). */
class InsightRangeDto {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: `First day (YYYY-MM-DD, the ad account's calendar); with until, at most ${MAX_RANGE_DAYS} days before it. Without both: the last 28 days`,
  })
  @IsOptional()
  @Matches(DATE, { message: 'since must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'since must be a real calendar date' })
  since?: string;

  @ApiPropertyOptional({ example: '2026-11-28', description: 'Last day, inclusive (YYYY-MM-DD); not before since; with since' })
  @IsOptional()
  @Matches(DATE, { message: 'until must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'until must be a real calendar date' })
  until?: string;

  @ApiPropertyOptional({ example: 'act_1025004400112233', description: 'One ad account; all of the organisation’s otherwise' })
  @IsOptional()
  @Matches(/^act_\d{1,30}$/, { message: 'adAccountId must look like act_123' })
  adAccountId?: string;
}

export class InsightsSummaryQueryDto extends InsightRangeDto {}

class InsightFiltersDto extends InsightRangeDto implements Omit<InsightsQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ enum: INSIGHT_LEVELS, default: 'campaign' })
  @IsOptional()
  @IsIn(INSIGHT_LEVELS)
  level?: InsightLevel;

  @ApiPropertyOptional({
    type: String,
    description: `Meta object ids at the level, comma-separated (at most ${MAX_INSIGHT_IDS})`,
    example: '120210000000000101,120210000000000102',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INSIGHT_IDS)
  @Matches(OBJECT_ID, { each: true, message: 'each of ids must be a Meta object id (digits, or act_ and digits)' })
  ids?: string[];

  @ApiPropertyOptional({
    enum: INSIGHT_BREAKDOWNS,
    default: 'none',
    description: "A breakdown's rows carry Meta's facts only: stored leads are not known by platform, age, gender or region",
  })
  @IsOptional()
  @IsIn(INSIGHT_BREAKDOWNS)
  breakdown?: InsightBreakdown;

  @ApiPropertyOptional({ enum: ['previous'], description: 'Adds each row’s metrics over the same number of days just before since' })
  @IsOptional()
  @IsIn(['previous'])
  compare?: 'previous';

  @ApiPropertyOptional({ enum: INSIGHT_SORTS, default: 'spend', description: 'Rows without a value (null CPL or ROI) come last' })
  @IsOptional()
  @IsIn(INSIGHT_SORTS)
  sort?: (typeof INSIGHT_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: asc for name and cpl, desc otherwise' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: every row (no paging) as a CSV download' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class InsightsQueryDto extends IntersectionType(InsightFiltersDto, PageQueryDto) implements InsightsQuery {}

export class InsightsSettingsBodyDto implements InsightsSettingsDto {
  @ApiProperty({ enum: ['premium', 'commission'], description: 'ROI on the premium won, or on the commission at commissionRate' })
  @IsIn(['premium', 'commission'])
  roiBasis!: RoiBasis;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    example: 0.15,
    description: 'Share of premium paid as commission, above 0 and at most 1; required with commission, dropped with premium',
  })
  @ValidateIf((o: InsightsSettingsBodyDto) => o.roiBasis === 'commission' || (o.commissionRate !== null && o.commissionRate !== undefined))
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @IsPositive()
  @Max(1)
  commissionRate!: number | null;
}
