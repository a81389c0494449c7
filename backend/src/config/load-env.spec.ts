import { EnvValidationError, loadEnv, REPO_ROOT } from './load-env';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
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

describe(loadEnv.name, () => {
  it('needs nothing for the embedded default, and fills the defaults', () => {
    const env = load({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_ROLE).toBe('all');
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.DATA_DIR).toBe(join(REPO_ROOT, '.data'));
    expect(env.META_API_VERSION).toBe('v26.0');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and ignores variables it does not know', () => {
    const env = load({ PORT: '8080', JWT_ACCESS_TTL: '600', HOME: '/root' });
    expect(env.PORT).toBe(8080);
    expect(env.JWT_ACCESS_TTL).toBe(600);
    expect(env).not.toHaveProperty('HOME');
  });

  it('treats an empty value as unset', () => {
    expect(load({ PORT: '', REDIS_URL: '' })).toMatchObject({ PORT: 3000, REDIS_URL: undefined });
  });

  it('names a variable with a bad value', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT']);
    expect(problemsOf({ APP_ROLE: 'scheduler' })).toEqual(['APP_ROLE']);
    expect(problemsOf({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'x'.repeat(40), TOKEN_ENCRYPTION_KEYS: KEY })).toEqual(['DATABASE_URL']);
    expect(problemsOf({ CORS_ORIGINS: 'localhost:4200' })).toEqual(['CORS_ORIGINS']);
    expect(problemsOf({ LOG_FORMAT: 'fancy' })).toEqual(['LOG_FORMAT']);
    expect(load({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('requires the secrets once a real database is configured', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://db/app' });
    expect(problems).toEqual(expect.arrayContaining(['JWT_SECRET', 'TOKEN_ENCRYPTION_KEYS']));
  });

  it('accepts a complete deployment configuration', () => {
    const env = load({ DATABASE_URL: 'postgres://db/app', JWT_SECRET: 'x'.repeat(40), TOKEN_ENCRYPTION_KEYS: KEY });
    expect(env.DATABASE_URL).toBe('postgres://db/app');
  });

  it('rejects malformed encryption keys and short JWT secrets', () => {
    expect(problemsOf({ TOKEN_ENCRYPTION_KEYS: 'k1:short' })).toEqual(['TOKEN_ENCRYPTION_KEYS']);
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET']);
  });

  it('requires the rest of the Meta app settings once META_APP_ID is set', () => {
    expect(problemsOf({ META_APP_ID: '1234' })).toEqual(
      expect.arrayContaining(['META_APP_SECRET', 'META_REDIRECT_URI', 'META_VERIFY_TOKEN']),
    );
  });

  it('takes a previous Meta app secret only beside a different current one', () => {
    expect(load({ META_APP_SECRET: 'new-secret', META_APP_SECRET_PREVIOUS: 'old-secret' }).META_APP_SECRET_PREVIOUS).toBe('old-secret');
    expect(problemsOf({ META_APP_SECRET_PREVIOUS: 'old-secret' })).toEqual(['META_APP_SECRET_PREVIOUS']);
    expect(problemsOf({ META_APP_SECRET: 'same-secret', META_APP_SECRET_PREVIOUS: 'same-secret' })).toEqual(['META_APP_SECRET_PREVIOUS']);
    // The message never repeats a secret.
    expect(() => load({ META_APP_SECRET: 'same-secret', META_APP_SECRET_PREVIOUS: 'same-secret' })).toThrow(/^(?![\s\S]*same-secret)/);
  });

  it('says in its message which variable is wrong and why', () => {
    expect(() => load({ PORT: '70000' })).toThrow(/PORT: .*65535/);
  });

  it('reads values from an env file, with the real environment winning', () => {
    const { mkdtempSync, writeFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n');
    const env = loadEnv({ LOG_LEVEL: 'warn' }, { envFile: file });
    expect(env.PORT).toBe(4000);
    expect(env.LOG_LEVEL).toBe('warn');
  });
});
