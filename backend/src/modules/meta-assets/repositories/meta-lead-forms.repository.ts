import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeadFormMapping, LeadFormReconcileOutcome } from '@legeai/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { SyncWatermarkStore } from '../../../infra/meta-sync';
import { MetaLeadForm } from '../entities/meta-lead-form.entity';
import { toLegalContent } from '../lead-form-legal-content';
import type { GraphLeadForm } from '../meta-assets.api';

/** Status given to a form Meta no longer lists on a connected page; its row (and its leads) stay. */
export const REMOVED_FORM_STATUS = 'REMOVED';

/** A lead form as its organisation names it (our id), the key of its lead watermark. */
export interface LeadFormKey {
  id: string;
  organisationId: string;
}

/**
 * Every statement on `meta_lead_forms`: the discovery's mirror of Meta's forms, and what lead capture needs (a form,
 * its mapping, its lead watermark, its lead count). The form's lead watermark is `last_synced_at`.
 */
@Injectable()
export class MetaLeadFormsRepository implements SyncWatermarkStore<LeadFormKey> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(organisationId: string, id: string): Promise<MetaLeadForm | null> {
    return this.db.getRepository(MetaLeadForm).findOne({ where: { id, organisationId } });
  }

  /** By Meta's form id; `manager` when the caller reads inside its transaction. */
  findByMetaFormId(organisationId: string, formId: string, manager: EntityManager = this.db.manager): Promise<MetaLeadForm | null> {
    return manager.getRepository(MetaLeadForm).findOne({ where: { organisationId, formId } });
  }

  /**
   * Names of the organisation's forms by Meta's form id, for `formIds` (one statement, whatever their number). A form
   * unknown here, or whose name Meta did not give, is absent from the map.
   */
  async namesByMetaIds(organisationId: string, formIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(formIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .getRepository(MetaLeadForm)
      .find({ select: { formId: true, formName: true }, where: { organisationId, formId: In(ids) } });
    return new Map(rows.filter((form) => form.formName).map((form) => [form.formId, form.formName as string]));
  }

  /** The mapping lead capture decided for the form (null: Meta's standard defaults). */
  async setMapping(organisationId: string, id: string, mapping: LeadFormMapping | null): Promise<void> {
    await this.db.getRepository(MetaLeadForm).update({ id, organisationId }, { mapping });
  }

  /** Names (ids when unnamed) of up to five of the organisation's forms whose mapping sends an answer to `target`. */
  async namesMappingTo(organisationId: string, target: string, m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { name: string }[] = await m.query(
      `SELECT coalesce(f.form_name, f.form_id) AS name FROM meta_lead_forms f
        WHERE f.organisation_id = $1 AND jsonb_typeof(f.mapping->'fields') = 'object'
          AND EXISTS (SELECT 1 FROM jsonb_each_text(f.mapping->'fields') e WHERE e.value = $2)
        ORDER BY 1 LIMIT 5`,
      [organisationId, target],
    );
    return rows.map((r) => r.name);
  }

  /** The forms a scheduled sweep reads: auto-sync, still listed by Meta, on an active Page; oldest first. */
  async autoSyncFormIds(organisationId: string): Promise<string[]> {
    const forms: { id: string }[] = await this.db.query(
      `SELECT f.id FROM meta_lead_forms f JOIN meta_pages p ON p.id = f.page_id
        WHERE f.organisation_id = $1 AND f.auto_sync AND f.status IS DISTINCT FROM $2 AND p.is_active
        ORDER BY f.created_at`,
      [organisationId, REMOVED_FORM_STATUS],
    );
    return forms.map((form) => form.id);
  }

  /** Adds leads stored here to their forms' `leads_stored`, one statement for all forms. */
  async addLeadCounts(entries: { organisationId: string; formId: string; n: number }[]): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_forms f SET leads_stored = f.leads_stored + c.n
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS c(organisation_id, form_id, n)
        WHERE f.organisation_id = c.organisation_id AND f.form_id = c.form_id`,
      [entries.map((e) => e.organisationId), entries.map((e) => e.formId), entries.map((e) => e.n)],
    );
  }

  /** Forms Meta does not mark removed. */
  async liveFormIds(organisationId: string): Promise<Set<string>> {
    const rows: { form_id: string }[] = await this.db.query(
      `SELECT form_id FROM meta_lead_forms WHERE organisation_id = $1 AND status IS DISTINCT FROM $2`,
      [organisationId, REMOVED_FORM_STATUS],
    );
    return new Set(rows.map((row) => row.form_id));
  }

  /**
   * Forms of a Page (our Page row id) for which Meta counts more leads than are stored here: the only ones worth
   * listing to find leads the app cannot read (the setup check).
   */
  async behindMeta(organisationId: string, pageRowId: string): Promise<{ formId: string; formName: string | null; leadsCount: number }[]> {
    const rows: { form_id: string; form_name: string | null; leads_count: number }[] = await this.db.query(
      `SELECT form_id, form_name, leads_count FROM meta_lead_forms
        WHERE organisation_id = $1 AND page_id = $2 AND status IS DISTINCT FROM $3 AND leads_count > leads_stored
        ORDER BY form_id`,
      [organisationId, pageRowId, REMOVED_FORM_STATUS],
    );
    return rows.map((row) => ({ formId: row.form_id, formName: row.form_name, leadsCount: row.leads_count }));
  }

  /** Mirrors one form Meta listed on a Page (our Page row id), upserting by Meta's form id. */
  async upsertListed(organisationId: string, pageRowId: string, form: GraphLeadForm): Promise<void> {
    await this.db.query(
      // A form found archived starts with auto-sync off: it takes no new leads, and sweeping it costs Graph calls.
      `INSERT INTO meta_lead_forms (organisation_id, page_id, form_id, form_name, status, locale, questions, leads_count,
         meta_created_at, legal_content, auto_sync)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $5::varchar IS DISTINCT FROM 'ARCHIVED')
       ON CONFLICT (organisation_id, form_id) DO UPDATE SET page_id = EXCLUDED.page_id, form_name = EXCLUDED.form_name,
         status = EXCLUDED.status, locale = EXCLUDED.locale, questions = EXCLUDED.questions,
         leads_count = EXCLUDED.leads_count, meta_created_at = EXCLUDED.meta_created_at,
         legal_content = EXCLUDED.legal_content, updated_at = now()`,
      [
        organisationId,
        pageRowId,
        form.id,
        form.name ?? null,
        form.status ?? null,
        form.locale ?? null,
        JSON.stringify(form.questions ?? []),
        Math.max(0, form.leads_count ?? 0),
        form.created_time ? new Date(form.created_time.replace(/\+0000$/, 'Z')) : null,
        JSON.stringify(toLegalContent(form)),
      ],
    );
  }

  /**
   * Marks removed the forms Meta no longer lists: on the Pages that answered (`readPageRowIds`; a Page that failed to
   * answer proves nothing), those not in `seenFormIds`; and every form of an inactive Page.
   */
  async markUnlistedRemoved(organisationId: string, readPageRowIds: string[], seenFormIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_forms SET status = $3, updated_at = now()
        WHERE organisation_id = $1 AND page_id = ANY($2::uuid[]) AND status IS DISTINCT FROM $3
          AND NOT (form_id = ANY($4::text[]))`,
      [organisationId, readPageRowIds, REMOVED_FORM_STATUS, seenFormIds],
    );
    await this.db.query(
      `UPDATE meta_lead_forms f SET status = $2, updated_at = now() FROM meta_pages p
        WHERE f.page_id = p.id AND f.organisation_id = $1 AND NOT p.is_active AND f.status IS DISTINCT FROM $2`,
      [organisationId, REMOVED_FORM_STATUS],
    );
  }

  /** Live auto-sync forms whose last reconciliation sweep failed, with why (read by alerts). */
  async reconcileFailed(organisationId: string): Promise<{ formId: string; formName: string | null; note: string | null }[]> {
    return this.db.query(
      `SELECT form_id AS "formId", form_name AS "formName", last_reconcile_note AS "note" FROM meta_lead_forms
        WHERE organisation_id = $1 AND auto_sync AND last_reconcile_outcome = 'failed'
          AND (status IS NULL OR status <> '${REMOVED_FORM_STATUS}')
        ORDER BY form_name, form_id`,
      [organisationId],
    );
  }

  async readWatermark({ id, organisationId }: LeadFormKey): Promise<Date | null> {
    return (await this.findById(organisationId, id))?.lastSyncedAt ?? null;
  }

  /** Monotonic even when a scheduled sweep and an on-demand sync of the same form finish together. */
  async advanceWatermark({ id, organisationId }: LeadFormKey, newestSeen: Date): Promise<Date | null> {
    const [row]: { last_synced_at: Date | null }[] = await this.db.query(
      `UPDATE meta_lead_forms SET last_synced_at = GREATEST(COALESCE(last_synced_at, $3::timestamptz), $3::timestamptz), updated_at = now()
        WHERE id = $1 AND organisation_id = $2
        RETURNING last_synced_at`,
      [id, organisationId, newestSeen],
    );
    return row?.last_synced_at ? new Date(row.last_synced_at) : null;
  }

  /** Records how the form's latest reconciliation sweep went (the console shows it next to the form). */
  async recordReconcile(
    { id, organisationId }: LeadFormKey,
    outcome: LeadFormReconcileOutcome,
    note: string,
    at = new Date(),
  ): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_forms SET last_reconciled_at = $3, last_reconcile_outcome = $4, last_reconcile_note = $5
        WHERE id = $1 AND organisation_id = $2 AND (last_reconciled_at IS NULL OR last_reconciled_at <= $3)`,
      [id, organisationId, at, outcome, note.slice(0, 1000)],
    );
  }
}
