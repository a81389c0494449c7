import { ApiPropertyOptional } from '@nestjs/swagger';
import { UpdateOrganisationRequest } from '@legeai/contracts';
import { Transform } from 'class-transformer';
import { IsISO4217CurrencyCode, ValidateIf } from 'class-validator';

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'USD', description: 'ISO 4217 code; null unsets it' })
  @ValidateIf((o: UpdateOrganisationDto) => o.defaultCurrency !== undefined && o.defaultCurrency !== null)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'defaultCurrency must be an ISO 4217 code such as USD' })
  defaultCurrency?: string | null;
}
