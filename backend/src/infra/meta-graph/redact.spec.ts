import { REDACTED, redactText } from './redact';

describe('redact', () => {
  const token = 'EAABsbCS1iHgBAKZCZBZAtoken1234567890abcdef';

  it.each([
    [`https://graph.facebook.com/v26.0/me?fields=id&access_token=${token}`, 'fields=id&access_token=[REDACTED]'],
    [`https://graph.facebook.com/v26.0/1/leads?after=abc&access_token=${token}&limit=25`, 'access_token=[REDACTED]&limit=25'],
    ['/oauth/access_token?client_id=1&client_secret=s3cr3t&code=AQDxyz', 'client_secret=[REDACTED]&code=[REDACTED]'],
    ['/debug_token?input_token=abc123456&appsecret_proof=deadbeef', 'input_token=[REDACTED]&appsecret_proof=[REDACTED]'],
    ['/oauth/access_token?grant_type=fb_exchange_token&fb_exchange_token=short123', 'fb_exchange_token=[REDACTED]'],
  ])('removes secret query values from %s', (url, expected) => {
    const out = redactText(url);
    expect(out).toContain(expected);
    expect(out).not.toContain(token);
    expect(out).not.toContain('s3cr3t');
  });

  it('keeps grant_type=fb_exchange_token (a value, not a secret)', () => {
    expect(redactText('/oauth/access_token?grant_type=fb_exchange_token')).toBe('/oauth/access_token?grant_type=fb_exchange_token');
  });

  it('removes Meta-looking tokens and authorization header values from free text', () => {
    const text = `request failed: Authorization: Bearer abc.def-123 token ${token} in body`;
    const out = redactText(text);
    expect(out).not.toContain(token);
    expect(out).not.toContain('abc.def-123');
    expect(out).toContain(`Bearer ${REDACTED}`);
  });

  it('removes a known secret of any shape', () => {
    expect(redactText('oops sandbox-token-42 leaked', ['sandbox-token-42'])).toBe(`oops ${REDACTED} leaked`);
  });

  it('removes tokens from JSON-ish batch bodies', () => {
    const body = JSON.stringify([{ method: 'GET', relative_url: `me?access_token=${token}` }]);
    expect(redactText(body)).not.toContain(token);
    expect(redactText('{"access_token":"abcdefgh1234"}')).toBe(`{"access_token":"${REDACTED}"}`);
  });
});
