import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { DUPLICATE_STATE_FILTERS, DuplicateStateFilter, LeadListQuery, LeadStatus } from '@legeai/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/page-query.dto';
import { QueryMap } from '../../../common/validation/query-map';
import { Trim } from '../../../common/validation/trim.transform';

/** Query strings carry text: "true"/"false" become booleans, anything else stays as is and fails @IsBoolean. */
const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export const LEAD_SORTS = ['receivedAt', '-receivedAt'] as const;

const FIELDS_DESCRIPTION =
  'Custom field filters, one parameter per field: field.<key>=value (e.g. field.vehicle_year=2021, ' +
  'field.coverage_wanted=collision). A choice by option key or label, a multi-choice holding that option, a number ' +
  'or YYYY-MM-DD date exactly, text equal ignoring case. An unknown field or a value its type cannot hold is a 400.';

/** Filters of the leads table; the CSV export takes the same (paging aside). */
@QueryMap('field', 'fields')
export class LeadFilterDto implements Omit<LeadListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ maxLength: 200, description: 'Case-insensitive text in name or email; digits match phones however formatted' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: LeadStatus, enumName: 'LeadStatus' })
  @IsOptional()
  @IsEnum(LeadStatus)
  status?: LeadStatus;

  @ApiPropertyOptional({ description: "Meta's lead form id", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  formId?: string;

  @ApiPropertyOptional({ description: "Meta's campaign id", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  campaignId?: string;

  @ApiPropertyOptional({
    description: 'true: only leads linked to an original (duplicates and possible duplicates); false: only leads linked to none',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  duplicate?: boolean;

  @ApiPropertyOptional({
    enum: DUPLICATE_STATE_FILTERS,
    description:
      'duplicate: only duplicates; possible: only possible duplicates (awaiting an agent); none: only leads linked to no original',
  })
  @IsOptional()
  @IsIn(DUPLICATE_STATE_FILTERS)
  duplicateState?: DuplicateStateFilter;

  @ApiPropertyOptional({ description: 'Only leads flagged (true) or not flagged (false) for review' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  needsReview?: boolean;

  @ApiPropertyOptional({ default: false, description: "Include leads made with Meta's testing tool" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeTest?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: LEAD_SORTS, default: '-receivedAt', description: 'A leading - sorts newest first' })
  @IsOptional()
  @IsIn(LEAD_SORTS)
  sort?: (typeof LEAD_SORTS)[number];

  @ApiPropertyOptional({ name: 'field.{key}', type: String, description: FIELDS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  fields?: Record<string, string>;
}

@QueryMap('field', 'fields')
export class LeadListQueryDto extends IntersectionType(LeadFilterDto, PageQueryDto) implements LeadListQuery {
  @ApiPropertyOptional({
    maxLength: 300,
    description: "Where the page starts: the previous page's nextCursor, with the same filters and sort. Not combined with offset.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
