import type { PageQuery } from './paging';

/** Who acted: a console user, an API key, or the application on its own (a job, a schedule, a Meta callback). */
export type AuditActorType = 'user' | 'api_key' | 'system';
export const AUDIT_ACTOR_TYPES: readonly AuditActorType[] = ['user', 'api_key', 'system'];

/**
 * What kind of entry a row is, so an auditor reviewing changes is not buried under sign-ins:
 * - `sign_in`: sign-in, failed sign-in, lockout, session refresh, sign-out;
 * - `access`: someone saw or exported leads' contact details;
 * - `change`: everything else, each with its before and after.
 */
export type AuditCategory = 'sign_in' | 'change' | 'access';
export const AUDIT_CATEGORIES: readonly AuditCategory[] = ['change', 'sign_in', 'access'];

/** Actions that read personal data rather than change anything. */
const ACCESS_ACTIONS: ReadonlySet<string> = new Set(['lead.contact_viewed', 'lead.exported']);

/** The category of an action; decided once, when the entry is written. */
export function auditCategoryOf(action: string): AuditCategory {
  if (action.startsWith('auth.')) return 'sign_in';
  if (ACCESS_ACTIONS.has(action)) return 'access';
  return 'change';
}

/** A recorded state of what changed: field → value. Secrets are never part of it. */
export type AuditState = Record<string, unknown>;

export interface AuditEntryDto {
  id: string;
  at: string;
  category: AuditCategory;
  actorType: AuditActorType;
  actorId: string | null;
  /** The actor's current name; the name at the time when the user or key no longer exists; "System" for the app. */
  actorName: string;
  /** A user's email, an API key's prefix; null for the system or an actor that no longer exists. */
  actorDetail: string | null;
  /** Dotted code, e.g. `lead.status_changed`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** Facts of the entry other than its before and after. */
  details: Record<string, unknown>;
  /** The changed fields as they were (null: the thing did not exist yet), for changes. */
  before: AuditState | null;
  /** The changed fields as they became (null: the thing no longer exists), for changes. */
  after: AuditState | null;
  /** The request id (`X-Request-Id`) of the API call, or `job:<queue>:<id>` of the job, that made the entry. */
  correlationId: string | null;
}

/** `GET /v1/audit-log` (admins): filters, each optional; all given ones must hold. */
export interface AuditLogQuery extends PageQuery {
  category?: AuditCategory;
  actorType?: AuditActorType;
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO-8601 instants; both ends included. */
  from?: string;
  to?: string;
  correlationId?: string;
}

export interface AuditActorOption {
  type: AuditActorType;
  id: string | null;
  name: string;
  detail: string | null;
}

export interface AuditActionOption {
  action: string;
  category: AuditCategory;
}

/** `GET /v1/audit-log/filters`: the actors, actions and subject types that occur in the organisation's log. */
export interface AuditLogFiltersDto {
  actors: AuditActorOption[];
  actions: AuditActionOption[];
  targetTypes: string[];
}
