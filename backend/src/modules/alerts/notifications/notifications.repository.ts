import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Notification } from '../entities/notification.entity';

export type NewNotification = Pick<
  Notification,
  'organisationId' | 'userId' | 'alertId' | 'eventType' | 'kind' | 'title' | 'body' | 'link'
>;

/** Every statement on `notifications`: always scoped by (user, organisation). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get rows() {
    return this.db.getRepository(Notification);
  }

  async insertMany(m: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (notifications.length) await m.getRepository(Notification).insert(notifications);
  }

  page(userId: string, organisationId: string, unreadOnly: boolean, limit: number, offset: number): Promise<[Notification[], number]> {
    return this.rows.findAndCount({
      where: { userId, organisationId, ...(unreadOnly && { readAt: IsNull() }) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  unreadCount(userId: string, organisationId: string): Promise<number> {
    return this.rows.count({ where: { userId, organisationId, readAt: IsNull() } });
  }

  /** Marks one read (idempotent); null when it is not this user's in this organisation. */
  async markRead(userId: string, organisationId: string, id: string): Promise<Notification | null> {
    await this.rows.update({ id, userId, organisationId, readAt: IsNull() }, { readAt: () => 'now()' });
    return this.rows.findOne({ where: { id, userId, organisationId } });
  }

  async markAllRead(userId: string, organisationId: string): Promise<number> {
    const result = await this.rows.update({ userId, organisationId, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
