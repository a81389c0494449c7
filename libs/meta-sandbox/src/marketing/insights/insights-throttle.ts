import type { GraphContext } from '../../core/graph-context';
import { GraphError } from '../../core/graph-error';
import { UsageTracker } from '../../core/usage-tracker';
import { insightsState } from './insights-state';

/**
 * `x-fb-ads-insights-throttle` on insights responses (https://developers.facebook.com/docs/marketing-api/insights/best-practices/):
 * the app's and the account's share of the insights budget, in percent. The control surface can force both.
 */
export function insightsThrottleHeader(ctx: GraphContext, accountId: string): void {
  const usage = ctx.runtime.usage;
  const forced = insightsState(ctx.world).throttle;
  const app = ctx.identity ? usage.usage(UsageTracker.appKey(ctx.identity.app.id)) : undefined;
  const account = usage.usage(UsageTracker.bucKey('ads_insights', accountId));
  ctx.responseHeaders['x-fb-ads-insights-throttle'] = JSON.stringify({
    app_id_util_pct: Math.max(app ? Math.max(app.callPct, app.timePct) : 0, forced?.appPct ?? 0),
    acc_id_util_pct: Math.max(account.callPct, account.timePct, forced?.accountPct.get(accountId) ?? forced?.accountPct.get('*') ?? 0),
    ads_api_access_tier: 'development_access',
  });
}

/**
 * A forced throttle at 100 % refuses insights calls the way Meta does
 * (https://developers.facebook.com/docs/marketing-api/insights/error-codes/): code 4 subcode 1504022 "Too Many API
 * Requests", or #17 "User request limit reached" (subcode 2446079 on ads calls). The BUC form, 80000, is produced by
 * the usage tracker itself (the control surface forces the account's ads_insights scope).
 */
export function checkInsightsThrottle(ctx: GraphContext, accountId: string): void {
  const forced = insightsState(ctx.world).throttle;
  if (!forced || forced.code === 80000) return;
  const pct = Math.max(forced.appPct, forced.accountPct.get(accountId) ?? forced.accountPct.get('*') ?? 0);
  if (pct < 100) return;
  if (forced.code === 17)
    throw new GraphError({ code: 17, subcode: 2446079, message: '(#17) User request limit reached', isTransient: true });
  throw new GraphError({
    code: 4,
    subcode: 1504022,
    message: '(#4) Application request limit reached',
    isTransient: true,
    userTitle: 'Too Many API Requests',
    userMessage: 'Your app has exceeded the allowed number of API requests. Wait before retrying.',
  });
}
