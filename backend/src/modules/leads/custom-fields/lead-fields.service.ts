import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateLeadFieldRequest,
  ErrorCode,
  LEAD_FIELDS_PER_ORGANISATION,
  LeadFieldDefinitionDto,
  LeadFieldOptionDto,
  UpdateLeadFieldRequest,
} from '@legeai/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Principal } from '../../../common/auth/principal';
import { ApiError, ValidationFailedError } from '../../../common/errors/api-error';
import { AuditService } from '../../audit';
import { MetaLeadFormsRepository } from '../../meta-assets';
import { cleanOptions, isChoiceType, optionProblems } from './definition-rules';
import { LeadFieldDefinition } from './lead-field-definition.entity';

/** What the audit log keeps of a definition, before and after a change. */
// The audit log drops values under a bare `key` (API keys' own name for their secret), so the field's and its
// options' keys are recorded under names of their own.
const snapshot = (d: LeadFieldDefinition) => ({
  fieldKey: d.key,
  label: d.label,
  type: d.type,
  options: d.options.map((o) => ({ optionKey: o.key, label: o.label })),
  position: d.position,
  archived: d.archivedAt !== null,
});

/**
 * The organisation's custom lead fields: everyone reads them, admins define them. A field's key never changes; once a
 * lead holds a value its type is fixed and its used options stay, and it is archived rather than deleted, so no stored
 * value ever loses its meaning.
 */
