import type { AuditEntryDto, AuditState } from '@legeai/contracts';
import type { AuditActorName } from './audit-actors';
import type { AuditEntry } from './entities/audit-entry.entity';

const SYSTEM: AuditActorName = { name: 'System', detail: null };
const GONE: Record<'user' | 'api_key', string> = { user: 'Deleted user', api_key: 'Deleted API key' };

/**
 * How an entry's actor reads: their name now, else the name written with the entry (the user or key is gone), else
 * what they were; the system is "System".
 */
export function actorOf(row: Pick<AuditEntry, 'actorType' | 'actorId' | 'actorName'>, current: AuditActorName | undefined): AuditActorName {
  if (row.actorType === 'system' || !row.actorId) return SYSTEM;
  if (current) return current;
  return { name: row.actorName ?? GONE[row.actorType], detail: null };
}

export function toAuditEntryDto(row: AuditEntry, actor: AuditActorName): AuditEntryDto {
  const { before, after, details } = splitChange(row.details ?? {});
  return {
    id: row.id,
    at: row.at.toISOString(),
    category: row.category,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: actor.name,
    actorDetail: actor.detail,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details,
    before,
    after,
    correlationId: row.correlationId,
  };
}

type Change = { before: AuditState | null; after: AuditState | null; details: Record<string, unknown> };

/**
 * An entry's before and after, apart from its other facts. Entries written before every change carried them keep
 * what they had: `changes: { field: { from, to } }` (users, organisation) or `from`/`to` objects (premiums).
 */
export function splitChange(stored: Record<string, unknown>): Change {
  const { before, after, ...rest } = stored;
  if (before !== undefined || after !== undefined) return { before: asState(before), after: asState(after), details: rest };
  const { changes, ...others } = rest;
  if (isFromToMap(changes)) {
    const entries = Object.entries(changes);
    return {
      before: Object.fromEntries(entries.map(([field, change]) => [field, change.from])),
      after: Object.fromEntries(entries.map(([field, change]) => [field, change.to])),
      details: others,
    };
  }
  const { from, to, ...remaining } = rest;
  if (isObject(from) && isObject(to)) return { before: from, after: to, details: remaining };
  return { before: null, after: null, details: rest };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asState = (value: unknown): AuditState | null => (isObject(value) ? value : null);

function isFromToMap(value: unknown): value is Record<string, { from: unknown; to: unknown }> {
  return isObject(value) && Object.values(value).length > 0 && Object.values(value).every((v) => isObject(v) && 'from' in v && 'to' in v);
}
