import { ApiPropertyOptional } from '@nestjs/swagger';
import { LeadSyncState, type LeadSyncListQuery } from '@legeai/contracts';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';

export class LeadSyncListQueryDto implements LeadSyncListQuery {
  @ApiPropertyOptional({ enum: LeadSyncState, enumName: 'LeadSyncState' })
  @IsOptional()
  @IsEnum(LeadSyncState)
  state?: LeadSyncState;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
