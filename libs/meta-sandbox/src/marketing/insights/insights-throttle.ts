import type { GraphContext } from '../../core/graph-context';
import { UsageTracker } from '../../core/usage-tracker';

/** `x-fb-ads-insights-throttle` on insights responses (notes §6.2): app and account utilization, in percent. */
export function insightsThrottleHeader(ctx: GraphContext, accountId: string): void {
  const usage = ctx.runtime.usage;
  const app = ctx.identity ? usage.usage(UsageTracker.appKey(ctx.identity.app.id)) : undefined;
  const account = usage.usage(UsageTracker.bucKey('ads_insights', accountId));
  ctx.responseHeaders['x-fb-ads-insights-throttle'] = JSON.stringify({
    app_id_util_pct: app ? Math.max(app.callPct, app.timePct) : 0,
    acc_id_util_pct: Math.max(account.callPct, account.timePct),
    ads_api_access_tier: 'development_access',
  });
}
