import { createHmac } from 'node:crypto';
import { META_APP } from './meta-test-env';

/** A webhook delivery signed with the app secret, as Meta sends it. */
export function signedDelivery(body: string): { body: string; signature: string } {
  return { body, signature: `sha256=${createHmac('sha256', META_APP.secret).update(body).digest('hex')}` };
}

/**
 * A `page` delivery announcing these leads, one entry per Page, as Meta batches them. Takes the leads as the sandbox's
 * control API answers them (`createLeads`).
 */
export function leadgenDelivery(leads: { id: string; page_id: string; form_id: string }[], time = Math.floor(Date.now() / 1000)): string {
  const byPage = new Map<string, typeof leads>();
  for (const lead of leads) byPage.set(lead.page_id, [...(byPage.get(lead.page_id) ?? []), lead]);
  return JSON.stringify({
    object: 'page',
    entry: [...byPage].map(([pageId, list]) => ({
      id: pageId,
      time,
      changes: list.map((lead) => ({
        field: 'leadgen',
        value: { leadgen_id: lead.id, page_id: pageId, form_id: lead.form_id, created_time: time },
      })),
    })),
  });
}
