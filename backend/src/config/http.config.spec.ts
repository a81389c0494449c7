import { EnvValidationError, loadEnv } from './load-env';
import { metricsAccessOf } from './http.config';

const load = (vars: Record<string, string>) => loadEnv(vars, { envFile: false });
const TOKEN = 'm'.repeat(40);

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

describe('operational endpoints settings', () => {
  it('needs METRICS_TOKEN, long enough, for METRICS_ACCESS=token', () => {
    expect(problemsOf({ METRICS_ACCESS: 'token' })).toEqual(['METRICS_TOKEN']);
    expect(problemsOf({ METRICS_ACCESS: 'token', METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN']);
    expect(problemsOf({ METRICS_TOKEN: `${'x'.repeat(20)} ${'y'.repeat(20)}` })).toEqual(['METRICS_TOKEN']);
    expect(load({ METRICS_ACCESS: 'token', METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });

  it('knows only its access modes', () => {
    expect(problemsOf({ METRICS_ACCESS: 'private' })).toEqual(['METRICS_ACCESS']);
    expect(problemsOf({ DOCS_ACCESS: 'admin' })).toEqual(['DOCS_ACCESS']);
    expect(load({}).DOCS_ACCESS).toBe('public');
  });

  it.each([
    [{ NODE_ENV: 'development' }, 'public'],
    [{ NODE_ENV: 'test' }, 'public'],
    [{ NODE_ENV: 'production' }, 'off'],
    [{ NODE_ENV: 'production', METRICS_TOKEN: TOKEN }, 'token'],
    [{ NODE_ENV: 'development', METRICS_TOKEN: TOKEN }, 'token'],
    [{ NODE_ENV: 'production', METRICS_ACCESS: 'public' }, 'public'],
    [{ NODE_ENV: 'production', METRICS_ACCESS: 'admin', METRICS_TOKEN: TOKEN }, 'admin'],
  ] as const)('closes /metrics by default in production: %j → %s', (vars, mode) => {
    expect(metricsAccessOf(load(vars))).toBe(mode);
  });
});
