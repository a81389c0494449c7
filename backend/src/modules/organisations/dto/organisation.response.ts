import { ApiProperty } from '@nestjs/swagger';
import { OrganisationDto } from '@legeai/contracts';

export class OrganisationResponse implements OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Insurance' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
