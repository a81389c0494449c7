import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_EVENT_TYPES,
  NEW_LEAD_FREQUENCIES,
  type AlertEventType,
  type EventPreferenceDto,
  type NewLeadFrequency,
  type NotificationListQuery,
  type UpdateAlertSettingsRequest,
  type UpdateNotificationPreferencesRequest,
} from '@legeai/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';

const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unreadOnly?: boolean;
}

export class EventPreferenceBody implements EventPreferenceDto {
  @ApiProperty({ enum: ALERT_EVENT_TYPES })
  @IsIn(ALERT_EVENT_TYPES)
  eventType!: AlertEventType;

  @ApiProperty({ description: 'Shown in the console (the bell)' })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty({ description: 'Sent by email' })
  @IsBoolean()
  email!: boolean;
}

export class UpdateNotificationPreferencesBody implements UpdateNotificationPreferencesRequest {
  @ApiProperty({ type: [EventPreferenceBody], description: 'One entry per event type to set; those left out keep their value' })
  @IsArray()
  @ArrayMaxSize(ALERT_EVENT_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => EventPreferenceBody)
  events!: EventPreferenceBody[];

  @ApiProperty({ enum: NEW_LEAD_FREQUENCIES, description: 'New leads: off, one notice per arrival, or an hourly or daily digest' })
  @IsIn(NEW_LEAD_FREQUENCIES)
  newLeadFrequency!: NewLeadFrequency;
}

export class UpdateAlertSettingsBody implements UpdateAlertSettingsRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  failedLeadsThreshold?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  parkedLeadsThreshold?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 168, description: 'Hours failed leads are counted over' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(168)
  failedLeadsWindowHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  syncFailuresInARow?: number;
}
