import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_EVENT_TYPES,
  ALERT_SETTINGS_LIMITS as L,
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
  @ApiPropertyOptional({ minimum: L.failedLeadsThreshold.min, maximum: L.failedLeadsThreshold.max })
  @IsOptional()
  @IsInt()
  @Min(L.failedLeadsThreshold.min)
  @Max(L.failedLeadsThreshold.max)
  failedLeadsThreshold?: number;

  @ApiPropertyOptional({ minimum: L.parkedLeadsThreshold.min, maximum: L.parkedLeadsThreshold.max })
  @IsOptional()
  @IsInt()
  @Min(L.parkedLeadsThreshold.min)
  @Max(L.parkedLeadsThreshold.max)
  parkedLeadsThreshold?: number;

  @ApiPropertyOptional({
    minimum: L.failedLeadsWindowHours.min,
    maximum: L.failedLeadsWindowHours.max,
    description: 'Hours failed leads are counted over',
  })
  @IsOptional()
  @IsInt()
  @Min(L.failedLeadsWindowHours.min)
  @Max(L.failedLeadsWindowHours.max)
  failedLeadsWindowHours?: number;

  @ApiPropertyOptional({ minimum: L.syncFailuresInARow.min, maximum: L.syncFailuresInARow.max })
  @IsOptional()
  @IsInt()
  @Min(L.syncFailuresInARow.min)
  @Max(L.syncFailuresInARow.max)
  syncFailuresInARow?: number;
}
