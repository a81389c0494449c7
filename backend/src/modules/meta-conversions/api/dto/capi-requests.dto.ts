import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  CAPI_EVENT_STATES,
  LEAD_STATUSES,
  LeadStatus,
  type CapiDatasetQuery,
  type CapiEventListQuery,
  type CapiEventNames,
  type CapiEventState,
  type CapiOverviewQuery,
  type CapiReplayRequest,
  type CapiSettingsRequest,
  type CreateCapiDatasetRequest,
} from '@legeai/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { Trim } from '../../../../common/validation/trim.transform';

const AD_ACCOUNT = /^act_\d{1,30}$/;
const DATASET = /^\d{1,30}$/;

/** One status's event name: text up to 100 characters, or null for "not sent"; left out, it keeps its name. */
const EventName = (example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, ...(example ? { example } : {}) }),
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    Trim(),
    IsString(),
    MaxLength(100),
  );

/** An event name per status: text up to 100 characters, or null for "not sent"; a status left out keeps its name. */
class CapiEventNamesBody implements Partial<CapiEventNames> {
  @EventName('Lead')
  [LeadStatus.New]?: string | null;

  @EventName()
  [LeadStatus.Contacted]?: string | null;

  @EventName('Qualified Lead')
  [LeadStatus.Qualified]?: string | null;

  @EventName('Quoted')
  [LeadStatus.Quoted]?: string | null;

  @EventName('Converted')
  [LeadStatus.Won]?: string | null;

  @EventName()
  [LeadStatus.Lost]?: string | null;
}

export class CapiSettingsBody implements CapiSettingsRequest {
  @ApiProperty({ type: String, nullable: true, example: 'act_1025004400112233' })
  @ValidateIf((_, v) => v !== null)
  @Matches(AD_ACCOUNT, { message: 'adAccountId must look like act_123' })
  adAccountId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1530770000000101', description: "The dataset's (pixel's) id" })
  @ValidateIf((_, v) => v !== null)
  @Matches(DATASET, { message: "datasetId must be Meta's numeric dataset id" })
  datasetId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(200)
  datasetName?: string | null;

  @ApiProperty({ description: "Send this organisation's Meta leads' stage changes" })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ description: 'Send the events of organic leads (not from an ad) too' })
  @IsBoolean()
  includeOrganic!: boolean;

  @ApiProperty({ description: "Send the events of Meta's test leads too" })
  @IsBoolean()
  includeTest!: boolean;

  @ApiProperty({ type: CapiEventNamesBody, description: 'Event name per lead status; null sends nothing for it' })
  @IsObject()
  @ValidateNested()
  @Type(() => CapiEventNamesBody)
  eventNames!: CapiEventNamesBody;
}

export class CapiDatasetQueryDto implements CapiDatasetQuery {
  @ApiProperty({ example: 'act_1025004400112233' })
  @Matches(AD_ACCOUNT, { message: 'adAccountId must look like act_123' })
  adAccountId!: string;
}

export class CreateCapiDatasetBody implements CreateCapiDatasetRequest {
  @ApiProperty({ example: 'act_1025004400112233' })
  @Matches(AD_ACCOUNT, { message: 'adAccountId must look like act_123' })
  adAccountId!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'LEGEAI CRM events' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

class CapiEventFiltersDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The LEGEAI lead's id" })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ enum: LEAD_STATUSES })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  @ApiPropertyOptional({ enum: CAPI_EVENT_STATES })
  @IsOptional()
  @IsIn(CAPI_EVENT_STATES)
  state?: CapiEventState;
}

export class CapiEventListQueryDto extends IntersectionType(CapiEventFiltersDto, PageQueryDto) implements CapiEventListQuery {}

export class CapiOverviewQueryDto implements CapiOverviewQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 90, default: 14 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

export class CapiReplayBody implements CapiReplayRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 1000, description: 'Every failed event when absent' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[];
}
