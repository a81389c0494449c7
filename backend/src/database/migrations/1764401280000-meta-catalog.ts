import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MetaCatalog: the organisation's insurance products (one row per `retailer_id`, the id Meta's catalog keys items by),
 * the catalog the organisation linked, and the history of syncs through `items_batch`
 * (https://developers.facebook.com/docs/marketing-api/catalog-batch/reference/). `content_hash` is the hash of what a
 * product sends to Meta; `sent_hash` the hash last sent, so an unchanged product sends nothing. A deleted product keeps
 * its row (`deleted_at`) until its DELETE reached the catalog.
 */
export class MetaCatalog1764401280000 implements MigrationInterface {
  name = 'MetaCatalog1764401280000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        retailer_id varchar(100) NOT NULL,
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        brand varchar(100) NOT NULL,
        line_of_business varchar(20) NOT NULL,
        price_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        landing_url text,
        image_url text,
        availability varchar(30) NOT NULL,
        custom_labels jsonb NOT NULL DEFAULT '[]',
        content_hash char(64) NOT NULL,
        sent_hash char(64),
        synced_hash char(64),
        sync_state varchar(10) NOT NULL DEFAULT 'pending',
        sync_errors jsonb NOT NULL DEFAULT '[]',
        sync_warnings jsonb NOT NULL DEFAULT '[]',
        synced_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_catalog_products_org_retailer UNIQUE (organisation_id, retailer_id)
      )`);
    await q.query(`CREATE INDEX ix_catalog_products_org_state ON catalog_products (organisation_id, sync_state)`);
    await q.query(`
      CREATE TABLE catalog_links (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        catalog_id varchar(100) NOT NULL,
        catalog_name text NOT NULL,
        business_id varchar(100),
        linked_by uuid,
        linked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE catalog_syncs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        catalog_id varchar(100) NOT NULL,
        trigger varchar(20) NOT NULL,
        state varchar(30) NOT NULL,
        creates integer NOT NULL DEFAULT 0,
        updates integer NOT NULL DEFAULT 0,
        deletes integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        item_errors integer NOT NULL DEFAULT 0,
        item_warnings integer NOT NULL DEFAULT 0,
        write_requests integer NOT NULL DEFAULT 0,
        status_polls integer NOT NULL DEFAULT 0,
        batches_total integer NOT NULL DEFAULT 0,
        batches_done integer NOT NULL DEFAULT 0,
        pending_deletes jsonb,
        confirmed_deletes jsonb,
        confirmed_by uuid,
        error text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_catalog_syncs_org_queued ON catalog_syncs (organisation_id, queued_at DESC)`);
    // One sync at a time per organisation: two "Sync now" at once, or one with the schedule, open one row.
    await q.query(`
      CREATE UNIQUE INDEX uq_catalog_syncs_one_active ON catalog_syncs (organisation_id)
       WHERE state IN ('queued', 'running', 'awaiting_confirmation')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_syncs`);
    await q.query(`DROP TABLE catalog_links`);
    await q.query(`DROP TABLE catalog_products`);
  }
}
