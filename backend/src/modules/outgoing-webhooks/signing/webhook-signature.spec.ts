import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = '{"id":"e1","type":"lead.created"}';
  const now = Date.UTC(2026, 11, 5, 12, 0, 0);
  const t = Math.floor(now / 1000);

  it('signs "<t>.<raw body>" with HMAC-SHA256 of the secret, as the docs describe', () => {
    const expected = createHmac('sha256', 'whsec_a').update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(['whsec_a'], t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('carries one v1 per secret during a rotation, and either secret verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], t, body);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(header, 'whsec_new', body, now)).toEqual({ ok: true, timestamp: t });
    expect(verifySignature(header, 'whsec_old', body, now)).toEqual({ ok: true, timestamp: t });
    expect(verifySignature(header, 'whsec_other', body, now)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a changed body', () => {
    const header = signatureHeader(['whsec_a'], t, body);
    expect(verifySignature(header, 'whsec_a', body.replace('e1', 'e2'), now)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp outside the tolerance (a replayed request), either side of now', () => {
    const header = signatureHeader(['whsec_a'], t, body);
    expect(verifySignature(header, 'whsec_a', body, now + 301_000)).toEqual({ ok: false, reason: 'too_old' });
    expect(verifySignature(header, 'whsec_a', body, now - 301_000)).toEqual({ ok: false, reason: 'too_old' });
    expect(verifySignature(header, 'whsec_a', body, now + 299_000).ok).toBe(true);
  });

  it('refuses a missing or malformed header', () => {
    expect(verifySignature(undefined, 'whsec_a', body, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature('v1=abc', 'whsec_a', body, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(`t=${t}`, 'whsec_a', body, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(`t=x,v1=${'0'.repeat(64)}`, 'whsec_a', body, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
