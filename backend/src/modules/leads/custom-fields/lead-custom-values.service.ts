import { Injectable } from '@nestjs/common';
import { FieldError, LeadCustomFieldViewDto, LeadFieldValue } from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { ValidationFailedError } from '../../../common/errors/api-error';
import { AuditService } from '../../audit';
import { Lead } from '../entities/lead.entity';
import { LeadLifecycleHooks } from '../lead-lifecycle-hooks';
import { checkValue, displayValue, FieldCondition, filterCondition } from './custom-field-values';
import { LeadFieldsService } from './lead-fields.service';

/** A lead's custom field values: the drawer's view of them, their edits, and the list's filters on them. */
@Injectable()
export class LeadCustomValues {
  constructor(
    private readonly fields: LeadFieldsService,
    private readonly audit: AuditService,
    private readonly hooks: LeadLifecycleHooks,
  ) {}

  /** The organisation's fields in order with the lead's values; an archived field only when the lead has a value. */
  async view(m: EntityManager, organisationId: string, lead: Pick<Lead, 'customFields'>): Promise<LeadCustomFieldViewDto[]> {
    const values = lead.customFields ?? {};
    const fields = await this.fields.definitions(organisationId, m);
    return fields
      .filter((f) => f.archivedAt === null || values[f.key] !== undefined)
      .map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        options: f.options.map((o) => ({ key: o.key, label: o.label })),
        value: values[f.key] ?? null,
        display: displayValue(f, values[f.key]),
        archived: f.archivedAt !== null,
      }));
  }

  /**
   * Sets (or with null clears) the named fields of a lead the caller already locked in `m`'s transaction; archived
   * and unknown fields are refused. Audited as `lead.custom_fields_changed` with the changed values before and after,
   * and told to the lifecycle listeners as `updated`; nothing changed, nothing recorded. Answers whether anything
   * changed.
   */
  async update(m: EntityManager, principal: Principal, lead: Lead, changes: Record<string, unknown>): Promise<boolean> {
    const fields = new Map((await this.fields.definitions(principal.organisationId, m, true)).map((f) => [f.key, f]));
    const errors: FieldError[] = [];
    const next: Record<string, LeadFieldValue> = { ...(lead.customFields ?? {}) };
    for (const [key, raw] of Object.entries(changes)) {
      const field = fields.get(key);
      if (!field) {
        errors.push({ field: `values.${key}`, messages: [`"${key}" is not a lead field of this organisation (or it is archived)`] });
        continue;
      }
      if (raw === null) {
        delete next[key];
        continue;
      }
      const checked = checkValue(field, raw);
      if (!checked.ok) errors.push({ field: `values.${key}`, messages: [`${field.label} ${checked.problem}`] });
      else if (checked.value !== null) next[key] = checked.value;
    }
    if (errors.length) throw new ValidationFailedError(errors);

    const before: Record<string, LeadFieldValue | null> = {};
    const after: Record<string, LeadFieldValue | null> = {};
    for (const key of Object.keys(changes)) {
      const was = lead.customFields?.[key] ?? null;
      const now = next[key] ?? null;
      if (JSON.stringify(was) === JSON.stringify(now)) continue;
      before[key] = was;
      after[key] = now;
    }
    if (Object.keys(after).length === 0) return false;
    await m.getRepository(Lead).update({ id: lead.id, organisationId: principal.organisationId }, { customFields: next });
    await this.audit.recordBy(principal, 'lead.custom_fields_changed', { type: 'lead', id: lead.id }, { before, after }, m);
    await this.hooks.changed(m, [
      {
        organisationId: principal.organisationId,
        leadId: lead.id,
        from: lead.status,
        to: lead.status,
        at: new Date(),
        kind: 'updated',
        fields: Object.keys(after).map((key) => `customFields.${key}`),
      },
    ]);
    return true;
  }

  /** `field.<key>=value` filters read against the definitions (archived fields still filter); a bad one is a 400. */
  async conditions(organisationId: string, filters: Record<string, string> | undefined): Promise<FieldCondition[]> {
    const entries = Object.entries(filters ?? {});
    if (!entries.length) return [];
    const fields = new Map((await this.fields.definitions(organisationId)).map((f) => [f.key, f]));
    const errors: FieldError[] = [];
    const conditions: FieldCondition[] = [];
    for (const [key, text] of entries) {
      const field = fields.get(key);
      const read = field
        ? filterCondition(field, text)
        : { ok: false as const, problem: `"${key}" is not a lead field of this organisation` };
      if (read.ok) conditions.push(read.condition);
      else errors.push({ field: `field.${key}`, messages: [read.problem] });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return conditions;
  }
}
