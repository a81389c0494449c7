/** HTTP methods the Graph API uses. */
export type GraphMethod = 'GET' | 'POST' | 'DELETE';

/** Query or form parameters; objects and arrays are sent as JSON strings, as Meta expects. */
export type GraphParams = Record<string, string | number | boolean | object | null | undefined>;

/** Who a call is made for: the token, and the scopes whose rate limits it spends. */
export interface GraphCallContext {
  accessToken: string;
  /** `act_123` or `123`; selects the ad-account pacing scope. */
  adAccountId?: string;
  /** Business object id (business, page, ad account) used as key in `x-business-use-case-usage`. */
  businessId?: string;
  /** What to do when a scope of this call is paused: wait for it, or fail at once with `rate_limited`. */
  onPaused?: 'wait' | 'fail';
  /**
   * Whether the call may be repeated after a timeout or network error. Defaults to true for GET/DELETE and
   * false for POST, because a POST that timed out may already have created something at Meta.
   */
  idempotent?: boolean;
  /**
   * Tries of this call including the first (and rounds of a batch's failed reads), instead of the client's retry
   * policy. For callers that retry on their own schedule: a lead job reads once per attempt and lets the queue's
   * backoff space the attempts, so a lead's Graph tries are capped by its job attempts instead of multiplied by them.
   */
  maxAttempts?: number;
  /**
   * Sees the headers of every answer of this call (success or error), for headers only the caller understands, such
   * as the insights budget (`x-fb-ads-insights-throttle`) an insights pull paces itself on.
   */
  onHeaders?: (headers: Record<string, string>) => void;
}

/** The raw HTTP answer of one Graph call, before classification. */
export interface GraphHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text. */
  body: unknown;
}

/** One page of a Graph edge. */
export interface GraphPage<T> {
  data: T[];
  paging?: {
    cursors?: { before?: string; after?: string };
    next?: string;
    previous?: string;
  };
  summary?: Record<string, unknown>;
}

/** How `appsecret_proof` is computed: token only, or token plus `appsecret_time` (valid 5 minutes). */
export type AppsecretProofMode = 'classic' | 'timed';

/** Something that can write structured debug and warning lines. */
export interface GraphLogger {
  debug(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

export const silentGraphLogger: GraphLogger = {
  debug: () => undefined,
  warn: () => undefined,
};
