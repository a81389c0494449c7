import { lastWebhookCheck } from './last-webhook-check';

const now = new Date('2026-11-29T12:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);

describe(lastWebhookCheck.name, () => {
  it('stays green before the first webhook and warns after a long silence with live forms', () => {
    expect(lastWebhookCheck(null, true, now).level).toBe('ok');
    expect(lastWebhookCheck(inDays(-10), true, now).level).toBe('warning');
    expect(lastWebhookCheck(inDays(-10), false, now).level).toBe('ok');
  });

  it('names the last delivery in words people read, not an ISO string', () => {
    expect(lastWebhookCheck(new Date('2026-11-29T09:05:00Z'), true, now)).toMatchObject({
      message: 'Last webhook received 29 Nov 2026, 09:05 UTC',
      // The date as an instant, and the text that writes it, for a console that shows it in its reader's zone.
      at: '2026-11-29T09:05:00.000Z',
      atText: '29 Nov 2026, 09:05 UTC',
    });
  });
});
