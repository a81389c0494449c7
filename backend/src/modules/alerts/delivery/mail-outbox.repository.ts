import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MailMessage } from '../entities/mail-message.entity';

export type NewMail = Pick<MailMessage, 'organisationId' | 'userId' | 'to' | 'from' | 'subject' | 'text'>;

/** A mail waiting for its job: its id and when it is due. */
export interface QueuedMail {
  id: string;
  nextAttemptAt: Date;
}

/** How long a send holds its mail: past it, a crashed send's mail is due again for the sweep. */
const SEND_LEASE = `interval '2 minutes'`;

/** Every statement on `mail_outbox`. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get rows() {
    return this.db.getRepository(MailMessage);
  }

  async insertMany(m: EntityManager, mails: NewMail[]): Promise<QueuedMail[]> {
    if (!mails.length) return [];
    const result = await m
      .getRepository(MailMessage)
      .createQueryBuilder()
      .insert()
      .values(mails)
      .returning(['id', 'nextAttemptAt'])
      .execute();
    return (result.raw as { id: string; next_attempt_at: Date }[]).map((row) => ({ id: row.id, nextAttemptAt: row.next_attempt_at }));
  }

  /**
   * Takes a pending mail that is due for this try: holds it for the lease (a concurrent job of the same mail finds it
   * not due) and answers it; null when it is not pending or not due.
   */
  async claim(id: string): Promise<MailMessage | null> {
    const [rows] = (await this.db.query(
      `UPDATE mail_outbox SET next_attempt_at = now() + ${SEND_LEASE}
        WHERE id = $1 AND state = 'pending' AND next_attempt_at <= now() + interval '1 second'
        RETURNING id, organisation_id AS "organisationId", to_address AS "to", from_address AS "from", subject,
                  text_body AS "text", attempts`,
      [id],
    )) as [MailMessage[], number];
    return rows[0] ?? null;
  }

  async markSent(id: string, messageId: string | null): Promise<void> {
    await this.rows.update({ id }, { state: 'sent', sentAt: () => 'now()', messageId, attempts: () => 'attempts + 1', lastError: null });
  }

  /** No SMTP server configured: the mail stays in the outbox for an admin to read. */
  async markKept(id: string): Promise<void> {
    await this.rows.update({ id }, { state: 'kept' });
  }

  /** A failed try: due again after `retryInMs`, or failed for good when `final`. */
  async markTryFailed(id: string, error: string, final: boolean, retryInMs: number): Promise<QueuedMail> {
    const [rows] = (await this.db.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, state = CASE WHEN $3 THEN 'failed' ELSE state END,
              next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
        WHERE id = $1 RETURNING id, next_attempt_at AS "nextAttemptAt"`,
      [id, error.slice(0, 1000), final, retryInMs],
    )) as [QueuedMail[], number];
    return rows[0];
  }

  /** Pending mails overdue by `graceMs` (their job was never queued, or was lost): the sweep queues them again. */
  overdue(graceMs: number, limit = 500): Promise<QueuedMail[]> {
    return this.db.query(
      `SELECT id, next_attempt_at AS "nextAttemptAt" FROM mail_outbox
        WHERE state = 'pending' AND next_attempt_at <= now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY next_attempt_at LIMIT $2`,
      [graceMs, limit],
    );
  }

  page(organisationId: string, limit: number, offset: number): Promise<[MailMessage[], number]> {
    return this.rows.findAndCount({ where: { organisationId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }

  find(organisationId: string, id: string): Promise<MailMessage | null> {
    return this.rows.findOne({ where: { organisationId, id } });
  }
}
