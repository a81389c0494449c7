/**
 * Meta's rate-limit usage headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 * Values are JSON strings; numbers are whole percent of quota, except `estimated_time_to_regain_access`
 * (minutes) and `reset_time_duration` (seconds). Headers appear only after "enough" calls, so a missing
 * header means "unknown", not zero.
 */

/** `x-app-usage`: the app's platform quota (shared by all users of the app). */
export interface AppUsage {
  callCount: number;
  totalTime: number;
  totalCputime: number;
  maxPct: number;
}

/** `x-ad-account-usage`: the ad account the call addressed. */
export interface AdAccountUsage {
  utilPct: number;
  resetTimeMs: number;
  accessTier?: string;
}

/** One entry of `x-business-use-case-usage`, keyed by business object id (ad account, page, business). */
export interface BusinessUseCaseUsage {
  objectId: string;
  type: string;
  maxPct: number;
  regainMs: number;
  accessTier?: string;
}

export interface GraphUsage {
  app?: AppUsage;
  adAccount?: AdAccountUsage;
  businessUseCases: BusinessUseCaseUsage[];
}

/** Parses whichever usage headers are present; malformed ones are ignored rather than failing the call. */
export function parseUsageHeaders(headers: Record<string, string | undefined>): GraphUsage {
  const lower = lowerCaseKeys(headers);
  return {
    app: parseAppUsage(lower['x-app-usage']),
    adAccount: parseAdAccountUsage(lower['x-ad-account-usage']),
    businessUseCases: parseBusinessUseCaseUsage(lower['x-business-use-case-usage']),
  };
}

function parseAppUsage(raw: string | undefined): AppUsage | undefined {
  const json = parseJsonObject(raw);
  if (!json) return undefined;
  const callCount = num(json.call_count);
  const totalTime = num(json.total_time);
  const totalCputime = num(json.total_cputime);
  return { callCount, totalTime, totalCputime, maxPct: Math.max(callCount, totalTime, totalCputime) };
}

function parseAdAccountUsage(raw: string | undefined): AdAccountUsage | undefined {
  const json = parseJsonObject(raw);
  if (!json) return undefined;
  return {
    utilPct: num(json.acc_id_util_pct),
    resetTimeMs: num(json.reset_time_duration) * 1000,
    accessTier: typeof json.ads_api_access_tier === 'string' ? json.ads_api_access_tier : undefined,
  };
}

function parseBusinessUseCaseUsage(raw: string | undefined): BusinessUseCaseUsage[] {
  const json = parseJsonObject(raw);
  if (!json) return [];
  const out: BusinessUseCaseUsage[] = [];
  for (const [objectId, entries] of Object.entries(json)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      out.push({
        objectId,
        type: typeof e.type === 'string' ? e.type : 'unknown',
        maxPct: Math.max(num(e.call_count), num(e.total_time), num(e.total_cputime)),
        regainMs: num(e.estimated_time_to_regain_access) * 60_000,
        accessTier: typeof e.ads_api_access_tier === 'string' ? e.ads_api_access_tier : undefined,
      });
    }
  }
  return out;
}

/** Longest regain time any header announces, in ms (0 when none). */
export function longestRegainMs(usage: GraphUsage, objectIds?: readonly string[]): number {
  const relevant = usage.businessUseCases.filter((b) => !objectIds || objectIds.includes(b.objectId));
  return Math.max(0, ...relevant.map((b) => b.regainMs));
}

function parseJsonObject(raw: string | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function num(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}
