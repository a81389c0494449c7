import express, { Express, Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { FAVICON_PATH, favicon } from './favicon';
import { bodyErrorHandler, graphHandler } from './graph-http';
import { jsonBody } from './json-body';

/**
 * The sandbox's HTTP surface: `/__sandbox` (control, JSON), the favicon and the pages modules serve (the login
 * dialog), and everything else as Graph API.
 */
export function createApp(runtime: SandboxRuntime, pages: Router, control: Router): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(express.urlencoded({ extended: false, limit: '10mb' }));
  app.use(jsonBody('10mb'));
  // Image uploads: Meta takes files up to 30 MB; the Graph handler reads the parts (`http/multipart.ts`).
  app.use(express.raw({ type: 'multipart/form-data', limit: '32mb' }));
  app.use('/__sandbox', control);
  app.get(FAVICON_PATH, favicon);
  app.use(pages);
  app.use(graphHandler(runtime));
  app.use(bodyErrorHandler);
  return app;
}
