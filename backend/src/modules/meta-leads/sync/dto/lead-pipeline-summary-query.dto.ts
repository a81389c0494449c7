import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

const ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);

@ValidatorConstraint({ name: 'ianaTimeZone' })
class IanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && ZONES.has(value);
  }
  defaultMessage(): string {
    return 'tz must be an IANA time zone such as Europe/Berlin or America/Chicago';
  }
}

export class LeadPipelineSummaryQueryDto {
  @ApiPropertyOptional({
    description: "The viewer's IANA time zone: where today and this week begin. Default UTC.",
    example: 'America/Chicago',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Validate(IanaTimeZone)
  tz?: string;
}
