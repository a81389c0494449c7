import { createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_PATH = '/v1/integrations/meta/webhook';

export const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Builds unique `leadgen` deliveries shaped as Meta sends them (one entry, one change), for one Page and form.
 * Every body differs (its leadgen id), so the product's body-hash unique and job ids see new work each time.
 */
export function deliveryFactory(pageId: string, formId: string) {
  const run = `${Date.now() % 1_000_000_000}${randomBytes(2).readUInt16BE(0) % 100}`;
  let seq = 0;
  return (): string => {
    seq += 1;
    const leadgenId = `7${run}${String(seq).padStart(7, '0')}`;
    const now = Math.floor(Date.now() / 1000);
    return JSON.stringify({
      object: 'page',
      entry: [
        {
          id: pageId,
          time: now,
          changes: [
            {
              field: 'leadgen',
              value: {
                ad_id: '120211000000000001',
                form_id: formId,
                leadgen_id: leadgenId,
                created_time: now,
                page_id: pageId,
                adgroup_id: '120211000000000001',
              },
            },
          ],
        },
      ],
    });
  };
}

/** Requests for autocannon: a fresh body each time, signed with `secret`. */
export function signedRequests(nextBody: () => string, secret: string) {
  return () => {
    const body = nextBody();
    return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, secret) } };
  };
}
