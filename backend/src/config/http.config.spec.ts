import { EnvValidationError, loadEnv } from './load-env';

const load = (vars: Record<string, string>) => loadEnv(vars, { envFile: false });

function problemsOf(vars: Record<string, string>): string[] {
  try {
    load(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvValidationError);
    return (error as EnvValidationError).problems.map((p) => p.variable);
  }
  throw new Error('expected the environment to be rejected');
}

describe('HTTP server settings', () => {
  it('defaults to 10 s for headers, 30 s for a whole request and 5 s of keep-alive', () => {
    expect(load({})).toMatchObject({ HTTP_HEADERS_TIMEOUT_MS: 10000, HTTP_REQUEST_TIMEOUT_MS: 30000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 5000 });
  });

  it('refuses a headers timeout longer than the request timeout, which could never fire', () => {
    expect(problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toEqual(['HTTP_HEADERS_TIMEOUT_MS']);
    expect(load({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '500' }).HTTP_HEADERS_TIMEOUT_MS).toBe(500);
  });

  it('refuses timeouts that are not a number of milliseconds in range', () => {
    expect(problemsOf({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '0' })).toEqual(['HTTP_KEEP_ALIVE_TIMEOUT_MS']);
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '30s' })).toEqual(['HTTP_REQUEST_TIMEOUT_MS']);
  });
});

