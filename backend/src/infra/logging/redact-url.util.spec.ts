import { redactUrl } from './redact-url.util';

describe(redactUrl.name, () => {
  it('leaves URLs without a query alone', () => {
    expect(redactUrl('/v1/leads/42')).toBe('/v1/leads/42');
  });

  it('redacts OAuth and Graph API credentials and keeps the other parameters', () => {
    expect(redactUrl('/v1/integrations/meta/callback?code=AQBx123&state=abc&granted_scopes=ads_read')).toBe(
      '/v1/integrations/meta/callback?code=[redacted]&state=[redacted]&granted_scopes=ads_read',
    );
    expect(
      redactUrl(
        'https://graph.facebook.com/v26.0/oauth/access_token?client_id=1&client_secret=s3cr3t&fb_exchange_token=EAAB&grant_type=fb_exchange_token',
      ),
    ).toBe(
      'https://graph.facebook.com/v26.0/oauth/access_token?client_id=1&client_secret=[redacted]&fb_exchange_token=[redacted]&grant_type=fb_exchange_token',
    );
    expect(redactUrl('/debug_token?input_token=EAAX&access_token=1|2&appsecret_proof=ff')).toBe(
      '/debug_token?input_token=[redacted]&access_token=[redacted]&appsecret_proof=[redacted]',
    );
  });

  it('matches parameter names case-insensitively and when percent-encoded', () => {
    expect(redactUrl('/x?ACCESS_TOKEN=a&access%5Ftoken=b')).toBe('/x?ACCESS_TOKEN=[redacted]&access%5Ftoken=[redacted]');
  });

  it('redacts the webhook verify token and keeps the fragment', () => {
    expect(redactUrl('/v1/integrations/meta/webhook?hub.mode=subscribe&hub.verify_token=t0k&hub.challenge=9#x')).toBe(
      '/v1/integrations/meta/webhook?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=9#x',
    );
  });
});
