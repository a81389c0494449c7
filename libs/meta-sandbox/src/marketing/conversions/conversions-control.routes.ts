import type { Router } from 'express';
import type { SandboxRuntime } from '../../core/sandbox-runtime';
import { body, optionalBoolean, optionalNumber, optionalString, queryString } from '../../control/control-params';
import { ConversionsControl } from './conversions-control';

/**
 * `/__sandbox/capi` (the in-process twin is `sandbox.control.conversions`):
 * - `GET /capi/datasets`: datasets with received, deduplicated, discarded and test event counts;
 * - `GET /capi/events?datasetId=&eventName=&since=&limit=`: live events with their deduplication result;
 * - `GET /capi/test-events?datasetId=&testEventCode=`: the "Test events" view;
 * - `DELETE /capi/events?datasetId=`: forget received events;
 * - `POST /capi/failures {code, subcode?, rate?, times?, datasetId?}`, `GET`, `DELETE`: failing sends.
 */
export function conversionsControlRoutes(router: Router, runtime: SandboxRuntime): void {
  const control = new ConversionsControl(runtime);
  router.get('/capi/datasets', (_req, res) => res.json({ data: control.datasets() }));
  router.get('/capi/events', (req, res) =>
    res.json({
      data: control.events({
        datasetId: queryString(req, 'datasetId'),
        test: optionalBoolean(queryString(req, 'test'), 'test'),
        testEventCode: queryString(req, 'testEventCode'),
        eventName: queryString(req, 'eventName'),
        since: optionalNumber(queryString(req, 'since'), 'since'),
        limit: optionalNumber(queryString(req, 'limit'), 'limit'),
      }),
    }),
  );
  router.get('/capi/test-events', (req, res) =>
    res.json({
      data: control.events({ datasetId: queryString(req, 'datasetId'), test: true, testEventCode: queryString(req, 'testEventCode') }),
    }),
  );
  router.delete('/capi/events', (req, res) => {
    control.clear(queryString(req, 'datasetId'));
    res.json({ success: true });
  });
  router.get('/capi/failures', (_req, res) => res.json({ data: control.failures() }));
  router.post('/capi/failures', (req, res) => {
    const { code, subcode, rate, times, datasetId } = body(req);
    control.failSends({
      code: optionalNumber(code, 'code') ?? NaN,
      subcode: optionalNumber(subcode, 'subcode'),
      rate: optionalNumber(rate, 'rate'),
      times: optionalNumber(times, 'times'),
      datasetId: optionalString(datasetId, 'datasetId'),
    });
    res.status(201).json({ success: true });
  });
  router.delete('/capi/failures', (_req, res) => {
    control.clearFailures();
    res.json({ success: true });
  });
}
