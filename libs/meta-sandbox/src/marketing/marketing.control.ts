import type { Router } from 'express';
import type { SandboxRuntime } from '../core/sandbox-runtime';
import { ControlError } from '../control/sandbox-control';
import { graphTime } from '../core/clock';
import { marketing } from './marketing-state';
import { reportRuns } from './insights/report-runs';
import { conversions } from './conversions/dataset-state';

/**
 * `/__sandbox` endpoints for the Marketing API:
 * - `POST /insights/restate`: restate the unsettled recent days now (their numbers move), without moving the clock;
 * - `POST /insights/report-failures {count}`: the next N async report runs end in "Job Failed";
 * - `GET /capi/events?datasetId=`: the Conversions API events received.
 */
export function marketingControl(router: Router, runtime: SandboxRuntime): void {
  router.post('/insights/restate', (_req, res) => {
    const state = marketing(runtime.world);
    state.restatementRevision += 1;
    res.json({ revision: state.restatementRevision });
  });
  router.post('/insights/report-failures', (req, res) => {
    const count = Number((req.body as Record<string, unknown> | undefined)?.['count'] ?? 1);
    if (!Number.isInteger(count) || count < 0) throw new ControlError('count must be a non-negative integer');
    reportRuns(runtime.world).failNext = count;
    res.json({ failNext: count });
  });
  router.get('/capi/events', (req, res) => {
    const datasetId = typeof req.query['datasetId'] === 'string' ? req.query['datasetId'] : undefined;
    const events = conversions(runtime.world).events.filter((entry) => !datasetId || entry.datasetId === datasetId);
    res.json({
      data: events.map((entry) => ({
        datasetId: entry.datasetId,
        receivedAt: graphTime(entry.receivedAt),
        fbtraceId: entry.fbtraceId,
        testEventCode: entry.testEventCode,
        matchedLeadId: entry.matchedLeadId,
        discarded: entry.discarded,
        event: entry.event,
      })),
    });
  });
}
