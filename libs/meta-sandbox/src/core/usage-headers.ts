import { UsageTracker } from './usage-tracker';
import { UsageCharge } from './usage-types';

/** The tier Meta reports on ads_* types; the sandbox app is a development-tier app. */
const ACCESS_TIER = 'development_access';

/**
 * `X-App-Usage`, `X-Business-Use-Case-Usage` and `X-Ad-Account-Usage`
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting): JSON strings of whole percents, regain
 * time in minutes, reset duration in seconds. BUC and ad account headers appear only after a few calls, or at once
 * for a scope that is over its budget.
 */
export function usageHeaders(tracker: UsageTracker, appId: string | undefined, charges: UsageCharge[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const warmup = tracker.budgets.headerWarmupCalls;
  if (appId) {
    const app = tracker.usage(UsageTracker.appKey(appId));
    headers['x-app-usage'] = JSON.stringify({ call_count: app.callPct, total_time: app.timePct, total_cputime: app.cpuPct });
  }
  const buc: Record<string, unknown[]> = {};
  const seen = new Set<string>();
  for (const charge of charges) {
    const key = UsageTracker.bucKey(charge.type, charge.objectId);
    if (seen.has(key)) continue;
    seen.add(key);
    const usage = tracker.usage(key);
    // A throttled scope always says so, and when it comes back, whatever its call count.
    if (usage.callCount < warmup && usage.regainMinutes === 0) continue;
    const entry: Record<string, unknown> = {
      type: charge.type,
      call_count: usage.callPct,
      total_cputime: usage.cpuPct,
      total_time: usage.timePct,
      estimated_time_to_regain_access: usage.regainMinutes,
    };
    if (charge.type.startsWith('ads_')) entry['ads_api_access_tier'] = ACCESS_TIER;
    (buc[charge.objectId] ??= []).push(entry);
  }
  if (Object.keys(buc).length > 0) headers['x-business-use-case-usage'] = JSON.stringify(buc);
  const accountId = charges.find((charge) => charge.adAccountId)?.adAccountId;
  if (accountId) {
    const usage = tracker.usage(UsageTracker.accountKey(accountId));
    if (usage.callCount >= warmup || usage.regainMinutes > 0) {
      const oldestAgeSeconds = usage.regainMinutes > 0 ? usage.regainMinutes * 60 : Math.round(usage.windowMs / 1000);
      headers['x-ad-account-usage'] = JSON.stringify({
        acc_id_util_pct: Math.max(usage.callPct, usage.timePct),
        reset_time_duration: usage.callPct >= 100 ? oldestAgeSeconds : 0,
        ads_api_access_tier: ACCESS_TIER,
      });
    }
  }
  return headers;
}
