import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type MarkReadResult,
  type NotificationDto,
  type NotificationListQuery,
  type Page,
  type UnreadCountDto,
} from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import type { Notification } from '../entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';

/** A user's notification centre in the organisation of the request. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(principal: Principal, query: NotificationListQuery): Promise<Page<NotificationDto>> {
    const userId = userOf(principal);
    const page = pageOf(query);
    const [rows, total] = await this.notifications.page(userId, principal.organisationId, !!query.unreadOnly, page.limit, page.offset);
    return { items: rows.map(toNotificationDto), total, ...page };
  }

  async unreadCount(principal: Principal): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(userOf(principal), principal.organisationId) };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(userOf(principal), principal.organisationId, id);
    if (!row) throw new ApiError(404, ErrorCode.NotFound, 'Notification not found');
    return toNotificationDto(row);
  }

  async markAllRead(principal: Principal): Promise<MarkReadResult> {
    return { marked: await this.notifications.markAllRead(userOf(principal), principal.organisationId) };
  }
}

/** Notifications belong to people: an API key has none. */
export function userOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new ApiError(403, ErrorCode.Forbidden, 'Notifications belong to console users, not API keys');
  return principal.id;
}

function toNotificationDto(row: Notification): NotificationDto {
  return {
    id: row.id,
    eventType: row.eventType,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    alertId: row.alertId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
