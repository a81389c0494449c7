import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LeadStatus, OPEN_LEAD_STATUSES, ReopenLeadRequest } from '@legeai/contracts';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class ReopenLeadDto implements ReopenLeadRequest {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Customer called back: the policy was cancelled in the cooling-off period' })
  @Trim()
  @IsString()
  @MinLength(3, { message: 'reason must say why the lead is reopened (at least 3 characters)' })
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    enum: OPEN_LEAD_STATUSES,
    description: 'The open status to go back to; by default the one the lead had before it was won or lost (new if unknown)',
  })
  @IsOptional()
  @IsIn(OPEN_LEAD_STATUSES as LeadStatus[], { message: `status must be one of ${OPEN_LEAD_STATUSES.join(', ')}` })
  status?: LeadStatus;
}
