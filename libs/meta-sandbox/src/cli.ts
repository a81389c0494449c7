#!/usr/bin/env node
import { startSandbox } from './start-sandbox';

/** `npm run sandbox`: the sandbox on SANDBOX_PORT (default 4010), for demos and manual testing. */
async function main(): Promise<void> {
  const port = Number(process.env['SANDBOX_PORT'] ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got ${process.env['SANDBOX_PORT']}`);
  const demoInterval = Number(process.env['SANDBOX_DEMO_LEAD_SECONDS'] ?? 0);
  const sandbox = await startSandbox({
    port,
    host: process.env['SANDBOX_HOST'] ?? '127.0.0.1',
    seed: process.env['SANDBOX_SEED'],
    demoLeadIntervalSeconds: Number.isFinite(demoInterval) ? demoInterval : 0,
    redirectUris: process.env['SANDBOX_REDIRECT_URIS']?.split(',').map((uri) => uri.trim()).filter(Boolean),
  });
  const lines = [
    'Meta sandbox running (a local imitation of Meta; nothing here reaches Facebook)',
    `  Graph API        ${sandbox.url}/v25.0/`,
    `  Login dialog     ${sandbox.url}/v25.0/dialog/oauth`,
    `  Control surface  ${sandbox.url}/__sandbox`,
    `  App id           ${sandbox.appId}`,
    // Printed on purpose: this is the sandbox's own throwaway app, which the backend must be configured with.
    `  App secret       ${sandbox.appSecret}`,
    `  Verify token     ${sandbox.verifyToken}`,
    demoInterval > 0 ? `  Demo leads       one every ${demoInterval} s` : '  Demo leads       off (set SANDBOX_DEMO_LEAD_SECONDS)',
  ];
  console.log(lines.join('\n'));
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
