import express, { NextFunction, Request, Response, Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { SandboxModule } from '../core/sandbox-module';
import { ControlError, SandboxControl } from './sandbox-control';
import { validBudgets, validFaults } from './control-validation';
import { appSetupRoutes } from './app-setup.routes';

const body = (req: Request): Record<string, any> => (req.body && typeof req.body === 'object' ? req.body : {});

const optionalNumber = (value: unknown, name: string): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new ControlError(`${name} must be a number`);
  return number;
};

const stringRecord = (value: unknown, name: string): Record<string, string> | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new ControlError(`${name} must be an object of strings`);
  }
  return value as Record<string, string>;
};

/** `/__sandbox`: JSON endpoints for tests and demos, apart from Meta's paths. */
export function controlRouter(runtime: SandboxRuntime, control: SandboxControl, modules: SandboxModule[]): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    const now = runtime.clock.now();
    res.json({
      appId: runtime.world.app.id,
      appName: runtime.world.app.name,
      seed: runtime.world.seed,
      scenario: runtime.world.scenario,
      now: control.now(),
      versions: {
        latest: runtime.versions.latest(now),
        graph: runtime.versions.available('graph', now).map((v) => v.version),
        marketing: runtime.versions.available('marketing', now).map((v) => v.version),
      },
      webhooks: { enabled: runtime.options.webhooks.enabled },
    });
  });
  router.get('/world', (_req, res) => res.json(control.world()));
  router.post('/reset', (req, res) => res.json(control.reset({ seed: body(req).seed, scenario: body(req).scenario })));
  router.post('/leads', (req, res) => {
    const { formId, organic, platform, submittedBy, answers } = body(req);
    const count = optionalNumber(body(req).count, 'count');
    res
      .status(201)
      .json({ data: control.createLeads({ formId, count, organic, platform, submittedBy, answers: stringRecord(answers, 'answers') }) });
  });
  router.get('/faults', (_req, res) => res.json(runtime.faults.config));
  router.put('/faults', (req, res) => {
    control.setFaults(validFaults(req.body));
    res.json(runtime.faults.config);
  });
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.json({ success: true });
  });
  router.post('/throttle', (req, res) => {
    const { scope, objectId, on } = body(req);
    if (typeof scope !== 'string') throw new ControlError('scope is required');
    control.throttle(scope, objectId === undefined ? undefined : String(objectId), on !== false);
    res.json({ success: true });
  });
  router.put('/usage', (req, res) => {
    control.setUsageBudgets(validBudgets(req.body));
    res.json({ success: true });
  });
  router.post('/tokens/invalidate', (req, res) => {
    const { token, userId, reason } = body(req);
    if (!['password_changed', 'logged_out', 'deauthorized', 'expired'].includes(reason)) {
      throw new ControlError('reason must be one of password_changed, logged_out, deauthorized, expired');
    }
    res.json({ invalidated: control.invalidateTokens({ token, userId, reason }) });
  });
  router.put('/webhooks', (req, res) => {
    const { enabled, duplicateRate, retryTimeScale, timeoutMs } = body(req);
    control.setWebhooks({
      ...(enabled !== undefined ? { enabled: Boolean(enabled) } : {}),
      ...(duplicateRate !== undefined ? { duplicateRate: optionalNumber(duplicateRate, 'duplicateRate') } : {}),
      ...(retryTimeScale !== undefined ? { retryTimeScale: optionalNumber(retryTimeScale, 'retryTimeScale') } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs: optionalNumber(timeoutMs, 'timeoutMs') } : {}),
    });
    res.json({ success: true });
  });
  router.post('/webhooks/subscription', async (req, res) => {
    const { callbackUrl, verifyToken, fields, verify } = body(req);
    if (typeof callbackUrl !== 'string') throw new ControlError('callbackUrl is required');
    await control.subscribeWebhook({ callbackUrl, verifyToken, fields, verify });
    res.json({ success: true });
  });
  router.get('/webhooks/deliveries', (_req, res) => res.json({ data: control.deliveries() }));
  router.post('/webhooks/flush', async (_req, res) => res.json({ data: await control.flushWebhooks() }));
  router.get('/calls', (req, res) => {
    const sinceSeq = optionalNumber(req.query['since'], 'since');
    const limit = optionalNumber(req.query['limit'], 'limit');
    const path = typeof req.query['path'] === 'string' ? req.query['path'] : undefined;
    const method = typeof req.query['method'] === 'string' ? req.query['method'] : undefined;
    const calls = control.calls({ sinceSeq, limit, path, method });
    // `count=true`: how many calls match (for example `path=items_batch`), without the entries.
    res.json(req.query['count'] === 'true' ? { count: calls.length } : { data: calls });
  });
  router.get('/counters', (_req, res) => res.json(control.counters()));
  router.post('/clock/advance', (req, res) => {
    const ms = optionalNumber(body(req).ms, 'ms') ?? (optionalNumber(body(req).seconds, 'seconds') ?? 0) * 1000;
    res.json({ now: control.advanceClock(ms) });
  });
  appSetupRoutes(router, control);
  for (const module of modules) module.control?.(router, runtime);
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof ControlError) return res.status(400).json({ error: { message: error.message } });
    const status = (error as { status?: number }).status;
    if (status && status < 500) return res.status(status).json({ error: { message: 'The request body could not be parsed' } });
    console.error('[meta-sandbox] control error', error);
    res.status(500).json({ error: { message: 'Internal sandbox error' } });
  });
  return router;
}
