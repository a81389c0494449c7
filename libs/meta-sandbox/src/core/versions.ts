import { GraphErrors } from './graph-errors';

/**
 * Graph API versions as data. Meta runs two schedules: Graph API endpoints (pages, login, webhooks;
 * https://developers.facebook.com/docs/graph-api/guides/versioning) and the shorter Marketing API schedule (ads,
 * and lead retrieval, which is documented under the Marketing API;
 * https://developers.facebook.com/docs/marketing-api/versions).
 * Dates are the last day a version answers; `undefined` means no date announced yet. "Now" comes from the sandbox
 * clock, so moving the clock retires versions as time passes.
 */
export interface ApiVersion {
  version: string;
  released: string;
  graphUntil?: string;
  marketingUntil?: string;
}

export const API_VERSIONS: readonly ApiVersion[] = [
  { version: 'v18.0', released: '2023-09-12', graphUntil: '2026-01-26', marketingUntil: '2024-09-17' },
  { version: 'v19.0', released: '2024-01-23', graphUntil: '2026-05-21', marketingUntil: '2025-02-04' },
  { version: 'v20.0', released: '2024-05-21', graphUntil: '2026-09-24', marketingUntil: '2025-05-20' },
  { version: 'v21.0', released: '2024-10-02', graphUntil: '2027-01-21', marketingUntil: '2025-09-09' },
  { version: 'v22.0', released: '2025-01-21', graphUntil: '2027-05-20', marketingUntil: '2026-02-19' },
  { version: 'v23.0', released: '2025-05-29', graphUntil: '2027-10-08', marketingUntil: '2026-06-09' },
  { version: 'v24.0', released: '2025-10-08', graphUntil: '2028-02-18', marketingUntil: '2026-11-10' },
  { version: 'v25.0', released: '2026-02-18', graphUntil: '2028-07-29', marketingUntil: '2027-02-23' },
  { version: 'v26.0', released: '2026-07-29' },
  { version: 'v27.0', released: '2026-11-04' },
];

export type VersionSchedule = 'graph' | 'marketing';

/**
 * What a route does when called with a Marketing API version past its date
 * (https://developers.facebook.com/docs/marketing-api/versions).
 */
export type ExpiredVersionPolicy = 'reject' | 'auto-upgrade';

export interface ResolvedVersion {
  /** The version that answers, sent back in `facebook-api-version`. */
  answering: string;
  requested?: string;
  /** Set when an expired Marketing API version was auto-upgraded (`X-Ad-Api-Version-Warning`). */
  warning?: string;
}

export const VERSION_PATTERN = /^v\d+\.\d+$/;

const endOfDay = (date: string | undefined): number => (date === undefined ? Infinity : Date.parse(`${date}T23:59:59Z`));

/** A version's dates as instants, parsed once: every Graph call (each operation of a batch too) asks. */
interface VersionDates {
  version: ApiVersion;
  releasedAt: number;
  graphUntil: number;
  marketingUntil: number;
}

export class VersionTable {
  private readonly dates: readonly VersionDates[];

  constructor(private readonly versions: readonly ApiVersion[] = API_VERSIONS) {
    this.dates = versions.map((version) => ({
      version,
      releasedAt: Date.parse(`${version.released}T00:00:00Z`),
      graphUntil: endOfDay(version.graphUntil),
      marketingUntil: endOfDay(version.marketingUntil),
    }));
  }

  released(now: number): ApiVersion[] {
    return this.dates.filter((d) => d.releasedAt <= now).map((d) => d.version);
  }

  available(schedule: VersionSchedule, now: number): ApiVersion[] {
    return this.dates
      .filter((d) => d.releasedAt <= now && (schedule === 'graph' ? d.graphUntil : d.marketingUntil) >= now)
      .map((d) => d.version);
  }

  latest(now: number): string {
    const released = this.released(now);
    return (released[released.length - 1] ?? this.versions[this.versions.length - 1]).version;
  }

  /**
   * The version prefix is checked in two steps: first the path's own version against the Graph schedule (an
   * unversioned path is answered by the oldest available version, as
   * https://developers.facebook.com/docs/graph-api/guides/versioning says; an expired Graph version is likewise
   * upgraded to the oldest available one), then, for Marketing API routes, against the shorter schedule.
   */
  resolvePrefix(requested: string | undefined, method: string, now: number): ResolvedVersion {
    const graph = this.available('graph', now);
    const oldest = graph[0]?.version ?? this.latest(now);
    if (requested === undefined) return { answering: oldest };
    const known = this.released(now).find((v) => v.version === requested);
    // A version Meta never shipped is not a version to Graph: the segment is read as an object id.
    if (!known) throw GraphErrors.unsupportedRequest(method, requested);
    return graph.some((v) => v.version === requested) ? { answering: requested, requested } : { answering: oldest, requested };
  }

  /** Second step for routes on the Marketing API schedule. */
  resolveMarketing(resolved: ResolvedVersion, policy: ExpiredVersionPolicy, now: number): ResolvedVersion {
    const marketing = this.available('marketing', now);
    if (marketing.some((v) => v.version === resolved.answering)) return resolved;
    const latest = this.latest(now);
    if (policy === 'reject') throw GraphErrors.deprecatedAdsVersion(latest);
    const upgraded = marketing[0]?.version ?? latest;
    return {
      ...resolved,
      answering: upgraded,
      warning: `The call has been auto-upgraded to ${upgraded} as ${resolved.answering} has been deprecated.`,
    };
  }
}