@Injectable()
export class LeadFieldsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly leadForms: MetaLeadFormsRepository,
  ) {}

  /** Every field of the organisation (archived ones too), in order. */
  async list(organisationId: string): Promise<LeadFieldDefinitionDto[]> {
    const fields = await this.definitions(organisationId);
    const used = await this.keysInUse(
      this.db.manager,
      organisationId,
      fields.map((f) => f.key),
    );
    return fields.map((f) => toDto(f, used.has(f.key)));
  }

  /** The definitions as stored, in order; `activeOnly` leaves archived ones out. */
  definitions(organisationId: string, m: EntityManager = this.db.manager, activeOnly = false): Promise<LeadFieldDefinition[]> {
    return m.getRepository(LeadFieldDefinition).find({
      where: { organisationId, ...(activeOnly && { archivedAt: IsNull() }) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  async create(principal: Principal, body: CreateLeadFieldRequest): Promise<LeadFieldDefinitionDto> {
    const problems = optionProblems(body.type, body.options);
    if (problems.length) throw new ValidationFailedError(problems);
    return this.db.transaction(async (m) => {
      const org = principal.organisationId;
      // One creation at a time per organisation: the count and the key check below stay true until the commit.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('lead-fields:' || $1, 0))`, [org]);
      const repo = m.getRepository(LeadFieldDefinition);
      const existing = await repo.find({ where: { organisationId: org }, select: { key: true, position: true } });
      if (existing.some((f) => f.key === body.key)) {
        throw new ApiError(409, ErrorCode.Conflict, `A field with the key "${body.key}" already exists (archived fields keep theirs)`);
      }
      if (existing.length >= LEAD_FIELDS_PER_ORGANISATION) {
        throw new ApiError(409, ErrorCode.Conflict, `An organisation has at most ${LEAD_FIELDS_PER_ORGANISATION} lead fields`);
      }
      const position = body.position ?? existing.reduce((max, f) => Math.max(max, f.position + 1), 0);
      const saved = await repo.save(
        repo.create({
          organisationId: org,
          key: body.key,
          label: body.label,
          type: body.type,
          options: cleanOptions(body.options),
          position,
        }),
      );
      await this.audit.recordBy(principal, 'lead_field.created', { type: 'lead_field', id: saved.id }, { after: snapshot(saved) }, m);
      return toDto(saved, false);
    });
  }

  async update(principal: Principal, id: string, body: UpdateLeadFieldRequest): Promise<LeadFieldDefinitionDto> {
    return this.db.transaction(async (m) => {
      const field = await this.find(m, principal.organisationId, id, true);
      const before = snapshot(field);
      const type = body.type ?? field.type;
      const options = body.options !== undefined ? body.options : body.type !== undefined && !isChoiceType(type) ? [] : field.options;
      const problems = optionProblems(type, options);
      if (problems.length) throw new ValidationFailedError(problems);
      const inUse = (await this.keysInUse(m, field.organisationId, [field.key])).has(field.key);
      if (type !== field.type && inUse) {
        throw new ApiError(
          409,
          ErrorCode.Conflict,
          `Leads already hold values of "${field.label}": its type cannot change. Archive it and add a new field instead`,
        );
      }
      if (inUse && isChoiceType(field.type)) await this.assertOptionsKept(m, field, options);

      if (body.label !== undefined) field.label = body.label;
      field.type = type;
      field.options = cleanOptions(options);
      if (body.position !== undefined) field.position = body.position;
      if (body.archived !== undefined) field.archivedAt = body.archived ? (field.archivedAt ?? new Date()) : null;
      const saved = await m.getRepository(LeadFieldDefinition).save(field);
      const after = snapshot(saved);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        const action =
          before.archived !== after.archived ? (after.archived ? 'lead_field.archived' : 'lead_field.restored') : 'lead_field.updated';
        await this.audit.recordBy(principal, action, { type: 'lead_field', id: saved.id }, { fieldKey: saved.key, before, after }, m);
      }
      return toDto(saved, inUse);
    });
  }

  /** Deletes a field no lead holds and no form maps to; a used one is archived instead (409 says so). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const field = await this.find(m, principal.organisationId, id, true);
      if ((await this.keysInUse(m, field.organisationId, [field.key])).has(field.key)) {
        throw new ApiError(409, ErrorCode.Conflict, `Leads hold values of "${field.label}": archive it instead of deleting it`);
      }
      const forms = await this.leadForms.namesMappingTo(field.organisationId, `custom:${field.key}`, m);
      if (forms.length) {
        throw new ApiError(
          409,
          ErrorCode.Conflict,
          `Lead forms map answers to "${field.label}" (${forms.join(', ')}): change their mapping first, or archive it`,
        );
      }
      await m.getRepository(LeadFieldDefinition).delete({ id: field.id, organisationId: field.organisationId });
      await this.audit.recordBy(principal, 'lead_field.deleted', { type: 'lead_field', id: field.id }, { before: snapshot(field) }, m);
    });
  }

  /** Another organisation's field answers exactly like a missing one. */
  private async find(m: EntityManager, organisationId: string, id: string, lock = false): Promise<LeadFieldDefinition> {
    const field = await m.getRepository(LeadFieldDefinition).findOne({
      where: { id, organisationId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!field) throw new ApiError(404, ErrorCode.NotFound, 'No such lead field in this organisation');
    return field;
  }

  /** An option a lead holds cannot be removed: the value would lose its label. */
  private async assertOptionsKept(m: EntityManager, field: LeadFieldDefinition, options: readonly LeadFieldOptionDto[]): Promise<void> {
    const kept = new Set(options.map((o) => o.key));
    for (const removed of field.options.filter((o) => !kept.has(o.key))) {
      const value = field.type === 'multi_choice' ? [removed.key] : removed.key;
      const [row] = await m.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM leads WHERE organisation_id = $1 AND custom_fields @> $2::jsonb) AS used`,
        [field.organisationId, JSON.stringify({ [field.key]: value })],
      );
      if (row.used) {
        throw new ApiError(
          409,
          ErrorCode.Conflict,
          `Leads hold the option "${removed.label}" of "${field.label}": rename its label instead of removing it`,
        );
      }
    }
  }

  /** Which of these keys a lead of the organisation holds a value of (the GIN index answers `?`). */
  private async keysInUse(m: EntityManager, organisationId: string, keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await m.query<{ key: string }[]>(
      `SELECT k.key FROM unnest($2::text[]) AS k(key)
        WHERE EXISTS (SELECT 1 FROM leads l WHERE l.organisation_id = $1 AND l.custom_fields ? k.key)`,
      [organisationId, keys],
    );
    return new Set(rows.map((r) => r.key));
  }
}

function toDto(f: LeadFieldDefinition, inUse: boolean): LeadFieldDefinitionDto {
  return {
    id: f.id,
    key: f.key,
    label: f.label,
    type: f.type,
    options: f.options.map((o) => ({ key: o.key, label: o.label })),
    position: f.position,
    archived: f.archivedAt !== null,
    inUse,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
