import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { UpdateLeadFormRequest } from '@legeai/contracts';

export class UpdateLeadFormDto implements UpdateLeadFormRequest {
  @ApiProperty({ description: "Whether the form's leads are pulled into LEGEAI automatically" })
  @IsBoolean()
  autoSync!: boolean;
}
