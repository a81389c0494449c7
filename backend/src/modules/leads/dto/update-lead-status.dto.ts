import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LeadStatus, UpdateLeadStatusRequest } from '@legeai/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO4217CurrencyCode, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

export class UpdateLeadStatusDto implements UpdateLeadStatusRequest {
  @ApiProperty({ enum: LeadStatus, enumName: 'LeadStatus' })
  @IsEnum(LeadStatus)
  status!: LeadStatus;

  /** numeric(12,2) in the database: at most 10 digits before the point and 2 after, never negative. */
  @ApiPropertyOptional({ example: '1249.50', pattern: '^\\d{1,10}(\\.\\d{1,2})?$', description: 'Annual premium, a decimal string ≥ 0' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'premiumValue must be a decimal string ≥ 0 with at most 2 decimals, e.g. "1249.50"' })
  premiumValue?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217 code; required with premiumValue' })
  @ValidateIf((o: UpdateLeadStatusDto) => o.premiumValue !== undefined || o.premiumCurrency !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString({ message: 'premiumCurrency is required with premiumValue' })
  @IsISO4217CurrencyCode()
  premiumCurrency?: string;
}
