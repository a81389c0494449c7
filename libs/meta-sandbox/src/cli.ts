#!/usr/bin/env node
import { cliOptions } from './cli-options';
import { startSandbox } from './start-sandbox';

/** `npm run sandbox`: the sandbox on SANDBOX_PORT (default 4010), for demos and manual testing. */
async function main(): Promise<void> {
  const options = cliOptions(process.env);
  const sandbox = await startSandbox(options);
  const demoInterval = options.demoLeadIntervalSeconds;
  const lines = [
    'Meta sandbox running (a local imitation of Meta; nothing here reaches Facebook)',
    `  Graph API        ${sandbox.url}/v25.0/`,
    `  Login dialog     ${sandbox.url}/v25.0/dialog/oauth`,
    `  Control surface  ${sandbox.url}/__sandbox`,
    `  App id           ${sandbox.appId}`,
    // Printed on purpose: this is the sandbox's own throwaway app, which the backend must be configured with.
    `  App secret       ${sandbox.appSecret}`,
    `  Verify token     ${sandbox.verifyToken}`,
    `  Redirect URIs    ${options.redirectUris.join(', ')}`,
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
