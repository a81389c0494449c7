import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LeadStatus, UpdateLeadStatusRequest } from '@legeai/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO4217CurrencyCode, IsOptional, IsString, Matches } from 'class-validator';

export class UpdateLeadStatusDto implements UpdateLeadStatusRequest {
  @ApiProperty({ enum: LeadStatus, enumName: 'LeadStatus' })
  @IsEnum(LeadStatus)
  status!: LeadStatus;

  /** numeric(12,2) in the database: at most 10 digits before the point and 2 after, never negative. */
  @ApiPropertyOptional({
    example: '1249.50',
    pattern: '^\\d{1,10}(\\.\\d{1,2})?$',
    description: 'Annual premium, a decimal string ≥ 0 (no group separators). Moving to won needs it, or premiumUnknown.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'premiumValue must be a decimal string ≥ 0 with at most 2 decimals, e.g. "1249.50"' })
  premiumValue?: string;

  @ApiPropertyOptional({
    example: 'USD',
    description:
      "ISO 4217 code. Left out, the lead's currency is used: its Page's ad account currency, else the " +
      "organisation's default; with neither, a premiumValue needs it (400).",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO4217CurrencyCode()
  premiumCurrency?: string;

  @ApiPropertyOptional({ description: 'Won with the premium not known yet: the explicit alternative to premiumValue' })
  @IsOptional()
  @IsBoolean()
  premiumUnknown?: boolean;
}
