import { ApiPropertyOptional } from '@nestjs/swagger';
import { LeadSyncState, type LeadSyncListQuery } from '@legeai/contracts';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';

export class LeadSyncListQueryDto extends PageQueryDto implements LeadSyncListQuery {
  @ApiPropertyOptional({ enum: LeadSyncState, enumName: 'LeadSyncState' })
  @IsOptional()
  @IsEnum(LeadSyncState)
  state?: LeadSyncState;

  @ApiPropertyOptional({ description: "Meta's leadgen id: the sync of that one lead, if any", example: '1234567890123456' })
  @IsOptional()
  @Matches(/^\d{1,30}$/, { message: 'leadgenId must be a numeric Meta id' })
  leadgenId?: string;
}
