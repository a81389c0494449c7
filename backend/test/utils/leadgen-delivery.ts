import { createHmac } from 'node:crypto';
import { META_APP } from './meta-test-env';

/** A webhook delivery signed with the app secret, as Meta sends it. */
export function signedDelivery(body: string): { body: string; signature: string } {
  return { body, signature: `sha256=${createHmac('sha256', META_APP.secret).update(body).digest('hex')}` };
}

/** A `page` delivery announcing these leads, one entry per page, as Meta batches them. */
export function leadgenDelivery(changes: { pageId: string; leadgenId: string; formId: string }[], time = 1764400000): string {
  const byPage = new Map<string, typeof changes>();
  for (const change of changes) byPage.set(change.pageId, [...(byPage.get(change.pageId) ?? []), change]);
  return JSON.stringify({
    object: 'page',
    entry: [...byPage].map(([pageId, list]) => ({
      id: pageId,
      time,
      changes: list.map((c) => ({ field: 'leadgen', value: { leadgen_id: c.leadgenId, page_id: c.pageId, form_id: c.formId, created_time: time } })),
    })),
  });
}
