import { Params, ParamMap } from '@angular/router';
import { DuplicateStateFilter, LEAD_STATUSES, LeadListQuery, LeadStatus } from '@legeai/contracts';
import { toDay } from '../../../shared/time/calendar-day';

/** The duplicate filter as people choose it: every lead, duplicates, possible duplicates, or leads linked to none. */
export type DuplicateFilter = 'all' | 'only' | 'possible' | 'none';

const DUPLICATE_STATES: Readonly<Record<Exclude<DuplicateFilter, 'all'>, DuplicateStateFilter>> = {
  only: 'duplicate',
  possible: 'possible',
  none: 'none',
};

export interface LeadFilters {
  q: string;
  status: LeadStatus | null;
  /** Meta's lead form id, as stored on the lead. */
  formId: string | null;
  campaignId: string | null;
  duplicate: DuplicateFilter;
  needsReview: boolean;
  includeTest: boolean;
  /** Calendar days `YYYY-MM-DD` in the viewer's time zone, both inclusive. */
  from: string | null;
  to: string | null;
  /** Custom field filters by field key (`field.<key>=value` in the URL and the API); absent means none. */
  fields?: Readonly<Record<string, string>>;
}

/** The URL and API parameter prefix of a custom field filter. */
const FIELD_PARAM = 'field.';

/** Everything the leads table shows, as the URL carries it so a view can be shared and survives a reload. */
export interface LeadView {
  filters: LeadFilters;
  pageIndex: number;
  pageSize: number;
  /** By received time. */
  sort: 'asc' | 'desc';
}

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

export const NO_FILTERS: LeadFilters = {
  q: '',
  status: null,
  formId: null,
  campaignId: null,
  duplicate: 'all',
  needsReview: false,
  includeTest: false,
  from: null,
  to: null,
};

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the view from query params; anything malformed (a hand-edited URL) falls back to the default. */
export function viewFromParams(params: ParamMap): LeadView {
  const status = params.get('status') as LeadStatus | null;
  const duplicate = params.get('duplicate');
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    filters: {
      q: params.get('q')?.trim() ?? '',
      status: status && LEAD_STATUSES.includes(status) ? status : null,
      formId: params.get('form') || null,
      campaignId: params.get('campaign') || null,
      duplicate: duplicate === 'only' || duplicate === 'possible' || duplicate === 'none' ? duplicate : 'all',
      needsReview: params.get('review') === '1',
      includeTest: params.get('test') === '1',
      from: day(params.get('from')),
      to: day(params.get('to')),
      ...fieldFilters(params),
    },
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: params.get('sort') === 'asc' ? 'asc' : 'desc',
  };
}

/**
 * The view as query params. Defaults map to `null`, which the router drops, so a plain `/leads` stays plain. Pages
 * count from 1 in the URL because people read it.
 */
export function viewToParams({ filters, pageIndex, pageSize, sort }: LeadView): Params {
  return {
    q: filters.q.trim() || null,
    status: filters.status,
    form: filters.formId,
    campaign: filters.campaignId,
    duplicate: filters.duplicate === 'all' ? null : filters.duplicate,
    review: filters.needsReview ? '1' : null,
    test: filters.includeTest ? '1' : null,
    from: filters.from,
    to: filters.to,
    page: pageIndex > 0 ? pageIndex + 1 : null,
    size: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize,
    sort: sort === 'asc' ? 'asc' : null,
    ...Object.fromEntries(Object.entries(filters.fields ?? {}).map(([key, value]) => [FIELD_PARAM + key, value])),
  };
}

/** `field.<key>=value` parameters of the URL; none gives no `fields` at all, so plain filters stay equal to NO_FILTERS. */
function fieldFilters(params: ParamMap): Pick<LeadFilters, 'fields'> {
  const keys = params.keys.filter((k) => k.startsWith(FIELD_PARAM) && k.length > FIELD_PARAM.length && params.get(k));
  return keys.length > 0 ? { fields: Object.fromEntries(keys.map((k) => [k.slice(FIELD_PARAM.length), params.get(k)!])) } : {};
}

/** What `GET /v1/leads/export.csv` takes: the filters and the order, without paging. */
export function toFilterQuery(filters: LeadFilters, sort: LeadView['sort']): LeadListQuery {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status ?? undefined,
    formId: filters.formId ?? undefined,
    campaignId: filters.campaignId ?? undefined,
    duplicateState: filters.duplicate === 'all' ? undefined : DUPLICATE_STATES[filters.duplicate],
    needsReview: filters.needsReview || undefined,
    includeTest: filters.includeTest || undefined,
    from: filters.from ? startOfDay(filters.from).toISOString() : undefined,
    to: filters.to ? endOfDay(filters.to).toISOString() : undefined,
    fields: filters.fields && Object.keys(filters.fields).length > 0 ? { ...filters.fields } : undefined,
    sort: sort === 'asc' ? 'receivedAt' : '-receivedAt',
  };
}

/** What `GET /v1/leads` takes for one page of the view. */
export function toListQuery(view: LeadView): LeadListQuery {
  return {
    ...toFilterQuery(view.filters, view.sort),
    limit: view.pageSize,
    offset: view.pageIndex * view.pageSize,
  };
}

/** Whether the filters narrow the list, which tells "no leads yet" apart from "none match". */
export function narrowsList(filters: LeadFilters): boolean {
  const { includeTest: _widens, ...narrowing } = filters;
  const { includeTest: _default, ...none } = NO_FILTERS;
  return JSON.stringify(narrowing) !== JSON.stringify(none);
}

export { toDay };

export function startOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function endOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

function day(value: string | null): string | null {
  return value && DAY_PATTERN.test(value) && !Number.isNaN(startOfDay(value).getTime()) ? value : null;
}
