import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SandboxOptions, resolveOptions } from './options';
import { SandboxRuntime } from './core/sandbox-runtime';
import { SandboxControl } from './control/sandbox-control';
import { controlRouter } from './control/control.routes';
import { createApp } from './http/create-app';
import { createModules } from './modules';
import { DemoLeadTicker } from './demo/demo-lead-ticker';
import { RememberedStateFile } from './world/remembered-state';

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`: use as Graph base URL (`${url}/v25.0/…`) and login dialog host. */
  url: string;
  port: number;
  appId: string;
  appSecret: string;
  verifyToken: string;
  control: SandboxControl;
  close(): Promise<void>;
}

/** Starts a sandbox in this process; port 0 (the default) picks a free port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const { modules, webhooks } = createModules();
  const runtime = new SandboxRuntime(resolved, modules);
  // Before the first request: what Meta remembered from the last run (see remembered-state.ts) is back.
  const remembered = resolved.stateFile ? new RememberedStateFile(resolved.stateFile, () => runtime.world) : null;
  remembered?.restore();
  remembered?.start();
  const control = new SandboxControl(runtime, webhooks.delivery);
  const pages = express.Router();
  for (const module of modules) module.routes?.(pages, runtime);
  const app = createApp(runtime, pages, controlRouter(runtime, control, modules));
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const ticker = new DemoLeadTicker(runtime);
  ticker.start(resolved.demoLeadIntervalSeconds);
  return {
    url: `http://${resolved.host}:${port}`,
    port,
    appId: resolved.appId,
    appSecret: resolved.appSecret,
    verifyToken: resolved.verifyToken,
    control,
    async close() {
      ticker.stop();
      remembered?.stop();
      for (const module of modules) await module.close?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
