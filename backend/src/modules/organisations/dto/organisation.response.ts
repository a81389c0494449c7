import { ApiProperty } from '@nestjs/swagger';
import { OrganisationDto } from '@legeai/contracts';

export class OrganisationResponse implements OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Insurance' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'USD',
    description: 'ISO 4217; premiums default to it when no ad account says otherwise',
  })
  defaultCurrency!: string | null;
}
