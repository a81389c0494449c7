import type { LeadSyncDto } from '@legeai/contracts';
import type { MetaLeadSync } from './entities/meta-lead-sync.entity';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/** The Page's and form's names by Meta id (looked up once per page of results); absent ones read as null. */
export interface LeadSyncNameMaps {
  pages: ReadonlyMap<string, string>;
  forms: ReadonlyMap<string, string>;
}

const NO_NAMES: LeadSyncNameMaps = { pages: new Map(), forms: new Map() };

export function toLeadSyncDto(row: MetaLeadSync, names: LeadSyncNameMaps = NO_NAMES): LeadSyncDto {
  return {
    id: row.id,
    pageId: row.pageId,
    formId: row.formId,
    leadgenId: row.leadgenId,
    pageName: names.pages.get(row.pageId) ?? null,
    formName: row.formId ? (names.forms.get(row.formId) ?? null) : null,
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
