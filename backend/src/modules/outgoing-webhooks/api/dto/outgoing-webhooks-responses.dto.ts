import { ApiProperty } from '@nestjs/swagger';
import {
  LEAD_STATUSES,
  LeadSource,
  LeadStatus,
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT_TYPE,
  type CreatedWebhookEndpointDto,
  type Page,
  type RotatedWebhookSecretDto,
  type WebhookAttemptDto,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryEventType,
  type WebhookDeliveryState,
  type WebhookEndpointDto,
  type WebhookEventType,
  type WebhookLeadSnapshot,
} from '@legeai/contracts';

const DELIVERY_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE];

export class WebhookEndpointResponse implements WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://crm.example.com/hooks/legeai' }) url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: WebhookEventType[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'All 10 attempts of event … failed (last: HTTP 500)' }) disabledReason!:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) disabledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Until when the previous secret also signs' })
  previousSecretExpiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) secretRotatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failingSince!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedWebhookEndpointResponse extends WebhookEndpointResponse implements CreatedWebhookEndpointDto {
  @ApiProperty({ example: 'whsec_…', description: 'Shown once: store it now (rotate to get a new one)' }) secret!: string;
}

export class RotatedWebhookSecretResponse implements RotatedWebhookSecretDto {
  @ApiProperty({ example: 'whsec_…', description: 'Shown once' }) secret!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) previousSecretExpiresAt!: string | null;
}

export class WebhookDeliveryResponse implements WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty() endpointUrl!: string;
  @ApiProperty({ format: 'uuid', description: 'Stable across retries and replays' }) eventId!: string;
  @ApiProperty({ enum: DELIVERY_EVENT_TYPES }) eventType!: WebhookDeliveryEventType;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATES }) state!: WebhookDeliveryState;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt!: string | null;
  @ApiProperty() test!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class WebhookAttemptRequestResponse {
  @ApiProperty() url!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers!: Record<string, string>;
  @ApiProperty({ description: 'The raw body, byte for byte what was signed' }) body!: string;
}

class WebhookAttemptAnswerResponse {
  @ApiProperty() status!: number;
  @ApiProperty({ description: 'The first 2 KB of the answer' }) bodyExcerpt!: string;
}

export class WebhookAttemptResponse implements WebhookAttemptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: WebhookAttemptRequestResponse }) request!: WebhookAttemptDto['request'];
  @ApiProperty({ type: WebhookAttemptAnswerResponse, nullable: true }) response!: WebhookAttemptDto['response'];
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() success!: boolean;
}

export class WebhookDeliveryDetailResponse extends WebhookDeliveryResponse implements WebhookDeliveryDetailDto {
  @ApiProperty({ type: [WebhookAttemptResponse] }) attemptLog!: WebhookAttemptDto[];
}

export class WebhookDeliveryPageResponse implements Page<WebhookDeliveryDto> {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items!: WebhookDeliveryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

// The bodies POSTed to endpoints, as schemas (components of the OpenAPI document).

export class WebhookLeadSnapshotSchema implements WebhookLeadSnapshot {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ enum: LeadSource }) source!: LeadSource;
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+15551234567' }) phoneE164!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) state!: string | null;
  @ApiProperty({ type: String, nullable: true }) zipCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
  @ApiProperty({ type: String, nullable: true }) productInterest!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) customFields!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, example: '1200.00' }) premiumValue!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' }) premiumCurrency!: string | null;
  @ApiProperty({ type: String, nullable: true }) metaLeadId!: string | null;
  @ApiProperty({ type: String, nullable: true }) pageId!: string | null;
  @ApiProperty({ type: String, nullable: true }) formId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaignName!: string | null;
  @ApiProperty({ type: String, nullable: true }) adId!: string | null;
  @ApiProperty() isOrganic!: boolean;
  @ApiProperty() isTest!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) duplicateOfId!: string | null;
  @ApiProperty() possibleDuplicate!: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

abstract class WebhookEventSchema {
  @ApiProperty({ format: 'uuid', description: 'Stable across retries and replays: deduplicate on it' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'When the change happened' }) createdAt!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
}

class LeadCreatedDataSchema {
  @ApiProperty({ type: WebhookLeadSnapshotSchema }) lead!: WebhookLeadSnapshotSchema;
}
class LeadUpdatedDataSchema extends LeadCreatedDataSchema {
  @ApiProperty({ type: [String], example: ['premium', 'customFields.policy_number'] }) changedFields!: string[];
}
class LeadStatusChangedDataSchema extends LeadCreatedDataSchema {
  @ApiProperty({ enum: LEAD_STATUSES, nullable: true }) previousStatus!: LeadStatus | null;
  @ApiProperty({ enum: ['status', 'reopen'] }) change!: 'status' | 'reopen';
}
class LeadDuplicateDetectedDataSchema extends LeadCreatedDataSchema {
  @ApiProperty({ format: 'uuid' }) duplicateOfId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'email' }) rule!: string | null;
  @ApiProperty() possible!: boolean;
}
class WebhookTestDataSchema {
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty() message!: string;
}

export class LeadCreatedEventSchema extends WebhookEventSchema {
  @ApiProperty({ enum: ['lead.created'] }) type!: 'lead.created';
  @ApiProperty({ type: LeadCreatedDataSchema }) data!: LeadCreatedDataSchema;
}
export class LeadUpdatedEventSchema extends WebhookEventSchema {
  @ApiProperty({ enum: ['lead.updated'] }) type!: 'lead.updated';
  @ApiProperty({ type: LeadUpdatedDataSchema }) data!: LeadUpdatedDataSchema;
}
export class LeadStatusChangedEventSchema extends WebhookEventSchema {
  @ApiProperty({ enum: ['lead.status_changed'] }) type!: 'lead.status_changed';
  @ApiProperty({ type: LeadStatusChangedDataSchema }) data!: LeadStatusChangedDataSchema;
}
export class LeadDuplicateDetectedEventSchema extends WebhookEventSchema {
  @ApiProperty({ enum: ['lead.duplicate_detected'] }) type!: 'lead.duplicate_detected';
  @ApiProperty({ type: LeadDuplicateDetectedDataSchema }) data!: LeadDuplicateDetectedDataSchema;
}
export class WebhookTestEventSchema extends WebhookEventSchema {
  @ApiProperty({ enum: [WEBHOOK_TEST_EVENT_TYPE] }) type!: typeof WEBHOOK_TEST_EVENT_TYPE;
  @ApiProperty({ type: WebhookTestDataSchema }) data!: WebhookTestDataSchema;
}

/** Registered with the controller (ApiExtraModels) so the OpenAPI document carries the delivery bodies. */
export const WEBHOOK_EVENT_SCHEMAS = [
  LeadCreatedEventSchema,
  LeadUpdatedEventSchema,
  LeadStatusChangedEventSchema,
  LeadDuplicateDetectedEventSchema,
  WebhookTestEventSchema,
];
