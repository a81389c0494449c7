import { ApiPropertyOptional } from '@nestjs/swagger';
import { LeadSyncState, type LeadSyncListQuery } from '@legeai/contracts';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';

export class LeadSyncListQueryDto extends PageQueryDto implements LeadSyncListQuery {
  @ApiPropertyOptional({ enum: LeadSyncState, enumName: 'LeadSyncState' })
  @IsOptional()
  @IsEnum(LeadSyncState)
  state?: LeadSyncState;
}
