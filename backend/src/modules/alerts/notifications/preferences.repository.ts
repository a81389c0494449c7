import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventPreferenceDto, NewLeadFrequency } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredPreference } from '../delivery/recipients';
import { NotificationDigest } from '../entities/notification-digest.entity';
import { NotificationPreference } from '../entities/notification-preference.entity';

/** Every statement on `notification_preferences` and `notification_digests`. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every stored choice of the organisation's users (few rows: six event types per user at most). */
  forOrganisation(organisationId: string, m: EntityManager = this.db.manager): Promise<StoredPreference[]> {
    return m.getRepository(NotificationPreference).find({ where: { organisationId } });
  }

  forUser(userId: string, organisationId: string): Promise<NotificationPreference[]> {
    return this.db.getRepository(NotificationPreference).find({ where: { userId, organisationId } });
  }

  async frequencyOf(userId: string, organisationId: string): Promise<NewLeadFrequency> {
    const row = await this.db.getRepository(NotificationDigest).findOne({ where: { userId, organisationId } });
    return row?.frequency ?? 'off';
  }

  /**
   * Stores the user's choices in one transaction. A changed digest frequency starts counting from now (the next
   * digest covers what arrives from here on); an unchanged one keeps its last digest time.
   */
  async save(userId: string, organisationId: string, events: EventPreferenceDto[], frequency: NewLeadFrequency): Promise<void> {
    await this.db.transaction(async (m) => {
      if (events.length) {
        await m.getRepository(NotificationPreference).upsert(
          events.map((e) => ({ userId, organisationId, eventType: e.eventType, inApp: e.inApp, email: e.email })),
          ['userId', 'organisationId', 'eventType'],
        );
      }
      if (frequency === 'off') {
        await m.getRepository(NotificationDigest).delete({ userId, organisationId });
        return;
      }
      await m.query(
        `INSERT INTO notification_digests (user_id, organisation_id, frequency, last_sent_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (user_id, organisation_id) DO UPDATE SET frequency = EXCLUDED.frequency,
           last_sent_at = CASE WHEN notification_digests.frequency = EXCLUDED.frequency THEN notification_digests.last_sent_at ELSE now() END`,
        [userId, organisationId, frequency],
      );
    });
  }

  /** Users of the organisation who want a notice of each new lead. */
  async immediateSubscribers(m: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT user_id FROM notification_digests WHERE organisation_id = $1 AND frequency = 'immediate'`,
      [organisationId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Hourly digests last sent 55 minutes ago or more, daily ones 23 h 55 min ago or more (ticks are not to the second). */
  async dueDigests(): Promise<{ userId: string; organisationId: string }[]> {
    return this.db.query(
      `SELECT user_id AS "userId", organisation_id AS "organisationId" FROM notification_digests
        WHERE (frequency = 'hourly' AND last_sent_at <= now() - interval '55 minutes')
           OR (frequency = 'daily' AND last_sent_at <= now() - interval '23 hours 55 minutes')`,
    );
  }

  /**
   * Locks a due digest for this transaction and moves its last digest time to now; answers the time it covered from,
   * or null when it is no longer due (another worker took it, or the user changed it).
   */
  async takeDigest(m: EntityManager, userId: string, organisationId: string): Promise<Date | null> {
    const [rows] = (await m.query(
      `UPDATE notification_digests d SET last_sent_at = now()
         FROM (SELECT user_id, organisation_id, last_sent_at FROM notification_digests
                WHERE user_id = $1 AND organisation_id = $2
                  AND ((frequency = 'hourly' AND last_sent_at <= now() - interval '55 minutes')
                    OR (frequency = 'daily' AND last_sent_at <= now() - interval '23 hours 55 minutes'))
                FOR UPDATE SKIP LOCKED) due
        WHERE d.user_id = due.user_id AND d.organisation_id = due.organisation_id
        RETURNING due.last_sent_at AS "since"`,
      [userId, organisationId],
    )) as [{ since: Date }[], number];
    return rows[0]?.since ?? null;
  }
}
