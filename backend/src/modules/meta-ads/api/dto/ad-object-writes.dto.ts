import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdObjectLevel, AdsSettingsRequest, AdsSyncRequest, BulkStatusRequest, UpdateAdObjectRequest } from '@legeai/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../../../common/validation/trim.transform';

/** Meta caps budgets far below this (a million dollars); above it a typo, not a budget. */
export const MAX_BUDGET_MINOR = 1_000_000_000;
const OBJECT_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,30})$/i;

export class UpdateAdObjectDto implements UpdateAdObjectRequest {
  @ApiPropertyOptional({ maxLength: 400 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  name?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'PAUSED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'PAUSED'])
  status?: 'ACTIVE' | 'PAUSED';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Minor units of the account currency (1250 = $12.50)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_BUDGET_MINOR)
  dailyBudgetMinor?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_BUDGET_MINOR)
  lifetimeBudgetMinor?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Campaigns: stop_time; ad sets: end_time. null removes it (daily budgets only).',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'endTime must be an ISO-8601 date-time or null' })
  endTime?: string | null;

  @ApiPropertyOptional({ description: 'Set after the user confirmed a budget increase above the organisation threshold' })
  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;
}

export class BulkStatusDto implements BulkStatusRequest {
  @ApiProperty({ enum: ['campaign', 'adset', 'ad'] })
  @IsIn(['campaign', 'adset', 'ad'])
  level!: AdObjectLevel;

  @ApiProperty({ type: [String], maxItems: 100, description: 'Local ids (uuid) or Meta ids' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(OBJECT_ID, { each: true, message: "each id must be a local id (uuid) or Meta's numeric id" })
  ids!: string[];

  @ApiProperty({ enum: ['ACTIVE', 'PAUSED'] })
  @IsIn(['ACTIVE', 'PAUSED'])
  status!: 'ACTIVE' | 'PAUSED';
}

export class AdsSyncDto implements AdsSyncRequest {
  @ApiPropertyOptional({ example: 'act_1025004400112233', description: 'One account; all active ones of the organisation when absent' })
  @IsOptional()
  @Matches(/^act_\d{1,30}$/, { message: 'adAccountId must look like act_123' })
  adAccountId?: string;
}

export class AdsSettingsDto implements AdsSettingsRequest {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Ceiling on the sum of active daily budgets per ad account, minor units; null = none',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_BUDGET_MINOR)
  dailyBudgetCeilingMinor!: number | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 50 })
  @IsInt()
  @Min(1)
  @Max(1000)
  confirmChangeAbovePercent!: number;
}

export const AD_OBJECT_ID_PATTERN = OBJECT_ID;
