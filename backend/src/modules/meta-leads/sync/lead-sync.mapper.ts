import type { LeadSyncDto } from '@legeai/contracts';
import type { MetaLeadSync } from './entities/meta-lead-sync.entity';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export function toLeadSyncDto(row: MetaLeadSync): LeadSyncDto {
  return {
    id: row.id,
    pageId: row.pageId,
    formId: row.formId,
    leadgenId: row.leadgenId,
    leadId: row.leadId,
    state: row.state,
    receivedAt: new Date(row.receivedAt).toISOString(),
    fetchedAt: iso(row.fetchedAt),
    mappedAt: iso(row.mappedAt),
    storedAt: iso(row.storedAt),
    attempts: row.attempts,
    replays: row.replays,
    errorKind: row.errorKind,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    hint: row.hint,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
