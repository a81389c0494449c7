import { ApiProperty } from '@nestjs/swagger';
import {
  LeadAnswerDto,
  LeadConsentDto,
  LeadDetailDto,
  LeadSource,
  LeadStatus,
  LeadSummaryDto,
  Page,
} from '@legeai/contracts';

const nullableString = (extra: Record<string, unknown> = {}) => ApiProperty({ type: String, nullable: true, ...extra });

export class LeadSummaryResponse implements LeadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @nullableString() fullName!: string | null;
  @nullableString() email!: string | null;
  @nullableString({ description: 'As entered' }) phone!: string | null;
  @nullableString({ example: '+15551234567' }) phoneE164!: string | null;
  @ApiProperty({ enum: LeadStatus, enumName: 'LeadStatus' }) status!: LeadStatus;
  @ApiProperty({ enum: LeadSource, enumName: 'LeadSource' }) source!: LeadSource;
  @nullableString({ description: "Meta's lead form id" }) formId!: string | null;
  @nullableString() formName!: string | null;
  @nullableString() campaignId!: string | null;
  @nullableString() campaignName!: string | null;
  @ApiProperty() isOrganic!: boolean;
  @ApiProperty() isTest!: boolean;
  @nullableString({ format: 'uuid', description: 'The earlier lead this one duplicates' }) duplicateOfId!: string | null;
  @nullableString({ example: 'email' }) duplicateRule!: string | null;
  @ApiProperty() needsReview!: boolean;
  @nullableString({ example: '1249.50' }) premiumValue!: string | null;
  @nullableString({ example: 'EUR' }) premiumCurrency!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class LeadSummaryPageResponse implements Page<LeadSummaryDto> {
  @ApiProperty({ type: [LeadSummaryResponse] }) items!: LeadSummaryResponse[];
  @ApiProperty({ description: 'Leads matching the filters, across all pages' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class LeadAnswerResponse implements LeadAnswerDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) values!: string[];
}

export class LeadConsentResponse implements LeadConsentDto {
  @ApiProperty() checkboxKey!: string;
  @ApiProperty() isChecked!: boolean;
}

export class LeadAttributionResponse {
  @nullableString() pageId!: string | null;
  @nullableString() formId!: string | null;
  @nullableString() adId!: string | null;
  @nullableString() adName!: string | null;
  @nullableString() adsetId!: string | null;
  @nullableString() adsetName!: string | null;
  @nullableString() campaignId!: string | null;
  @nullableString() campaignName!: string | null;
  @nullableString({ example: 'fb' }) platform!: string | null;
  @ApiProperty() isOrganic!: boolean;
  @ApiProperty() isTest!: boolean;
  @nullableString({ description: "Meta's leadgen id" }) metaLeadId!: string | null;
}

export class LeadDetailResponse extends LeadSummaryResponse implements LeadDetailDto {
  @nullableString() firstName!: string | null;
  @nullableString() lastName!: string | null;
  @nullableString() emailNormalized!: string | null;
  @nullableString() streetAddress!: string | null;
  @nullableString() city!: string | null;
  @nullableString() state!: string | null;
  @nullableString() zipCode!: string | null;
  @nullableString({ example: 'US' }) country!: string | null;
  @nullableString({ format: 'date' }) dateOfBirth!: string | null;
  @nullableString() productInterest!: string | null;
  @ApiProperty({ type: [LeadAnswerResponse] }) rawAnswers!: LeadAnswerResponse[];
  @ApiProperty({ type: [LeadConsentResponse] }) consentResponses!: LeadConsentResponse[];
  @ApiProperty({ type: LeadAttributionResponse }) attribution!: LeadAttributionResponse;
  @nullableString() reviewReason!: string | null;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

