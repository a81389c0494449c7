import { ParamMap, Params } from '@angular/router';
import { AUDIT_ACTOR_TYPES, AUDIT_CATEGORIES, AuditActorType, AuditCategory, AuditLogQuery } from '@legeai/contracts';

import { toDay } from '../../../shared/time/calendar-day';

/** The tab: one category, or every entry. */
export type AuditTab = AuditCategory | 'all';
export const AUDIT_TABS: readonly AuditTab[] = [...AUDIT_CATEGORIES, 'all'];
/** What the log opens on: changes, not the sign-ins that outnumber them. */
export const DEFAULT_TAB: AuditTab = 'change';

export const PAGE_SIZES = [25, 50, 100];

export interface AuditLogFilters {
  /** `user:<id>`, `api_key:<id>` or `system`. */
  actor: string | null;
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  /** Calendar days (`YYYY-MM-DD`) in the reader's time zone, both included. */
  from: string | null;
  to: string | null;
  correlationId: string | null;
}

export interface AuditLogView {
  tab: AuditTab;
  filters: AuditLogFilters;
  pageIndex: number;
  pageSize: number;
}

export const NO_FILTERS: AuditLogFilters = {
  actor: null,
  action: null,
  targetType: null,
  targetId: null,
  from: null,
  to: null,
  correlationId: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const KIND = /^[a-z][a-z_]*$/;
const ID = /^[\w:.-]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the view from the URL; a malformed value (a hand-edited link) is dropped rather than sent to the API. */
export function viewFromParams(params: ParamMap): AuditLogView {
  const tab = params.get('category') as AuditTab | null;
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  const pick = (name: string, pattern: RegExp) => {
    const value = params.get(name);
    return value !== null && pattern.test(value) ? value : null;
  };
  return {
    tab: tab && AUDIT_TABS.includes(tab) ? tab : DEFAULT_TAB,
    filters: {
      actor: actorParam(params.get('actor')),
      action: pick('action', ACTION),
      targetType: pick('subject', KIND),
      targetId: pick('subjectId', ID),
      from: pick('from', DAY),
      to: pick('to', DAY),
      correlationId: pick('request', ID),
    },
    pageIndex: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
}

/** The view as query params: defaults are left out, so a plain link stays plain. Pages count from 1 for people. */
export function viewToParams({ tab, filters, pageIndex, pageSize }: AuditLogView): Params {
  return {
    category: tab === DEFAULT_TAB ? null : tab,
    actor: filters.actor,
    action: filters.action,
    subject: filters.targetType,
    subjectId: filters.targetId,
    from: filters.from,
    to: filters.to,
    request: filters.correlationId,
    page: pageIndex > 0 ? pageIndex + 1 : null,
    size: pageSize === PAGE_SIZES[0] ? null : pageSize,
  };
}

/** The API query of a view; days become the instants their local midnight bounds. */
export function toQuery({ tab, filters, pageIndex, pageSize }: AuditLogView): AuditLogQuery {
  const [actorType, actorId] = splitActor(filters.actor);
  const query: AuditLogQuery = {
    limit: pageSize,
    offset: pageIndex * pageSize,
    category: tab === 'all' ? undefined : tab,
    actorType,
    actorId,
    action: filters.action ?? undefined,
    targetType: filters.targetType ?? undefined,
    targetId: filters.targetId ?? undefined,
    from: filters.from ? startOfDay(filters.from).toISOString() : undefined,
    to: filters.to ? endOfDay(filters.to).toISOString() : undefined,
    correlationId: filters.correlationId ?? undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as AuditLogQuery;
}

/** Whether any filter narrows the tab, which tells "nothing recorded" apart from "nothing matches". */
export function narrows(filters: AuditLogFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** The actor param of a user or key (`user:<id>`), or of the system. */
export function actorKey(type: AuditActorType, id: string | null): string {
  return type === 'system' || !id ? 'system' : `${type}:${id}`;
}

function actorParam(value: string | null): string | null {
  if (value === 'system') {
    return value;
  }
  const [type, id] = (value ?? '').split(':');
  return AUDIT_ACTOR_TYPES.includes(type as AuditActorType) && type !== 'system' && UUID.test(id ?? '') ? `${type}:${id}` : null;
}

function splitActor(actor: string | null): [AuditActorType | undefined, string | undefined] {
  if (!actor) {
    return [undefined, undefined];
  }
  if (actor === 'system') {
    return ['system', undefined];
  }
  const [type, id] = actor.split(':');
  return [type as AuditActorType, id];
}

export function startOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function endOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

export { toDay };
