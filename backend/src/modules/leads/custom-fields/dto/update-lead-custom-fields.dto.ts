import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { LeadFieldValue, UpdateLeadCustomFieldsRequest } from '@legeai/contracts';

/** Shape only: which keys exist and what each value must be depends on the organisation's fields (the service checks). */
export class UpdateLeadCustomFieldsBody implements UpdateLeadCustomFieldsRequest {
  @ApiProperty({
    description:
      'Field key → value: text, a number (JSON number), a date (YYYY-MM-DD), an option key, or option keys for a ' +
      'multi-choice; null clears it. Fields left out keep their value.',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }], nullable: true },
    example: { vehicle_year: 2021, coverage_wanted: ['liability', 'collision'], current_carrier: null },
  })
  @IsObject()
  values!: Record<string, LeadFieldValue | null>;
}
