import type { NodeTypeSpec } from '../../core/graph-registry';
import type { World } from '../../world/world';
import type { ReportRunRecord } from './report-runs';
import { GraphError } from '../../core/graph-error';
import { canSeeAdAccount } from '../../assets/asset-access';
import { ADS_READ, adsInsightsUsage } from '../marketing-access';
import { marketing } from '../marketing-state';
import { progressOf, reportRuns } from './report-runs';
import { checkInsightsThrottle, insightsThrottleHeader } from './insights-throttle';
import { InsightsReport } from './insights-report';
import { insightsState } from './insights-state';

const unix = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms / 1000));

/**
 * Error details a failed job exposes (https://developers.facebook.com/docs/marketing-api/insights/error-codes/:
 * -2/2490547 "Report Failed").
 */
const failed = (run: ReportRunRecord, now: number) => progressOf(run, now).status === 'Job Failed';

/** A finished job's report, kept while nothing changed, so paging through it does not rebuild it for every page. */
const reports = new WeakMap<ReportRunRecord, { revision: string; report: InsightsReport }>();

function reportOf(world: World, run: ReportRunRecord): InsightsReport {
  const revision = `${marketing(world).revision}/${insightsState(world).revision}`;
  let cached = reports.get(run);
  if (!cached || cached.revision !== revision) {
    cached = { revision, report: new InsightsReport(world, run.scope, run.query, run.createdAt, true) };
    reports.set(run, cached);
  }
  return cached.report;
}

/** `GET /{report_run_id}`: poll until `async_status` is "Job Completed" (percent may reach 100 earlier). */
export const reportRunNode: NodeTypeSpec<ReportRunRecord> = {
  type: 'AdReportRun',
  load: (id, world) => reportRuns(world).runs.get(id),
  idOf: (run) => run.id,
  visible: (run, ctx) => canSeeAdAccount(ctx, run.scope.account.accountId),
  access: ADS_READ,
  usage: (run) => adsInsightsUsage(run.scope.account.accountId),
  defaultFields: ['id', 'account_id', 'time_ref', 'time_completed', 'async_status', 'async_percent_completion', 'date_start', 'date_stop'],
  fields: {
    id: (run) => run.id,
    account_id: (run) => run.scope.account.accountId,
    time_ref: (run) => unix(run.createdAt),
    time_completed: (run, ctx) => unix(progressOf(run, ctx.runtime.clock.now()).completedAt) ?? 0,
    async_status: (run, ctx) => progressOf(run, ctx.runtime.clock.now()).status,
    async_percent_completion: (run, ctx) => progressOf(run, ctx.runtime.clock.now()).percent,
    is_running: (run, ctx) => ['Job Started', 'Job Running'].includes(progressOf(run, ctx.runtime.clock.now()).status),
    date_start: (run) => run.query.range.since,
    date_stop: (run) => run.query.range.until,
    error_code: (run, ctx) => (failed(run, ctx.runtime.clock.now()) ? -2 : undefined),
    error_subcode: (run, ctx) => (failed(run, ctx.runtime.clock.now()) ? 2490547 : undefined),
    error_message: (run, ctx) =>
      failed(run, ctx.runtime.clock.now())
        ? 'The report failed to run. Please try again or split the report into smaller ones.'
        : undefined,
    error_user_title: (run, ctx) => (failed(run, ctx.runtime.clock.now()) ? 'Report failed' : undefined),
    error_user_msg: (run, ctx) =>
      failed(run, ctx.runtime.clock.now())
        ? 'Your report could not be completed. Try again, or request less data (fewer days, objects or breakdowns).'
        : undefined,
  },
  edges: {
    insights: {
      list: {
        itemType: 'AdsInsights',
        maxLimit: 500,
        page: (run, ctx, _modifiers, request) => {
          insightsThrottleHeader(ctx, run.scope.account.accountId);
          checkInsightsThrottle(ctx, run.scope.account.accountId);
          const status = progressOf(run, ctx.runtime.clock.now()).status;
          if (status !== 'Job Completed') {
            // Wording is ours: reading results of an unfinished job is refused
            // (https://developers.facebook.com/docs/marketing-api/insights/best-practices).
            throw new GraphError({
              code: 100,
              message: `(#100) Report run ${run.id} is not complete (async_status: ${status}); poll it until Job Completed`,
            });
          }
          return reportOf(ctx.world, run).page(request);
        },
      },
    },
  },
};
