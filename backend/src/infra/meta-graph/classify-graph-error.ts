import { MetaGraphError, type MetaGraphErrorKind } from './meta-graph-error';
import { redactText } from './redact';
import { longestRegainMs, parseUsageHeaders } from './usage-headers';

/** What went wrong with one Graph call, as observed: an HTTP answer, or a failure to get one. */
export interface GraphFailure {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the request never got an answer (DNS, reset, refused...). */
  networkError?: unknown;
  /** Set when our own timeout aborted the request. */
  timedOut?: boolean;
  /** Business object ids the call concerned, to pick the right regain time from the usage headers. */
  objectIds?: string[];
}

/** Meta's error envelope (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export interface GraphErrorEnvelope {
  error: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_user_title?: string;
    error_user_msg?: string;
    error_data?: unknown;
    fbtrace_id?: string;
  };
}

// Codes from Meta's error reference (https://developers.facebook.com/docs/graph-api/guides/error-handling); what
// each kind does to a lead: docs/lead-pipeline.md.
const AUTH_CODES = new Set([102, 190, 2500]);
const AUTH_SUBCODE_REASONS: Record<number, string> = {
  458: 'app_not_installed',
  459: 'checkpoint_required',
  460: 'password_changed',
  463: 'token_expired',
  464: 'unconfirmed_user',
  467: 'token_invalid',
  492: 'invalid_session',
};
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
const TRANSIENT_CODES = new Set([1, 2, 960]);
const VALIDATION_CODES = new Set([100, 101, 110, 506, 803, 1500, 2635]);

export function isGraphErrorEnvelope(body: unknown): body is GraphErrorEnvelope {
  return !!body && typeof body === 'object' && 'error' in body && !!body.error && typeof body.error === 'object';
}

/** Whether a 2xx answer is really a failure: Meta sometimes answers 200 with an error or a plain-text outage. */
export function isFailedAnswer(status: number, body: unknown): boolean {
  if (status < 200 || status >= 300) return true;
  if (isGraphErrorEnvelope(body)) return true;
  return typeof body === 'string' && /service unavailable/i.test(body);
}

/** Turns one failed call into a typed error. Pure: same input, same output. */
export function classifyGraphFailure(failure: GraphFailure): MetaGraphError {
  if (failure.timedOut) {
    return new MetaGraphError({ kind: 'transient', network: 'timeout', message: 'Graph API request timed out' });
  }
  if (failure.networkError !== undefined) {
    return new MetaGraphError({
      kind: 'transient',
      network: 'unreachable',
      message: `Graph API unreachable: ${describeNetworkError(failure.networkError)}`,
    });
  }
  const status = failure.status;
  if (isGraphErrorEnvelope(failure.body)) return classifyEnvelope(failure.body, failure);

  const text = typeof failure.body === 'string' ? failure.body.slice(0, 200) : '';
  if (status === 429) {
    return new MetaGraphError({
      kind: 'rate_limited',
      httpStatus: status,
      message: 'Graph API answered 429',
      retryAfterMs: retryAfterMs(failure),
    });
  }
  if ((status !== undefined && status >= 500) || /service unavailable/i.test(text)) {
    return new MetaGraphError({
      kind: 'transient',
      httpStatus: status,
      message: `Graph API answered ${status}${text ? `: ${redactText(text)}` : ''}`,
    });
  }
  return new MetaGraphError({
    kind: 'unknown',
    httpStatus: status,
    message: `Unexpected Graph API answer ${status}${text ? `: ${redactText(text)}` : ''}`,
  });
}

function classifyEnvelope(envelope: GraphErrorEnvelope, failure: GraphFailure): MetaGraphError {
  const e = envelope.error;
  const code = typeof e.code === 'number' ? e.code : Number(e.code) || undefined;
  const subcode = typeof e.error_subcode === 'number' ? e.error_subcode : Number(e.error_subcode) || undefined;
  const kind = kindOf(code, subcode, e.is_transient === true, failure.status);
  const rawMessage = e.message ?? 'Graph API error';
  return new MetaGraphError({
    kind,
    message: redactText(rawMessage),
    httpStatus: failure.status,
    code,
    subcode,
    type: e.type,
    fbtraceId: e.fbtrace_id,
    userTitle: e.error_user_title,
    userMessage: e.error_user_msg,
    errorData: parseMaybeJson(e.error_data),
    retryAfterMs: kind === 'rate_limited' ? retryAfterMs(failure) : undefined,
    missingPermissions: kind === 'permission' ? missingPermissions(code, rawMessage) : undefined,
    authReason: kind === 'auth' ? authReason(code, subcode) : undefined,
  });
}

function kindOf(code: number | undefined, subcode: number | undefined, isTransient: boolean, status?: number): MetaGraphErrorKind {
  if (code === undefined) return status !== undefined && status >= 500 ? 'transient' : 'unknown';
  if (AUTH_CODES.has(code)) return 'auth';
  if (code === 3 || code === 10 || (code >= 200 && code <= 299)) return 'permission';
  if (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014)) return 'rate_limited';
  if (isTransient || TRANSIENT_CODES.has(code) || subcode === 99) return 'transient';
  if (VALIDATION_CODES.has(code)) return 'validation';
  if (status !== undefined && status >= 500) return 'transient';
  return 'unknown';
}

function authReason(code: number | undefined, subcode: number | undefined): string {
  if (subcode !== undefined && AUTH_SUBCODE_REASONS[subcode]) return AUTH_SUBCODE_REASONS[subcode];
  if (code === 102) return 'session_invalid';
  return 'token_invalid';
}

/**
 * Permission names Meta mentions, e.g. "(#200) Requires either ads_management or ads_read permission" or
 * "(#10) This endpoint requires the 'pages_read_engagement' permission".
 */
const PERMISSION_NAME = /\b(?:ads|pages|leads|business|catalog|instagram|read|publish|manage|whatsapp|user|public)_[a-z_]+\b/g;

function missingPermissions(code: number | undefined, message: string): string[] {
  const found = new Set(message.match(PERMISSION_NAME) ?? []);
  if (/\bemail\b(?=['"]?\s+permission)/.test(message)) found.add('email');
  // 294: "Managing advertisements requires the extended permission ads_management" (message may omit it).
  if (code === 294) found.add('ads_management');
  return [...found];
}

function retryAfterMs(failure: GraphFailure): number | undefined {
  const headers = failure.headers ?? {};
  const usage = parseUsageHeaders(headers);
  const ids = failure.objectIds && failure.objectIds.length ? failure.objectIds : undefined;
  let ms = longestRegainMs(usage, ids);
  if (ids && ms === 0) ms = longestRegainMs(usage);
  if (usage.adAccount && usage.adAccount.utilPct >= 100) ms = Math.max(ms, usage.adAccount.resetTimeMs);
  const retryAfter = Number(headerValue(headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) ms = Math.max(ms, retryAfter * 1000);
  return ms > 0 ? ms : undefined;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return redactText(String(err));
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? err.message;
  return redactText(detail);
}
