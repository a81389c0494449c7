/** One ignored `unknown_page` change as the inbox stores it: the Page it named and when its delivery came. */
export interface UnknownPageMention {
  page_id: string;
  received_at: Date;
}

/** Deliveries for one Page not connected here. */
export interface UnknownPageCount {
  pageId: string;
  deliveries: number;
  lastAt: Date;
}

/**
 * Counts, per Page, the deliveries that named it, newest Page first (ties by Page id, so the order is stable), at most
 * `limit` Pages. `mentions` carries one entry per (delivery, Page); a delivery naming a Page twice counts once because
 * the query already collapses them.
 */
export function countUnknownPages(mentions: UnknownPageMention[], limit: number): UnknownPageCount[] {
  const byPage = new Map<string, UnknownPageCount>();
  for (const mention of mentions) {
    const at = new Date(mention.received_at);
    const seen = byPage.get(mention.page_id);
    if (!seen) byPage.set(mention.page_id, { pageId: mention.page_id, deliveries: 1, lastAt: at });
    else {
      seen.deliveries += 1;
      if (at > seen.lastAt) seen.lastAt = at;
    }
  }
  return [...byPage.values()].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.pageId.localeCompare(b.pageId)).slice(0, limit);
}
