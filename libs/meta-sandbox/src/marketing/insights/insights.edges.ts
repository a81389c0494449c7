import type { GraphContext } from '../../core/graph-context';
import type { EdgeSpec, GraphRegistry } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord, AdSetRecord, CampaignRecord } from '../marketing-state';
import { ADS_READ, accountOf, adsInsightsUsage } from '../marketing-access';
import { InsightsReport } from './insights-report';
import { InsightsScope, insightsParams, parseInsightsQuery } from './insights-query';
import { queueReportRun } from './report-runs';
import { checkInsightsThrottle, insightsThrottleHeader } from './insights-throttle';
import { insightsRowNode } from './insights-row.node';
import { reportRunNode } from './report-run.node';

/**
 * `POST …/insights`: the same params, answered with a `report_run_id` to poll
 * (https://developers.facebook.com/docs/marketing-api/insights/best-practices).
 */
function asyncInsights(ctx: GraphContext, scope: InsightsScope) {
  insightsThrottleHeader(ctx, scope.account.accountId);
  checkInsightsThrottle(ctx, scope.account.accountId);
  const params = insightsParams(ctx);
  const query = parseInsightsQuery(ctx, params, scope, true);
  const now = ctx.runtime.clock.now();
  const report = new InsightsReport(ctx.world, scope, query, now, true);
  return { report_run_id: queueReportRun(ctx.world, now, scope, query, report.cells).id };
}

/**
 * Sync reads page lazily: the list-edge modifiers are the query params for `/insights`, or
 * `insights.date_preset(…)` inside `fields`.
 */
function insightsEdge<T>(scopeOf: (target: T, ctx: GraphContext) => InsightsScope, accountIdOf: (target: T) => string): EdgeSpec<T> {
  return {
    list: {
      access: ADS_READ,
      usage: (target) => adsInsightsUsage(accountIdOf(target)),
      itemType: 'AdsInsights',
      maxLimit: 500,
      page: (target, ctx, modifiers, request) => {
        const scope = scopeOf(target, ctx);
        insightsThrottleHeader(ctx, scope.account.accountId);
        checkInsightsThrottle(ctx, scope.account.accountId);
        const query = parseInsightsQuery(ctx, modifiers, scope, false);
        return new InsightsReport(ctx.world, scope, query, ctx.runtime.clock.now(), false).page(request);
      },
    },
    create: {
      access: ADS_READ,
      usage: (target) => adsInsightsUsage(accountIdOf(target)),
      handle: (ctx, target) => asyncInsights(ctx, scopeOf(target, ctx)),
    },
  };
}

/** Sync and async insights on ad accounts, campaigns, ad sets and ads, and the report runs they queue. */
export function registerInsights(registry: GraphRegistry): void {
  registry.node(insightsRowNode);
  registry.node(reportRunNode);
  registry.edge<AdAccountRecord>(
    'AdAccount',
    'insights',
    insightsEdge(
      (account) => ({ account, nodeLevel: 'account' }),
      (account) => account.accountId,
    ),
  );
  registry.edge<CampaignRecord>(
    'Campaign',
    'insights',
    insightsEdge(
      (c, ctx) => ({ account: accountOf(ctx, c.accountId), nodeLevel: 'campaign', campaignId: c.id }),
      (c) => c.accountId,
    ),
  );
  registry.edge<AdSetRecord>(
    'AdSet',
    'insights',
    insightsEdge(
      (a, ctx) => ({ account: accountOf(ctx, a.accountId), nodeLevel: 'adset', campaignId: a.campaignId, adsetId: a.id }),
      (a) => a.accountId,
    ),
  );
  registry.edge<AdRecord>(
    'Ad',
    'insights',
    insightsEdge(
      (ad, ctx) => ({ account: accountOf(ctx, ad.accountId), nodeLevel: 'ad', adId: ad.id }),
      (ad) => ad.accountId,
    ),
  );
}
