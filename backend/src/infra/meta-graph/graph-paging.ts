import type { GraphPage, GraphParams } from './meta-graph.types';

/** Params that must never be copied from Meta's `next` URL: we add our own token and proof. */
const CALLER_SECRETS = ['access_token', 'appsecret_proof', 'appsecret_time'];

export interface PageRequest {
  path: string;
  params: GraphParams;
}

/**
 * Where the next page is, or undefined on the last page. Meta's `paging.next` is an absolute URL carrying
 * the access token, so it is never fetched as is: the request is rebuilt from `cursors.after` (cursor paging)
 * or from the next URL's own query without its secrets (time/offset paging). `cursors.after` is present even
 * on the last page, so only a missing `next` ends the walk (https://developers.facebook.com/docs/graph-api/results).
 */
export function nextPageRequest(page: GraphPage<unknown>, current: PageRequest): PageRequest | undefined {
  const next = page.paging?.next;
  if (!next) return undefined;
  const after = page.paging?.cursors?.after;
  if (after) return { path: current.path, params: { ...current.params, after } };

  const url = new URL(next);
  const params: GraphParams = {};
  url.searchParams.forEach((value, key) => {
    if (!CALLER_SECRETS.includes(key)) params[key] = value;
  });
  const path = url.pathname.replace(/^\/v\d+\.\d+(?=\/|$)/, '') || '/';
  return { path, params };
}
