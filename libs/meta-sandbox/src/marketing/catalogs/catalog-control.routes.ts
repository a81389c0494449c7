import type { Router } from 'express';
import type { SandboxRuntime } from '../../core/sandbox-runtime';
import { ControlError } from '../../control/control-error';
import { body, optionalNumber, optionalString, queryString } from '../../control/control-params';
import { CatalogControl } from './catalog-control';

/**
 * `/__sandbox/catalogs` (the in-process twin is `sandbox.control.catalogs`):
 * - `GET /catalogs`: catalogs with item counts and call counters; `DELETE /catalogs/counters` zeroes the counters;
 * - `PUT /catalogs/batches`: how long new batches take, how many of the next ones fail; `GET /catalogs/batches`;
 * - `POST /catalogs/batches/:handle`: end one batch now (`finished` or `error`);
 * - `POST|DELETE /catalogs/item-errors`: plant or clear item-level errors;
 * - `POST /catalogs/:id/items`, `DELETE /catalogs/:id/items`: items made elsewhere.
 */
export function catalogControlRoutes(router: Router, runtime: SandboxRuntime): void {
  const control = new CatalogControl(runtime);
  router.get('/catalogs', (_req, res) => res.json({ data: control.list() }));
  router.delete('/catalogs/counters', (_req, res) => {
    control.resetCounters();
    res.json({ success: true });
  });
  router.get('/catalogs/batches', (req, res) => res.json({ data: control.batches(queryString(req, 'catalogId')) }));
  router.put('/catalogs/batches', (req, res) => {
    const { startedSeconds, durationSeconds, failNext, failMessage } = body(req);
    res.json(
      control.setBatches({
        startedSeconds: optionalNumber(startedSeconds, 'startedSeconds'),
        durationSeconds: optionalNumber(durationSeconds, 'durationSeconds'),
        failNext: optionalNumber(failNext, 'failNext'),
        failMessage: optionalString(failMessage, 'failMessage'),
      }),
    );
  });
  router.post('/catalogs/batches/:handle', (req, res) => {
    control.endBatch(req.params['handle'], body(req).outcome, optionalString(body(req).message, 'message'));
    res.json({ success: true });
  });
  router.post('/catalogs/item-errors', (req, res) => {
    const { catalogId, retailerId, message, times } = body(req);
    control.injectItemError({
      catalogId: optionalString(catalogId, 'catalogId'),
      retailerId: optionalString(retailerId, 'retailerId') ?? '',
      message: optionalString(message, 'message'),
      times: optionalNumber(times, 'times'),
    });
    res.status(201).json({ success: true });
  });
  router.delete('/catalogs/item-errors', (_req, res) => {
    control.clearItemErrors();
    res.json({ success: true });
  });
  router.post('/catalogs/:id/items', (req, res) => res.status(201).json({ data: control.addItems(req.params['id'], body(req).items) }));
  router.delete('/catalogs/:id/items', (req, res) => {
    const { retailerIds } = body(req);
    if (!Array.isArray(retailerIds)) throw new ControlError('retailerIds must be an array of strings');
    res.json({ removed: control.removeItems(req.params['id'], retailerIds) });
  });
}
