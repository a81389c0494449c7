import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { SendTestLeadResult, SyncLeadsRequest, SyncLeadsResult } from '@legeai/contracts';

export class SyncLeadsDto implements SyncLeadsRequest {
  @ApiProperty({ description: "Our lead form id (uuid) or Meta's form id", example: '555555555555' })
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,30})$/i, {
    message: "formId must be a lead form id (uuid) or Meta's numeric form id",
  })
  formId!: string;

  @ApiPropertyOptional({
    description: 'Read leads created at or after this instant (ISO-8601); default: the form’s watermark minus the overlap',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Read leads created before this instant (ISO-8601); default: now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to?: string;
}

export class SyncLeadsResponse implements SyncLeadsResult {
  @ApiProperty() formId!: string;
  @ApiProperty() metaFormId!: string;
  @ApiProperty({ description: 'Start of the window read (inclusive)' }) from!: string;
  @ApiProperty({ nullable: true, type: String, description: 'End of the window read (exclusive); null: up to now' }) to!: string | null;
  @ApiProperty({ description: 'Leads Meta returned for the window' }) fetched!: number;
  @ApiProperty({ description: 'Leads stored by this sync' }) created!: number;
  @ApiProperty({ description: 'Leads that were already stored' }) existing!: number;
  @ApiProperty({ description: 'Created leads linked to an earlier lead of the same person' }) duplicates!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Newest created_time read for the form so far' }) watermark!: string | null;
  @ApiProperty() watermarkAdvanced!: boolean;
}

export class SendTestLeadResponse implements SendTestLeadResult {
  @ApiProperty({ description: "Meta's id of the test lead; it arrives through the webhook pipeline" }) leadgenId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The earlier test lead deleted to make room' }) replacedLeadgenId!:
    string | null;
}
