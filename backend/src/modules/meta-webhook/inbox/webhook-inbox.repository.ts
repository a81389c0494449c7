import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Every statement on `meta_webhook_inbox`: the one place that knows the inbox's columns and indexes. */
@Injectable()
export class WebhookInboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * When Meta last delivered a webhook to this app. Webhooks are app-wide and carry only Page ids, and the inbox does
   * not record organisations, so this is the app's last delivery. Asked on every status request: one backward probe
   * of `ix_meta_webhook_inbox_status_received` per status instead of a scan of the whole inbox.
   */
  async lastReceivedAt(): Promise<Date | null> {
    const [row] = await this.db.query(
      `SELECT max(m.last) AS at
         FROM unnest(enum_range(NULL::webhook_inbox_status)) AS s(status),
              LATERAL (SELECT max(i.received_at) AS last FROM meta_webhook_inbox i WHERE i.status = s.status) m`,
    );
    return row?.at ? new Date(row.at) : null;
  }
}
