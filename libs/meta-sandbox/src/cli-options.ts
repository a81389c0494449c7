import { DEFAULT_REDIRECT_URIS, type SandboxOptions } from './options';

export interface CliOptions extends SandboxOptions {
  port: number;
  demoLeadIntervalSeconds: number;
  redirectUris: string[];
}

/** The standalone sandbox's options from its environment (`npm run sandbox`). */
export function cliOptions(env: NodeJS.ProcessEnv): CliOptions {
  const port = Number(env['SANDBOX_PORT'] ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SANDBOX_PORT must be a port number, got ${env['SANDBOX_PORT']}`);
  const demoInterval = Number(env['SANDBOX_DEMO_LEAD_SECONDS'] ?? 0);
  return {
    port,
    host: env['SANDBOX_HOST'] ?? '127.0.0.1',
    seed: env['SANDBOX_SEED'],
    demoLeadIntervalSeconds: Number.isFinite(demoInterval) ? demoInterval : 0,
    redirectUris: redirectUris(env['SANDBOX_REDIRECT_URIS']),
  };
}

/**
 * SANDBOX_REDIRECT_URIS (comma-separated) replaces the defaults; unset or blank keeps them, so the product's default
 * callback works without configuring anything.
 */
function redirectUris(value: string | undefined): string[] {
  const listed = (value ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  return listed.length > 0 ? listed : [...DEFAULT_REDIRECT_URIS];
}
