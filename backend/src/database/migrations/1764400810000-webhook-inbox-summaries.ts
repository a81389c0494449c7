import { MigrationInterface, QueryRunner } from 'typeorm';
import { readDeliveryBody } from '../../modules/meta-webhook/ingest/delivery-body';
import { extractLeadgenChanges } from '../../modules/meta-webhook/ingest/leadgen-changes';

/** Rows read per round: bodies are up to the body limit (1 MB) each, so the rounds stay small. */
const BATCH = 100;

/**
 * Fills in, for the inbox rows stored before ingest did it, what the reads need (the Pages a delivery names, its
 * change count) and the quarantine decision, with the same functions ingest uses: in JavaScript, where reading a body
 * cannot fail, instead of the `::jsonb` cast that made the Activity page fail on a bad body.
 *
 * A bad body that was never dispatched (`received`) becomes `quarantined`, as it would be today. One that was
 * dispatched keeps its status, which tells what happened to its leads, and only gets the reason. Its content type
 * was checked when it arrived, so that is not a reason here. Safe to run again: rows quarantined at ingest are left
 * as they are, the others get what is computed from their bytes.
 */
export class WebhookInboxSummaries1764400810000 implements MigrationInterface {
  name = 'WebhookInboxSummaries1764400810000';

  async up(q: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await q.query(
        `SELECT id, raw_body FROM meta_webhook_inbox WHERE id > $1 AND status <> 'quarantined' ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as {
        id: string;
        raw_body: Buffer;
      }[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      const facts = rows.map((row) => {
        const body = readDeliveryBody(row.raw_body, true);
        const extracted = extractLeadgenChanges(body.json);
        return {
          id: row.id,
          pageIds: JSON.stringify(extracted.pageIds),
          changeCount: extracted.changeCount,
          reason: body.readable ? null : body.reason,
        };
      });
      await q.query(
        `UPDATE meta_webhook_inbox i SET
           page_ids = ARRAY(SELECT jsonb_array_elements_text(v.page_ids::jsonb)),
           change_count = v.change_count,
           quarantine_reason = v.reason,
           status = CASE WHEN v.reason IS NOT NULL AND i.status = 'received' THEN 'quarantined'::webhook_inbox_status ELSE i.status END,
           processed_at = CASE WHEN v.reason IS NOT NULL AND i.status = 'received' THEN now() ELSE i.processed_at END
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[]) AS v(id, page_ids, change_count, reason)
         WHERE i.id = v.id`,
        [facts.map((f) => f.id), facts.map((f) => f.pageIds), facts.map((f) => f.changeCount), facts.map((f) => f.reason)],
      );
    }
  }

  async down(): Promise<void> {
    // The columns go with the previous migration's down.
  }
}
