import { ApiProperty } from '@nestjs/swagger';
import {
  ALERT_EVENT_TYPES,
  NEW_LEAD_FREQUENCIES,
  type AlertDto,
  type AlertEventType,
  type AlertListDto,
  type AlertSettingsDto,
  type AlertState,
  type EventPreferenceDto,
  type MailMessageDto,
  type MailState,
  type MailSummaryDto,
  type MarkReadResult,
  type NewLeadFrequency,
  type NotificationDto,
  type NotificationKind,
  type NotificationPreferencesDto,
  type Page,
  type UnreadCountDto,
} from '@legeai/contracts';

export class NotificationResponse implements NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_EVENT_TYPES }) eventType!: AlertEventType;
  @ApiProperty({ enum: ['raised', 'resolved', 'new_lead', 'digest'] }) kind!: NotificationKind;
  @ApiProperty({ example: 'Meta needs a reconnect' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, example: '/integrations/meta' }) link!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) alertId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPageResponse implements Page<NotificationDto> {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class UnreadCountResponse implements UnreadCountDto {
  @ApiProperty({ example: 3 }) unread!: number;
}

export class MarkReadResponse implements MarkReadResult {
  @ApiProperty() marked!: number;
}

class EventPreferenceResponse implements EventPreferenceDto {
  @ApiProperty({ enum: ALERT_EVENT_TYPES }) eventType!: AlertEventType;
  @ApiProperty() inApp!: boolean;
  @ApiProperty() email!: boolean;
}

export class NotificationPreferencesResponse implements NotificationPreferencesDto {
  @ApiProperty({ type: [EventPreferenceResponse] }) events!: EventPreferenceDto[];
  @ApiProperty({ enum: NEW_LEAD_FREQUENCIES }) newLeadFrequency!: NewLeadFrequency;
}

export class AlertResponse implements AlertDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_EVENT_TYPES }) eventType!: AlertEventType;
  @ApiProperty({ example: 'reauth_required' }) conditionKey!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) state!: AlertState;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt!: string | null;
}

export class AlertListResponse implements AlertListDto {
  @ApiProperty({ type: [AlertResponse] }) open!: AlertDto[];
  @ApiProperty({ type: [AlertResponse], description: 'Resolved in the last 14 days' }) recent!: AlertDto[];
}

export class AlertSettingsResponse implements AlertSettingsDto {
  @ApiProperty({ example: 5 }) failedLeadsThreshold!: number;
  @ApiProperty({ example: 1 }) parkedLeadsThreshold!: number;
  @ApiProperty({ example: 24 }) failedLeadsWindowHours!: number;
  @ApiProperty({ example: 3 }) syncFailuresInARow!: number;
}

const MAIL_STATES: MailState[] = ['pending', 'sent', 'kept', 'failed'];

export class MailSummaryResponse implements MailSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: MAIL_STATES, description: 'kept: no SMTP server is configured, the mail stays here' }) state!: MailState;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
}

export class MailMessageResponse extends MailSummaryResponse implements MailMessageDto {
  @ApiProperty() from!: string;
  @ApiProperty({ description: 'The plain-text body' }) text!: string;
}

export class MailPageResponse implements Page<MailSummaryDto> {
  @ApiProperty({ type: [MailSummaryResponse] }) items!: MailSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
