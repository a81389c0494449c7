import { ParamMap, Params } from '@angular/router';
import { AdObjectListQuery, AdObjectStatus } from '@legeai/contracts';

/** The objectives the campaign filter offers (ODAX, https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group). */
export const AD_OBJECTIVES = [
  'OUTCOME_LEADS',
  'OUTCOME_SALES',
  'OUTCOME_TRAFFIC',
  'OUTCOME_AWARENESS',
  'OUTCOME_ENGAGEMENT',
  'OUTCOME_APP_PROMOTION',
] as const;

/** Statuses people set, offered by the status filter. */
export const SET_STATUSES: readonly AdObjectStatus[] = ['ACTIVE', 'PAUSED', 'ARCHIVED'];
/** Delivery states worth finding, offered by the status filter as Meta's effective status. */
export const DELIVERY_STATUSES = ['DISAPPROVED', 'WITH_ISSUES', 'PENDING_REVIEW', 'IN_PROCESS'] as const;

export type CampaignSort = NonNullable<AdObjectListQuery['sort']>;
const SORTS: readonly CampaignSort[] = ['name', 'status', 'updatedAt', 'budget'];

/**
 * The status filter as one choice: a status the user set (`status:PAUSED`) or a delivery state Meta reports
 * (`effective:DISAPPROVED`), so one select offers both.
 */
export type StatusFilter = `status:${AdObjectStatus}` | `effective:${string}` | null;

export interface CampaignView {
  /** Meta's ad account id `act_…`; null until the accounts are known, then the first one. */
  adAccountId: string | null;
  q: string;
  status: StatusFilter;
  objective: string | null;
  sort: CampaignSort;
  order: 'asc' | 'desc';
  pageIndex: number;
  pageSize: number;
}

export const CAMPAIGN_PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = CAMPAIGN_PAGE_SIZES[0];
/** Newest change first: what someone opening the table usually looks for. */
const DEFAULT_SORT: CampaignSort = 'updatedAt';
const DEFAULT_ORDER = 'desc';

/** The view in the URL; anything malformed (a hand-edited address) falls back to the default. */
export function campaignViewFromParams(params: ParamMap): CampaignView {
  const status = params.get('status');
  const sort = params.get('sort') as CampaignSort | null;
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    adAccountId: params.get('account') || null,
    q: params.get('q')?.trim() ?? '',
    status: isStatusFilter(status) ? status : null,
    objective: params.get('objective') || null,
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_SORT,
    order: params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : DEFAULT_ORDER,
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (CAMPAIGN_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The view as query params; defaults become `null`, which the router drops, so a plain `/ads` stays plain. */
export function campaignViewToParams(view: CampaignView): Params {
  return {
    account: view.adAccountId,
    q: view.q.trim() || null,
    status: view.status,
    objective: view.objective,
    sort: view.sort === DEFAULT_SORT ? null : view.sort,
    order: view.order === DEFAULT_ORDER ? null : view.order,
    page: view.pageIndex > 0 ? view.pageIndex + 1 : null,
    size: view.pageSize === DEFAULT_PAGE_SIZE ? null : view.pageSize,
  };
}

/** What `GET integrations/meta/campaigns` takes for one page of the view. */
export function campaignListQuery(view: CampaignView): AdObjectListQuery {
  const [kind, value] = view.status ? (view.status.split(':') as [string, string]) : [null, null];
  return {
    adAccountId: view.adAccountId ?? undefined,
    q: view.q.trim() || undefined,
    status: kind === 'status' ? (value as AdObjectStatus) : undefined,
    effectiveStatus: kind === 'effective' ? value : undefined,
    objective: view.objective ?? undefined,
    sort: view.sort,
    order: view.order,
    limit: view.pageSize,
    offset: view.pageIndex * view.pageSize,
  };
}

/** Whether search or filters narrow the list, which tells "no campaigns yet" apart from "none match". */
export function narrowsCampaigns(view: CampaignView): boolean {
  return view.q.trim() !== '' || view.status !== null || view.objective !== null;
}

function isStatusFilter(value: string | null): value is Exclude<StatusFilter, null> {
  if (!value) {
    return false;
  }
  const [kind, status] = value.split(':');
  return (kind === 'status' && SET_STATUSES.includes(status as AdObjectStatus)) || (kind === 'effective' && /^[A-Z_]+$/.test(status ?? ''));
}
