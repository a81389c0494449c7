import { ApiProperty } from '@nestjs/swagger';
import { LeadFieldOptionBody } from '../custom-fields/dto/lead-field.dto';
import {
  DuplicateState,
  LeadAnswerDto,
  LeadAnswerViewDto,
  LeadConsentCheckboxDto,
  LeadConsentDto,
  LeadConsentViewDto,
  LeadCurrencyDto,
  LeadCustomFieldViewDto,
  LEAD_FIELD_TYPES,
  LeadFieldType,
  LeadFieldValue,
  LeadStatusActorDto,
  LeadStatusChangeDto,
  LeadDetailDto,
  LeadSource,
  LeadStatus,
  LeadSummaryDto,
  LeadPage,
} from '@legeai/contracts';

import { LeadDuplicatesResponse } from './lead-duplicates.dto';

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
  @nullableString({ example: 'email', description: 'The signal that linked it: email, phone_name or phone' }) duplicateRule!: string | null;
  @ApiProperty({
    type: String,
    enum: ['duplicate', 'possible'],
    nullable: true,
    description: 'duplicate, or possible (an agent confirms or dismisses it); null when not linked',
  })
  duplicateState!: DuplicateState | null;
  @ApiProperty() needsReview!: boolean;
  @nullableString({ example: '1249.50' }) premiumValue!: string | null;
  @nullableString({ example: 'EUR' }) premiumCurrency!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class LeadSummaryPageResponse implements LeadPage {
  @ApiProperty({ type: [LeadSummaryResponse] }) items!: LeadSummaryResponse[];
  @ApiProperty({
    description: "Leads matching the filters, across all pages: exact up to 1,000, PostgreSQL's estimate beyond (see totalExact)",
  })
  total!: number;
  @ApiProperty({
    description:
      "false when total is an estimate: more than 1,000 matching leads, or a text search (q) over more than 5,000 leads, whose share of the newest 5,000 scales the list's total. Estimates are reused for up to 30 s per filter",
  })
  totalExact!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty({ description: '0 when the page was read by cursor' }) offset!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor to read the next page; null on the last page' })
  nextCursor!: string | null;
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

export class LeadAnswerViewResponse implements LeadAnswerViewDto {
  @ApiProperty({ example: 'vehicle_year' }) key!: string;
  @nullableString({ example: 'What year is your vehicle?', description: "The form's own label, in its language" }) label!: string | null;
  @nullableString({ example: 'CUSTOM' }) type!: string | null;
  @ApiProperty({ type: [String] }) values!: string[];
}

export class LeadConsentCheckboxResponse implements LeadConsentCheckboxDto {
  @ApiProperty() key!: string;
  @nullableString({ description: 'The text next to the checkbox on the form' }) text!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) isRequired!: boolean | null;
  @ApiProperty() isChecked!: boolean;
}

export class LeadConsentViewResponse implements LeadConsentViewDto {
  @ApiProperty({ format: 'date-time', description: 'When the form was sent' }) agreedAt!: string;
  @nullableString() disclaimerTitle!: string | null;
  @nullableString() disclaimerBody!: string | null;
  @ApiProperty({ type: [LeadConsentCheckboxResponse] }) checkboxes!: LeadConsentCheckboxResponse[];
  @nullableString({ format: 'uri' }) privacyPolicyUrl!: string | null;
  @nullableString() privacyPolicyLinkText!: string | null;
}

export class LeadStatusActorResponse implements LeadStatusActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) type!: 'user' | 'api_key' | 'system';
  @nullableString({ format: 'uuid' }) id!: string | null;
  @nullableString({ description: "The user's name" }) name!: string | null;
}

export class LeadStatusChangeResponse implements LeadStatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['status', 'premium', 'reopen'] }) kind!: 'status' | 'premium' | 'reopen';
  @ApiProperty({ enum: LeadStatus, enumName: 'LeadStatus', nullable: true }) from!: LeadStatus | null;
  @ApiProperty({ enum: LeadStatus, enumName: 'LeadStatus' }) to!: LeadStatus;
  @nullableString({ example: '1249.50' }) premiumValue!: string | null;
  @nullableString({ example: 'USD' }) premiumCurrency!: string | null;
  @ApiProperty() premiumUnknown!: boolean;
  @nullableString({ description: 'Why a closed lead was reopened' }) reason!: string | null;
  @ApiProperty({ type: LeadStatusActorResponse }) actor!: LeadStatusActorResponse;
}

export class LeadCurrencyResponse implements LeadCurrencyDto {
  @ApiProperty({ example: 'USD' }) code!: string;
  @ApiProperty({ enum: ['lead', 'ad_account', 'organisation'] }) source!: 'lead' | 'ad_account' | 'organisation';
}

export class LeadCustomFieldViewResponse implements LeadCustomFieldViewDto {
  @ApiProperty({ example: 'vehicle_year' }) key!: string;
  @ApiProperty({ example: 'Vehicle year' }) label!: string;
  @ApiProperty({ enum: LEAD_FIELD_TYPES }) type!: LeadFieldType;
  @ApiProperty({ type: [LeadFieldOptionBody], description: 'The choices of a choice or multi-choice field' })
  options!: LeadFieldOptionBody[];
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
    description: 'Text, number, YYYY-MM-DD date, option key or option keys',
  })
  value!: LeadFieldValue | null;
  @nullableString({ example: '2021', description: 'For people: option labels, the number or date as stored' }) display!: string | null;
  @ApiProperty() archived!: boolean;
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
  @nullableString({ example: 'ES_LA', description: "The form's language" }) formLocale!: string | null;
  @ApiProperty({ type: [LeadAnswerViewResponse], description: "Answers in the form's order under its own question labels" })
  answers!: LeadAnswerViewResponse[];
  @ApiProperty({ type: LeadConsentViewResponse, nullable: true }) consent!: LeadConsentViewResponse | null;
  @nullableString({ description: "The Facebook Page's name" }) pageName!: string | null;
  @ApiProperty({ description: 'Won with the premium explicitly not known yet' }) premiumUnknown!: boolean;
  @ApiProperty({ type: LeadCurrencyResponse, nullable: true, description: 'The currency a premium is recorded in by default' })
  currency!: LeadCurrencyResponse | null;
  @ApiProperty({ type: [LeadStatusChangeResponse], description: 'Every status change, oldest first' })
  statusHistory!: LeadStatusChangeResponse[];
  @ApiProperty({ type: [LeadCustomFieldViewResponse], description: "The organisation's custom fields with this lead's values" })
  customFields!: LeadCustomFieldViewResponse[];
  @ApiProperty({ description: 'Contact details are masked: the caller lacks the contact details permission' })
  contactMasked!: boolean;
  @ApiProperty({ type: LeadDuplicatesResponse, description: 'Its original and the leads linked to it as duplicates' })
  duplicateLinks!: LeadDuplicatesResponse;
}
