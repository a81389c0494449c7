import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { EnvSchema } from './env.schema';

/** The repository root: this file sits at backend/{src,dist}/config/, three levels down. */
export const REPO_ROOT = resolve(__dirname, '../../..');

/** Thrown when the environment is invalid; the message names every offending variable and is meant for humans. */
export class EnvValidationError extends Error {
  constructor(readonly problems: { variable: string; messages: string[] }[]) {
    super('Invalid environment configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.messages.join('; ')}`).join('\n'));
    this.name = 'EnvValidationError';
  }
}

export interface LoadEnvOptions {
  /** A dotenv-style file whose values apply where the real environment has none; `false` to read no file. */
  envFile?: string | false;
}

/**
 * Reads, validates and normalises the environment. Only variables the schema declares are taken, so unrelated
 * process variables never leak into config.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, options: LoadEnvOptions = {}): EnvSchema {
  const envFile = options.envFile ?? join(REPO_ROOT, '.env');
  const fromFile = envFile && existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...source };

  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvSchema, '', true, false)
      .map((m) => m.propertyName),
  );
  const picked: Record<string, string> = {};
  for (const name of known) {
    // Empty counts as unset, so `FOO=` in a .env file falls back to the default instead of failing.
    const value = merged[name]?.trim();
    if (value) picked[name] = value;
  }

  const env = plainToInstance(EnvSchema, picked);
  const errors = validateSync(env, { forbidUnknownValues: true });
  if (errors.length) throw new EnvValidationError(errors.map(describe));

  env.DATA_DIR = resolveDataDir(env.DATA_DIR);
  return env;
}

function describe(error: ValidationError): { variable: string; messages: string[] } {
  return { variable: error.property, messages: Object.values(error.constraints ?? { invalid: 'is invalid' }) };
}

function resolveDataDir(dir: string | undefined): string {
  if (!dir) return join(REPO_ROOT, '.data');
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

// --- the environment the running process uses ----------------------------------------------------------------

interface RuntimeEnv {
  env: EnvSchema;
  /** Whether the database is the embedded PostgreSQL (DATABASE_URL was not given). */
  embedded: boolean;
}

let runtime: RuntimeEnv | undefined;

/**
 * Fixes the environment the config namespaces read. main.ts calls it after filling in what embedded mode
 * provides (database URL, generated secrets); tests call it with their own database and queue prefix.
 */
export function useEnv(env: EnvSchema, opts: { embedded: boolean }): void {
  runtime = { env, embedded: opts.embedded };
}

/** The environment in force; loads and validates process.env on first use when nothing was set explicitly. */
export function currentEnv(): RuntimeEnv {
  runtime ??= (() => {
    const env = loadEnv();
    return { env, embedded: !env.DATABASE_URL };
  })();
  return runtime;
}
