/** Parameters whose values are secrets; the call log keeps only that they were present. */
const SECRET_PARAMS = new Set([
  'access_token',
  'input_token',
  'client_secret',
  'appsecret_proof',
  'fb_exchange_token',
  'code',
  'verify_token',
]);

export interface CallLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** Version the caller asked for (undefined for unversioned paths) and the one that answered. */
  requestedVersion?: string;
  version?: string;
  status: number;
  errorCode?: number;
  errorSubcode?: number;
  appId?: string;
  tokenType?: string;
  inBatch: boolean;
  /** Injected latency (the `latencyMs` fault) this call waited: once per HTTP request, 0 inside a batch. */
  latencyMs: number;
  durationMs: number;
  params: Record<string, string>;
}

/**
 * Longest parameter value the log keeps whole. An `items_batch` call carries up to 5,000 items (megabytes) and a
 * Conversions API call up to 1,000 events: kept whole, a few thousand such calls would hold gigabytes.
 */
export const MAX_LOGGED_PARAM = 2_000;

export function redactParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (SECRET_PARAMS.has(key)) out[key] = '[redacted]';
    else out[key] = value.length > MAX_LOGGED_PARAM ? `${value.slice(0, MAX_LOGGED_PARAM)}… [${value.length} characters]` : value;
  }
  return out;
}

/** Which calls to list or count: `path` is a substring of the path without version (`items_batch`, `/events`). */
export interface CallFilter {
  sinceSeq?: number;
  limit?: number;
  path?: string;
  method?: string;
}

/** Entries the log may hold beyond its capacity before it drops the oldest in one go. */
const TRIM_SLACK = 500;

/** The last Graph calls and running counters, for tests and the demo console. */
export class CallLog {
  private entries: CallLogEntry[] = [];
  private seq = 0;
  httpRequests = 0;
  graphCalls = 0;
  readonly byStatus = new Map<number, number>();
  readonly byErrorCode = new Map<number, number>();

  constructor(private readonly capacity = 5000) {}

  record(entry: Omit<CallLogEntry, 'seq' | 'params'> & { params: Record<string, string> }): void {
    this.graphCalls++;
    this.byStatus.set(entry.status, (this.byStatus.get(entry.status) ?? 0) + 1);
    if (entry.errorCode !== undefined) this.byErrorCode.set(entry.errorCode, (this.byErrorCode.get(entry.errorCode) ?? 0) + 1);
    this.entries.push({ ...entry, seq: ++this.seq, params: redactParams(entry.params) });
    // Trimmed in steps, not per call: dropping the oldest entry of a full log moves every other one.
    if (this.entries.length >= this.capacity + TRIM_SLACK) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(options: CallFilter = {}): CallLogEntry[] {
    const kept = this.entries.length > this.capacity ? this.entries.slice(-this.capacity) : this.entries;
    const method = options.method?.toUpperCase();
    const fresh = kept.filter(
      (entry) =>
        entry.seq > (options.sinceSeq ?? 0) &&
        (options.path === undefined || entry.path.includes(options.path)) &&
        (method === undefined || entry.method === method),
    );
    return options.limit ? fresh.slice(-options.limit) : fresh;
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
    this.httpRequests = 0;
    this.graphCalls = 0;
    this.byStatus.clear();
    this.byErrorCode.clear();
  }
}
