import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CreateLeadFieldRequest,
  LEAD_FIELD_KEY_PATTERN,
  LEAD_FIELD_MAX_OPTIONS,
  LEAD_FIELD_TYPES,
  LeadFieldDefinitionDto,
  LeadFieldOptionDto,
  LeadFieldType,
  UpdateLeadFieldRequest,
} from '@legeai/contracts';
import { Trim } from '../../../../common/validation/trim.transform';

export class LeadFieldOptionBody implements LeadFieldOptionDto {
  @ApiProperty({ example: '2024_2025', maxLength: 60, description: 'Stored on leads; lower case letters, digits, underscores' })
  @IsString()
  @MaxLength(60)
  key!: string;

  @ApiProperty({ example: '2024–2025', maxLength: 100 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;
}

const lowerKey = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateLeadFieldBody implements CreateLeadFieldRequest {
  @ApiProperty({
    example: 'vehicle_year',
    maxLength: 40,
    description: 'Lower case letters, digits and underscores, starting with a letter; never changes',
  })
  @lowerKey()
  @IsString()
  @Matches(LEAD_FIELD_KEY_PATTERN, {
    message: 'key must be lower case letters, digits and underscores, starting with a letter (at most 40)',
  })
  key!: string;

  @ApiProperty({ example: 'Vehicle year', maxLength: 100 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;

  @ApiProperty({ enum: LEAD_FIELD_TYPES })
  @IsIn(LEAD_FIELD_TYPES)
  type!: LeadFieldType;

  @ApiPropertyOptional({ type: [LeadFieldOptionBody], description: 'Required (two or more) for choice and multi_choice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEAD_FIELD_MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => LeadFieldOptionBody)
  options?: LeadFieldOptionBody[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: 'Order (ascending); after the others when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class UpdateLeadFieldBody implements UpdateLeadFieldRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({ enum: LEAD_FIELD_TYPES, description: 'Refused (409) once a lead has a value' })
  @IsOptional()
  @IsIn(LEAD_FIELD_TYPES)
  type?: LeadFieldType;

  @ApiPropertyOptional({ type: [LeadFieldOptionBody], description: 'The whole list; an option a lead holds cannot be removed (409)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEAD_FIELD_MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => LeadFieldOptionBody)
  options?: LeadFieldOptionBody[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;

  @ApiPropertyOptional({ description: 'Archived fields keep their values but are no longer filled, edited or mapped' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class LeadFieldDefinitionResponse implements LeadFieldDefinitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'vehicle_year' }) key!: string;
  @ApiProperty({ example: 'Vehicle year' }) label!: string;
  @ApiProperty({ enum: LEAD_FIELD_TYPES }) type!: LeadFieldType;
  @ApiProperty({ type: [LeadFieldOptionBody] }) options!: LeadFieldOptionBody[];
  @ApiProperty() position!: number;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ description: 'Whether any lead holds a value (then the type is fixed and deleting becomes archiving)' })
  inUse!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
