import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SyncWatermarkStore } from '../../../infra/meta-sync';
import { MetaLeadForm } from '../entities/meta-lead-form.entity';

/** A lead form as its organisation names it (our id), the key of its lead watermark. */
export interface LeadFormKey {
  id: string;
  organisationId: string;
}

/**
 * Every statement on `meta_lead_forms` made for other modules (lead capture reads forms, their mapping, moves their
 * lead watermark and bumps their lead counts). The form's lead watermark is `last_synced_at`.
 */
@Injectable()
export class MetaLeadFormsRepository implements SyncWatermarkStore<LeadFormKey> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(organisationId: string, id: string): Promise<MetaLeadForm | null> {
    return this.db.getRepository(MetaLeadForm).findOne({ where: { id, organisationId } });
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
}
