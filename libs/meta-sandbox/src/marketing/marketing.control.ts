import type { Request, Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { ControlError } from '../control/control-error';
import { marketing } from './marketing-state';
import { MarketingControl } from './control/marketing-control';
import { catalogControlRoutes } from './catalogs/catalog-control.routes';
import { conversionsControlRoutes } from './conversions/conversions-control.routes';

const body = (req: Request): Record<string, any> => (req.body && typeof req.body === 'object' ? req.body : {});

const optionalNumber = (value: unknown, name: string): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new ControlError(`${name} must be a number`);
  return number;
};

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new ControlError(`${name} must be a string`);
  return String(value);
};

/**
 * `/__sandbox` endpoints for the Marketing API (the in-process twin is `sandbox.control.marketing`):
 * - `GET /marketing`: object counts per ad account and the review time;
 * - `PATCH /marketing/objects/:id`, `DELETE /marketing/objects/:id`: out-of-band changes ("paused in Ads Manager");
 * - `POST /marketing/ads/:id/disapprove|approve`, `POST|DELETE /marketing/objects/:id/issues`;
 * - `PUT /marketing/review`: how long new ads stay in review;
 * - `POST /marketing/insights/restate`, `PUT|DELETE /marketing/insights/throttle`, `PUT /marketing/insights/report-runs`,
 *   `POST /marketing/insights/report-runs/:id`;
 * - `POST /marketing/large-account`: a benchmark-sized account;
 * - `/catalogs…` (catalogs/catalog-control.routes.ts) and `/capi…` (conversions/conversions-control.routes.ts).
 * `POST /insights/restate` and `POST /insights/report-failures {count}` are kept as older spellings.
 */
export function marketingControl(router: Router, runtime: SandboxRuntime): void {
  const control = new MarketingControl(runtime);
  router.get('/marketing', (_req, res) => {
    const state = marketing(runtime.world);
    const perAccount = [...runtime.world.adAccounts.keys()].map((accountId) => ({
      id: `act_${accountId}`,
      campaigns: state.index.campaignsByAccount.get(accountId)?.length ?? 0,
      adsets: state.index.adsetsByAccount.get(accountId)?.length ?? 0,
      ads: state.index.adsByAccount.get(accountId)?.length ?? 0,
    }));
    res.json({ adAccounts: perAccount, reviewSeconds: state.reviewMs / 1000 });
  });
  router.patch('/marketing/objects/:id', (req, res) => {
    const { status, name, dailyBudget, lifetimeBudget, endTime } = body(req);
    res.json(
      control.change(req.params['id'], {
        status: optionalString(status, 'status'),
        name: optionalString(name, 'name'),
        dailyBudget: optionalNumber(dailyBudget, 'dailyBudget'),
        lifetimeBudget: optionalNumber(lifetimeBudget, 'lifetimeBudget'),
        endTime: typeof endTime === 'number' ? endTime : optionalString(endTime, 'endTime'),
      }),
    );
  });
  router.delete('/marketing/objects/:id', (req, res) => res.json(control.change(req.params['id'], { status: 'DELETED' })));
  router.post('/marketing/ads/:id/disapprove', (req, res) => {
    control.disapprove(req.params['id'], {
      policy: optionalString(body(req).policy, 'policy'),
      message: optionalString(body(req).message, 'message'),
    });
    res.json({ success: true });
  });
  router.post('/marketing/ads/:id/approve', (req, res) => {
    control.approve(req.params['id']);
    res.json({ success: true });
  });
  router.post('/marketing/objects/:id/issues', (req, res) => {
    const { summary, message, errorCode, type } = body(req);
    control.addIssue(req.params['id'], {
      summary,
      message: optionalString(message, 'message'),
      errorCode: optionalNumber(errorCode, 'errorCode'),
      type,
    });
    res.status(201).json({ success: true });
  });
  router.delete('/marketing/objects/:id/issues', (req, res) => {
    control.clearIssues(req.params['id']);
    res.json({ success: true });
  });
  router.put('/marketing/review', (req, res) => {
    control.setReviewSeconds(optionalNumber(body(req).seconds, 'seconds') ?? NaN);
    res.json({ success: true });
  });
  const restate = (req: Request) => {
    const { date, adId, accountId, spendFactor, leadsDelta } = body(req);
    return control.restate({
      date: optionalString(date, 'date'),
      adId: optionalString(adId, 'adId'),
      accountId: optionalString(accountId, 'accountId'),
      spendFactor: optionalNumber(spendFactor, 'spendFactor'),
      leadsDelta: optionalNumber(leadsDelta, 'leadsDelta'),
    });
  };
  router.post('/marketing/insights/restate', (req, res) => res.json(restate(req)));
  router.post('/insights/restate', (req, res) => res.json(restate(req)));
  router.put('/marketing/insights/throttle', (req, res) => {
    const { accountId, accountPct, appPct, code } = body(req);
    control.throttleInsights({
      accountId: optionalString(accountId, 'accountId'),
      accountPct: optionalNumber(accountPct, 'accountPct'),
      appPct: optionalNumber(appPct, 'appPct'),
      code: optionalNumber(code, 'code'),
    });
    res.json({ success: true });
  });
  router.delete('/marketing/insights/throttle', (_req, res) => {
    control.clearInsightsThrottle();
    res.json({ success: true });
  });
  router.put('/marketing/insights/report-runs', (req, res) => {
    const { fail, skip, durationSeconds } = body(req);
    res.json(
      control.setReportRuns({
        fail: optionalNumber(fail, 'fail'),
        skip: optionalNumber(skip, 'skip'),
        durationSeconds: durationSeconds === null ? null : optionalNumber(durationSeconds, 'durationSeconds'),
      }),
    );
  });
  router.post('/insights/report-failures', (req, res) => {
    const count = optionalNumber(body(req).count, 'count') ?? 1;
    res.json({ failNext: control.setReportRuns({ fail: count }).failNext });
  });
  router.post('/marketing/insights/report-runs/:id', (req, res) => {
    control.endReportRun(req.params['id'], body(req).outcome);
    res.json({ success: true });
  });
  router.post('/marketing/large-account', (req, res) => {
    const { accountId, campaigns, adsetsPerCampaign, adsPerAdset, historyDays } = body(req);
    res.status(201).json(
      control.buildLargeAccount({
        accountId: optionalString(accountId, 'accountId') ?? '',
        campaigns: optionalNumber(campaigns, 'campaigns'),
        adsetsPerCampaign: optionalNumber(adsetsPerCampaign, 'adsetsPerCampaign'),
        adsPerAdset: optionalNumber(adsPerAdset, 'adsPerAdset'),
        historyDays: optionalNumber(historyDays, 'historyDays'),
      }),
    );
  });
  catalogControlRoutes(router, runtime);
  conversionsControlRoutes(router, runtime);
}
