import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  LEAD_FIELD_NAMES,
  LEAD_FIELD_TYPES,
  LeadFieldType,
  LeadFieldTargetDto,
  LeadFieldName,
  LeadFieldValue,
  LeadFormMapping,
  LeadFormMappingDto,
  LeadFormQuestionDto,
  MappedLeadFieldsDto,
  MappingPreviewDto,
  MappingPreviewRequest,
} from '@legeai/contracts';

/** Swagger shapes and request validation for the contracts in libs/contracts/src/meta.ts (the interfaces rule). */
const TARGETS = [...LEAD_FIELD_NAMES, 'ignore', 'custom:<key>'];

/** Shape only; which keys and fields are allowed depends on the form and is checked by the service. */
export class LeadFormMappingBody implements LeadFormMapping {
  @ApiProperty({
    description:
      'Question key → lead field, custom:<key> of a custom lead field (not archived), or "ignore"; questions left out keep their standard default',
    type: 'object',
    additionalProperties: { type: 'string', enum: TARGETS },
    example: { coverage_needs: 'custom:coverage_wanted', current_insurer: 'custom:current_carrier', vehicle_year: 'ignore' },
  })
  @IsObject()
  fields!: Record<string, LeadFieldName | 'ignore'>;

  @ApiProperty({
    description: 'Value per lead field, used when no answer fills it',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { productInterest: 'auto' },
  })
  @IsObject()
  defaults!: Partial<Record<LeadFieldName, string>>;

  @ApiProperty({
    description: 'Lead fields a lead must have; leads without them are kept and flagged for review',
    enum: LEAD_FIELD_NAMES,
    isArray: true,
  })
  @IsArray()
  required!: LeadFieldName[];
}

export class MappingPreviewBody implements MappingPreviewRequest {
  @ApiPropertyOptional({ type: LeadFormMappingBody, description: 'The mapping to try; the stored one when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeadFormMappingBody)
  mapping?: LeadFormMappingBody;
}

class LeadFieldOptionResponse {
  @ApiProperty({ example: 'collision' }) key!: string;
  @ApiProperty({ example: 'Collision' }) label!: string;
}

class LeadFieldTargetResponse implements LeadFieldTargetDto {
  @ApiProperty({ example: 'coverage_wanted' }) key!: string;
  @ApiProperty({ example: 'Coverage wanted' }) label!: string;
  @ApiProperty({ enum: LEAD_FIELD_TYPES }) type!: LeadFieldType;
  @ApiProperty({ type: [LeadFieldOptionResponse] }) options!: LeadFieldOptionResponse[];
}

class LeadFormQuestionResponse implements LeadFormQuestionDto {
  @ApiProperty() key!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CUSTOM' }) type!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } } } })
  options!: { key: string; value: string }[];
}

export class LeadFormMappingResponse implements LeadFormMappingDto {
  @ApiProperty({ description: 'Our lead form id' }) id!: string;
  @ApiProperty({ description: "Meta's form id" }) formId!: string;
  @ApiProperty({ type: LeadFormMappingBody, description: 'The mapping in force, standard defaults filled in' }) mapping!: LeadFormMapping;
  @ApiProperty({ description: 'Whether the form has a mapping of its own' }) customised!: boolean;
  @ApiProperty({ type: [LeadFormQuestionResponse] }) questions!: LeadFormQuestionDto[];
  @ApiProperty({ type: [String], description: 'Questions neither the mapping nor the defaults cover' }) unmappedQuestions!: string[];
  @ApiProperty({ enum: LEAD_FIELD_NAMES, isArray: true }) fields!: LeadFieldName[];
  @ApiProperty({ type: [LeadFieldTargetResponse], description: 'Custom lead fields a question can map to, as custom:<key>' })
  customFields!: LeadFieldTargetDto[];
}

class LeadAnswerResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) values!: string[];
}

export class MappingPreviewResponse implements MappingPreviewDto {
  @ApiProperty({ enum: ['lead', 'example'] }) source!: 'lead' | 'example';
  @ApiProperty({ nullable: true, type: String }) leadId!: string | null;
  @ApiProperty({ nullable: true, type: String }) receivedAt!: string | null;
  @ApiProperty({ type: [LeadAnswerResponse] }) answers!: { name: string; values: string[] }[];
  @ApiProperty({
    type: 'object',
    description: 'Lead fields, plus emailNormalized and phoneE164',
    additionalProperties: { type: 'string', nullable: true },
  })
  fields!: MappedLeadFieldsDto;
  @ApiProperty({
    type: 'object',
    description: 'Custom field values by key: text, number, YYYY-MM-DD date, option key or option keys',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] },
  })
  customFields!: Record<string, LeadFieldValue>;
  @ApiProperty({ enum: LEAD_FIELD_NAMES, isArray: true }) missingRequired!: LeadFieldName[];
  @ApiProperty({ type: [String] }) unmappedQuestions!: string[];
  @ApiProperty() needsReview!: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewReason!: string | null;
}
