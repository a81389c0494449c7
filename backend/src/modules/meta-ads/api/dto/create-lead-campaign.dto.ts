import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEAD_AD_CALLS_TO_ACTION,
  type BudgetType,
  type CreateLeadCampaignRequest,
  type LeadAdCallToAction,
  type LeadCampaignTargeting,
  type LeadOptimizationGoal,
} from '@legeai/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../../common/validation/trim.transform';
import { MAX_BUDGET_MINOR } from './ad-object-writes.dto';

const META_ID = /^\d{1,30}$/;
const TargetingKey = () => Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'key must be a Meta targeting search key' });

class PlaceDto {
  @ApiProperty({ description: "Meta's targeting search key", example: '3847' })
  @IsString()
  @TargetingKey()
  key!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

class CityDto extends PlaceDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 80 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(80)
  radius?: number;

  @ApiPropertyOptional({ enum: ['mile', 'kilometer'], default: 'mile' })
  @IsOptional()
  @IsIn(['mile', 'kilometer'])
  distanceUnit?: 'mile' | 'kilometer';
}

class TargetingDto implements LeadCampaignTargeting {
  @ApiProperty({
    type: [String],
    example: ['US'],
    description: 'ISO country codes where the ads run; regions and cities narrow within them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z]{2}$/, { each: true, message: 'each country must be a two-letter ISO code' })
  countries!: string[];

  @ApiPropertyOptional({ type: [PlaceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlaceDto)
  regions?: PlaceDto[];

  @ApiPropertyOptional({ type: [CityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  @Type(() => CityDto)
  cities?: CityDto[];

  @ApiPropertyOptional({ type: [String], description: 'Refused under the financial-products category' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2500)
  @Matches(/^[A-Za-z0-9:_ -]{1,32}$/, { each: true, message: 'each ZIP must be a postal code key like US:10001' })
  zips?: string[];

  @ApiPropertyOptional({ minimum: 13, maximum: 65 })
  @IsOptional()
  @IsInt()
  @Min(13)
  @Max(65)
  ageMin?: number;

  @ApiPropertyOptional({ minimum: 13, maximum: 65, description: '65 means 65 and older' })
  @IsOptional()
  @IsInt()
  @Min(13)
  @Max(65)
  ageMax?: number;

  @ApiPropertyOptional({ type: [Number], description: '1 men, 2 women; refused under the financial-products category' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn([1, 2], { each: true })
  genders?: number[];
}

class BudgetDto {
  @ApiProperty({ enum: ['daily', 'lifetime'] })
  @IsIn(['daily', 'lifetime'])
  type!: BudgetType;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Minor units of the account currency' })
  @IsInt()
  @Min(1)
  @Max(MAX_BUDGET_MINOR)
  amountMinor!: number;
}

class CampaignPartDto {
  @ApiProperty({ maxLength: 400 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  name!: string;
}

class AdSetPartDto {
  @ApiProperty({ maxLength: 400 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  name!: string;

  @ApiProperty({ description: "Meta's id of a connected Page (owner of the lead form)" })
  @Matches(META_ID, { message: "pageId must be Meta's numeric Page id" })
  pageId!: string;

  @ApiProperty({ enum: ['LEAD_GENERATION', 'QUALITY_LEAD'] })
  @IsIn(['LEAD_GENERATION', 'QUALITY_LEAD'])
  optimizationGoal!: LeadOptimizationGoal;

  @ApiProperty({ type: BudgetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startTime?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Required with a lifetime budget' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endTime?: string;

  @ApiProperty({ type: TargetingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TargetingDto)
  targeting!: TargetingDto;
}

class AdPartDto {
  @ApiProperty({ maxLength: 400 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  name!: string;

  @ApiProperty({ description: "Meta's id of an active lead form of the Page" })
  @Matches(META_ID, { message: "leadFormId must be Meta's numeric form id" })
  leadFormId!: string;

  @ApiPropertyOptional({ description: "An image already in the ad account's library" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{8,64}$/, { message: 'imageHash must be an ad image hash' })
  imageHash?: string;

  @ApiPropertyOptional({ description: 'A JPEG or PNG to upload, base64 (the request body limit, BODY_LIMIT, bounds its size)' })
  @IsOptional()
  @IsString()
  @MaxLength(30_000_000)
  @Matches(/^[A-Za-z0-9+/=\s]+$/, { message: 'imageBase64 must be base64-encoded image data' })
  imageBase64?: string;

  @ApiProperty({ maxLength: 2000, description: 'Primary text' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  primaryText!: string;

  @ApiProperty({ maxLength: 255 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  headline!: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  description?: string;

  @ApiProperty({ enum: LEAD_AD_CALLS_TO_ACTION })
  @IsIn(LEAD_AD_CALLS_TO_ACTION)
  callToAction!: LeadAdCallToAction;
}

export class CreateLeadCampaignDto implements CreateLeadCampaignRequest {
  @ApiProperty({ example: 'act_1025004400112233' })
  @Matches(/^act_\d{1,30}$/, { message: 'adAccountId must look like act_123' })
  adAccountId!: string;

  @ApiPropertyOptional({ enum: ['PAUSED', 'ACTIVE'], default: 'PAUSED' })
  @IsOptional()
  @IsIn(['PAUSED', 'ACTIVE'])
  status?: 'PAUSED' | 'ACTIVE';

  @ApiProperty({ type: CampaignPartDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignPartDto)
  campaign!: CampaignPartDto;

  @ApiProperty({ type: AdSetPartDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AdSetPartDto)
  adSet!: AdSetPartDto;

  @ApiProperty({ type: AdPartDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AdPartDto)
  ad!: AdPartDto;
}
