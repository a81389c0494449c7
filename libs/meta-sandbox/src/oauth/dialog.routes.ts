import type { Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { VERSION_PATTERN } from '../core/versions';
import { consentPage, errorPage } from './dialog-page';
import { decideConsent } from './consent-decision';
import { openLoginDialog } from './dialog-request';

/**
 * `/{version}/dialog/oauth`: Meta's login dialog, as a real page with Continue and Cancel, for Facebook Login
 * (`scope`) and Facebook Login for Business (`config_id`).
 */
export function registerDialogRoutes(router: Router, runtime: SandboxRuntime): void {
  router.get('/:version/dialog/oauth', (req, res, next) => {
    if (!VERSION_PATTERN.test(String(req.params['version']))) return next();
    const outcome = openLoginDialog(runtime, req.query, `/${req.params['version']}/dialog/oauth/decide`);
    if (outcome.kind === 'error') {
      res.status(400).type('html').send(errorPage(outcome.title, outcome.message));
      return;
    }
    res.type('html').send(consentPage(outcome.view));
  });
  router.post('/:version/dialog/oauth/decide', (req, res, next) => {
    if (!VERSION_PATTERN.test(String(req.params['version']))) return next();
    const result = decideConsent(runtime, (req.body ?? {}) as Record<string, unknown>);
    if ('error' in result) {
      res
        .status(400)
        .type('html')
        .send(errorPage(result.title ?? 'This dialog has expired', result.error));
      return;
    }
    res.redirect(302, result.location);
  });
}
