import { Injectable } from '@nestjs/common';
import type { DateRange } from '@legeai/contracts';
import { MetaGraphClient, type GraphCallContext, type GraphPage, type GraphParams } from '../../../infra/meta-graph';
import { BREAKDOWN_COLUMNS, type PullUnit } from '../pulls/pull-units';
import { ID_FIELDS, METRIC_FIELDS, type GraphInsightRow } from './insight-rows';

/** Rows per page of an insights answer: Meta's maximum for the edge, so a report is as few requests as it can be. */
export const INSIGHTS_PAGE_SIZE = 500;

/** What one pull spent at Meta, and what it checks before each call (the insights budget). */
export class InsightsCallCounter {
  graphRequests = 0;
  asyncRuns = 0;

  constructor(private readonly beforeCall: () => void = () => undefined) {}

  /** Counts a call about to be made; throws instead when the pull must stop first. */
  spend(): void {
    this.beforeCall();
    this.graphRequests++;
  }
}

/** The account facts a pull needs (https://developers.facebook.com/docs/marketing-api/reference/ad-account). */
export interface GraphAdAccountFacts {
  timezone_name?: string;
  currency?: string;
  attribution_spec?: { event_type?: string; window_days?: number | string }[];
}

/** Where a report run stands (https://developers.facebook.com/docs/marketing-api/insights/best-practices/). */
export interface GraphReportRun {
  id: string;
  async_status?: string;
  async_percent_completion?: number;
  error_code?: number;
  error_message?: string;
  error_user_msg?: string;
}

/** The query of one unit over one range: daily rows, the account's attribution setting, one breakdown at most. */
export function insightsParams(unit: PullUnit, range: DateRange, attributionWindows: string[]): GraphParams {
  const breakdowns = unit.breakdown === 'none' ? [] : BREAKDOWN_COLUMNS[unit.breakdown];
  return {
    level: unit.level,
    fields: [...ID_FIELDS[unit.level], ...METRIC_FIELDS].join(','),
    time_range: { since: range.since, until: range.until },
    // One row per account-local day (https://developers.facebook.com/docs/marketing-api/insights/parameters/).
    time_increment: 1,
    ...(breakdowns.length ? { breakdowns } : {}),
    // Actions counted under the ad account's attribution setting, with its windows named
    // (https://developers.facebook.com/docs/marketing-api/insights/parameters/).
    use_account_attribution_setting: true,
    ...(attributionWindows.length ? { action_attribution_windows: attributionWindows } : {}),
    limit: INSIGHTS_PAGE_SIZE,
  };
}

/**
 * The insights calls of MetaInsights, all through the one Graph client (appsecret_proof, timeouts, retries of
 * transient failures, pacing on the usage headers, tokens never in URLs). Every request is counted.
 */
@Injectable()
export class InsightsGraphApi {
  constructor(private readonly graph: MetaGraphClient) {}

  readAccount(adAccountId: string, ctx: GraphCallContext, counter: InsightsCallCounter): Promise<GraphAdAccountFacts> {
    counter.spend();
    return this.graph.get<GraphAdAccountFacts>(adAccountId, { fields: 'timezone_name,currency,attribution_spec' }, ctx);
  }

  /** A sync read: `GET /act_{id}/insights`, page by page. */
  syncPages(
    adAccountId: string,
    params: GraphParams,
    ctx: GraphCallContext,
    counter: InsightsCallCounter,
  ): AsyncGenerator<GraphInsightRow[]> {
    return this.paged(`${adAccountId}/insights`, params, ctx, counter);
  }

  /** `POST /act_{id}/insights`: queues an async report run; not repeated after a lost answer (it may have been queued). */
  async startRun(adAccountId: string, params: GraphParams, ctx: GraphCallContext, counter: InsightsCallCounter): Promise<string> {
    counter.spend();
    counter.asyncRuns++;
    const answer = await this.graph.post<{ report_run_id?: string }>(`${adAccountId}/insights`, params, { ...ctx, idempotent: false });
    if (!answer.report_run_id) throw new Error('Meta answered the report run request without a report_run_id');
    return answer.report_run_id;
  }

  runStatus(runId: string, ctx: GraphCallContext, counter: InsightsCallCounter): Promise<GraphReportRun> {
    counter.spend();
    return this.graph.get<GraphReportRun>(
      runId,
      { fields: 'id,async_status,async_percent_completion,error_code,error_message,error_user_msg' },
      ctx,
    );
  }

  /** A completed run's rows: `GET /{report_run_id}/insights`, page by page. */
  runPages(runId: string, ctx: GraphCallContext, counter: InsightsCallCounter): AsyncGenerator<GraphInsightRow[]> {
    return this.paged(`${runId}/insights`, { limit: INSIGHTS_PAGE_SIZE }, ctx, counter);
  }

  /** Follows the cursors; only a missing `next` ends the walk (`cursors.after` is present on the last page too). */
  private async *paged(
    path: string,
    params: GraphParams,
    ctx: GraphCallContext,
    counter: InsightsCallCounter,
  ): AsyncGenerator<GraphInsightRow[]> {
    let after: string | undefined;
    for (;;) {
      counter.spend();
      const page = await this.graph.get<GraphPage<GraphInsightRow>>(path, { ...params, ...(after ? { after } : {}) }, ctx);
      yield page.data ?? [];
      if (!page.paging?.next || !page.paging.cursors?.after) return;
      after = page.paging.cursors.after;
    }
  }
}
