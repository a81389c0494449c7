import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import type { AdListQuery, AdObjectListQuery, AdObjectStatus, AdSetListQuery } from '@legeai/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { Trim } from '../../../../common/validation/trim.transform';

export const AD_OBJECT_STATUSES: AdObjectStatus[] = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'];
export const AD_OBJECT_SORTS = ['name', 'status', 'updatedAt', 'budget'] as const;
const META_ID = /^\d{1,30}$/;

class AdObjectFiltersDto implements Omit<AdObjectListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ example: 'act_1025004400112233' })
  @IsOptional()
  @Matches(/^act_\d{1,30}$/, { message: 'adAccountId must look like act_123' })
  adAccountId?: string;

  @ApiPropertyOptional({ enum: AD_OBJECT_STATUSES, description: 'DELETED lists the objects gone at Meta (hidden otherwise)' })
  @IsOptional()
  @IsIn(AD_OBJECT_STATUSES)
  status?: AdObjectStatus;

  @ApiPropertyOptional({ description: "Meta's effective_status, e.g. DISAPPROVED or WITH_ISSUES", maxLength: 40 })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/, { message: "effectiveStatus must be one of Meta's effective statuses, e.g. WITH_ISSUES" })
  effectiveStatus?: string;

  @ApiPropertyOptional({ example: 'OUTCOME_LEADS', description: "The campaign's objective" })
  @IsOptional()
  @Matches(/^[A-Z_]{1,60}$/, { message: 'objective must be a Marketing API objective, e.g. OUTCOME_LEADS' })
  objective?: string;

  @ApiPropertyOptional({ description: 'Name contains, case-insensitive', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: AD_OBJECT_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(AD_OBJECT_SORTS)
  sort?: (typeof AD_OBJECT_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class AdObjectListQueryDto extends IntersectionType(AdObjectFiltersDto, PageQueryDto) implements AdObjectListQuery {}

export class AdSetListQueryDto extends AdObjectListQueryDto implements AdSetListQuery {
  @ApiPropertyOptional({ description: "Meta's campaign id" })
  @IsOptional()
  @Matches(META_ID, { message: "campaignId must be Meta's numeric campaign id" })
  campaignId?: string;
}

export class AdListQueryDto extends AdSetListQueryDto implements AdListQuery {
  @ApiPropertyOptional({ description: "Meta's ad set id" })
  @IsOptional()
  @Matches(META_ID, { message: "adSetId must be Meta's numeric ad set id" })
  adSetId?: string;
}
