import type { Request, Router } from 'express';
import type { SandboxControl } from './sandbox-control';
import { ControlError } from './control-error';

const body = (req: Request): Record<string, any> => (req.body && typeof req.body === 'object' ? req.body : {});
const param = (req: Request, name: string): string => String(req.params[name]);

/** `/__sandbox/app`, `/__sandbox/pages/:pageId/…`, `/__sandbox/webhooks/callback-url`, `/__sandbox/login-configurations`. */
export function appSetupRoutes(router: Router, control: SandboxControl): void {
  const setup = control.setup;
  router.get('/app', (_req, res) => res.json(setup.settings()));
  router.put('/app', (req, res) => {
    const { redirectUris, requireAppsecretProof, mode, permissionAccess } = body(req);
    if (redirectUris !== undefined && (!Array.isArray(redirectUris) || redirectUris.some((uri) => typeof uri !== 'string'))) {
      throw new ControlError('redirectUris must be an array of strings');
    }
    if (mode !== undefined) setup.setMode(mode);
    if (permissionAccess !== undefined) setup.setPermissionAccess(permissionAccess);
    control.setApp({ redirectUris, requireAppsecretProof });
    res.json(setup.settings());
  });
  router.put('/app/roles/:userId', (req, res) => {
    setup.setRole(param(req, 'userId'), body(req).role);
    res.json(setup.settings());
  });
  router.delete('/app/roles/:userId', (req, res) => {
    setup.removeRole(param(req, 'userId'));
    res.json(setup.settings());
  });
  router.put('/pages/:pageId/tasks', (req, res) => {
    const { tasks, userId } = body(req);
    if (userId !== undefined && typeof userId !== 'string') throw new ControlError('userId must be a string');
    setup.setPageTasks(param(req, 'pageId'), tasks, userId);
    res.json({ success: true });
  });
  router.get('/pages/:pageId/leads-access', (req, res) => res.json({ data: setup.leadsAccess(param(req, 'pageId')) }));
  router.put('/pages/:pageId/leads-access', (req, res) => res.json({ data: setup.setLeadsAccess(param(req, 'pageId'), req.body) }));
  router.delete('/pages/:pageId/leads-access', (req, res) => {
    setup.clearLeadsAccess(param(req, 'pageId'));
    res.json({ success: true });
  });
  router.put('/webhooks/callback-url', (req, res) => {
    setup.setCallbackUrl(body(req).callbackUrl);
    res.json({ success: true });
  });
  router.get('/login-configurations', (_req, res) => res.json({ data: setup.loginConfigurations() }));
  router.post('/login-configurations', (req, res) => res.status(201).json(setup.addLoginConfiguration(req.body)));
  router.delete('/login-configurations/:id', (req, res) => {
    setup.removeLoginConfiguration(param(req, 'id'));
    res.json({ success: true });
  });
}
