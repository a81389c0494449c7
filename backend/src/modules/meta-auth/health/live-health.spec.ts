import { MetaIntegrationStatus, type MetaHealthCheck } from '@legeai/contracts';
import { liveHealth, type LiveConnectionFacts } from './live-health';

const NOW = new Date('2026-12-05T12:00:00Z');
const STORED: MetaHealthCheck[] = [
  { key: 'token', level: 'ok', message: 'Meta accepts the access token' },
  { key: 'token_expiry', level: 'ok', message: 'The access token is valid until 2027-01-30' },
  { key: 'permissions', level: 'ok', message: 'Every permission is granted' },
];
const active: LiveConnectionFacts = {
  status: MetaIntegrationStatus.Active,
  statusReason: null,
  tokenExpiresAt: new Date('2027-01-30T00:00:00Z'),
  dataAccessExpiresAt: null,
  pause: null,
};

describe('liveHealth', () => {
  it('keeps the last run as it was while nothing has happened since', () => {
    const { overall, checks } = liveHealth(STORED, active, NOW);
    expect(overall).toBe('ok');
    expect(checks.map((c) => [c.key, c.level])).toEqual([
      ['token', 'ok'],
      ['token_expiry', 'ok'],
      ['permissions', 'ok'],
    ]);
  });

  it('a token Meta refused after the last run turns the token check and the overall red at once', () => {
    const { overall, checks } = liveHealth(
      STORED,
      { ...active, status: MetaIntegrationStatus.ReauthRequired, statusReason: 'Error validating access token' },
      NOW,
    );
    expect(overall).toBe('error');
    const token = checks.find((c) => c.key === 'token')!;
    expect(token.level).toBe('error');
    expect(token.message).toContain('Error validating access token');
    expect(token.hint).toMatch(/Reconnect/);
    expect(checks.filter((c) => c.key === 'token')).toHaveLength(1);
  });

  it('a refused token shows even before any check has run', () => {
    const { overall, checks } = liveHealth([], { ...active, status: MetaIntegrationStatus.ReauthRequired, statusReason: null }, NOW);
    expect(overall).toBe('error');
    expect(checks.map((c) => c.key)).toEqual(['token']);
  });

  it('an expiry that has come since the last run is red without a new run', () => {
    const { overall, checks } = liveHealth(STORED, { ...active, tokenExpiresAt: new Date('2026-12-01T00:00:00Z') }, NOW);
    expect(overall).toBe('error');
    expect(checks.find((c) => c.key === 'token_expiry')).toMatchObject({
      level: 'error',
      message: 'The access token expired on 1 Dec 2026, 00:00 UTC',
      at: '2026-12-01T00:00:00.000Z',
      atText: '1 Dec 2026, 00:00 UTC',
    });
  });

  it('a pause adds its own warning on top', () => {
    const pause = {
      since: NOW,
      failures: 5,
      nextProbeAt: new Date(NOW.getTime() + 60_000),
      probing: false,
      lastError: 'Service unavailable',
    };
    const { overall, checks } = liveHealth(STORED, { ...active, pause }, NOW);
    expect(overall).toBe('warning');
    expect(checks[0].key).toBe('graph_calls');
  });
});
