import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT_TYPE,
  type CreateWebhookEndpointRequest,
  type DisableWebhookEndpointRequest,
  type RotateWebhookSecretRequest,
  type UpdateWebhookEndpointRequest,
  type WebhookDeliveryEventType,
  type WebhookDeliveryListQuery,
  type WebhookDeliveryState,
  type WebhookEventType,
} from '@legeai/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { Trim } from '../../../../common/validation/trim.transform';

const DELIVERY_EVENT_TYPES: readonly WebhookDeliveryEventType[] = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE];

export class CreateWebhookEndpointBody implements CreateWebhookEndpointRequest {
  @ApiProperty({ maxLength: 2048, example: 'https://crm.example.com/hooks/legeai', description: 'https (http only where allowed)' })
  @Trim()
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['lead.created', 'lead.status_changed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}

export class UpdateWebhookEndpointBody implements UpdateWebhookEndpointRequest {
  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];
}

export class DisableWebhookEndpointBody implements DisableWebhookEndpointRequest {
  @ApiPropertyOptional({ maxLength: 300, example: 'CRM maintenance until Monday' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class RotateWebhookSecretBody implements RotateWebhookSecretRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 168, default: 24, description: 'Hours the old secret keeps signing' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(168)
  overlapHours?: number;
}

export class WebhookDeliveryListQueryDto extends PageQueryDto implements WebhookDeliveryListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  endpointId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The event's id (the LegeAI-Event-Id header)" })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_EVENT_TYPES })
  @IsOptional()
  @IsIn(DELIVERY_EVENT_TYPES)
  eventType?: WebhookDeliveryEventType;

  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATES)
  state?: WebhookDeliveryState;
}
