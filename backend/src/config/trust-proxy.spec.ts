import { EnvValidationError, loadEnv } from './load-env';
import { parseTrustProxy } from './trust-proxy';

describe(parseTrustProxy.name, () => {
  it.each([
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.5', ['10.0.0.0/8', '192.168.1.5']],
    ['uniquelocal,fd00::/8,::1', ['uniquelocal', 'fd00::/8', '::1']],
  ])('reads %j as %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each([
    // `true` would let any client choose the address the rate limiter and the audit log see.
    'true',
    'yes',
    '-1',
    '1.5',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.0/8/1',
    '10.0.0.999',
    'loopback,,10.0.0.1',
    'example.com',
  ])('refuses %j', (value) => {
    expect(parseTrustProxy(value)).toBeNull();
  });

  it('is validated at boot with a message that says why true is refused, and defaults to false', () => {
    expect(loadEnv({}, { envFile: false }).TRUST_PROXY).toBe('false');
    expect(loadEnv({ TRUST_PROXY: 'loopback' }, { envFile: false }).TRUST_PROXY).toBe('loopback');
    let problem: unknown;
    try {
      loadEnv({ TRUST_PROXY: 'true' }, { envFile: false });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(EnvValidationError);
    expect((problem as EnvValidationError).problems).toEqual([
      { variable: 'TRUST_PROXY', messages: [expect.stringContaining("would believe any client's X-Forwarded-For")] },
    ]);
  });
});
