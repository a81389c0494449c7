import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DUPLICATE_MATCH_LEVELS,
  DuplicateMatchLevel,
  DuplicateSettingsDto,
  DuplicateState,
  LeadDuplicateLinkDto,
  LeadDuplicatesDto,
  NotDuplicateRequest,
  UpdateDuplicateSettingsRequest,
} from '@legeai/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class NotDuplicateDto implements NotDuplicateRequest {
  @ApiProperty({ format: 'uuid', description: 'The lead on the other side of the link: its original, or one of its duplicates' })
  @IsUUID()
  otherLeadId!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Spouses sharing a phone: two different policies' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

const level = (description: string) =>
  ApiProperty({ enum: DUPLICATE_MATCH_LEVELS, description: `${description}: duplicate, possible (an agent decides) or ignore` });

export class UpdateDuplicateSettingsDto implements UpdateDuplicateSettingsRequest {
  @level('Same email')
  @IsIn(DUPLICATE_MATCH_LEVELS)
  email!: DuplicateMatchLevel;

  @level('Same phone and same name')
  @IsIn(DUPLICATE_MATCH_LEVELS)
  phoneAndName!: DuplicateMatchLevel;

  @level('Same phone, different or missing name; never more than phoneAndName')
  @IsIn(DUPLICATE_MATCH_LEVELS)
  phoneOnly!: DuplicateMatchLevel;

  @ApiProperty({ minimum: 1, maximum: 365, example: 30, description: 'How many days back an earlier lead counts' })
  @IsInt()
  @Min(1)
  @Max(365)
  windowDays!: number;
}

export class DuplicateSettingsResponse extends UpdateDuplicateSettingsDto implements DuplicateSettingsDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the rule was changed; it applies to leads arriving after',
  })
  updatedAt!: string | null;
  @ApiProperty({ description: 'The organisation never changed the rule' }) isDefault!: boolean;
}

export class LeadDuplicateLinkResponse implements LeadDuplicateLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: ['duplicate', 'possible'] }) state!: DuplicateState;
  @ApiProperty({ type: String, nullable: true, example: 'phone', description: 'email, phone_name or phone' }) rule!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Same phone only' }) ruleLabel!: string | null;
}

export class LeadDuplicatesResponse implements LeadDuplicatesDto {
  @ApiProperty({ type: LeadDuplicateLinkResponse, nullable: true, description: 'The original this lead is linked to' })
  duplicateOf!: LeadDuplicateLinkResponse | null;
  @ApiProperty({ type: [LeadDuplicateLinkResponse], description: 'The leads linked to this one, oldest first (at most 100)' })
  duplicates!: LeadDuplicateLinkResponse[];
  @ApiProperty({ description: 'How many leads are linked to this one in all' }) duplicatesTotal!: number;
}
