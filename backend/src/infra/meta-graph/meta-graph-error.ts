/**
 * What the caller should do about a failed Graph call:
 * - `auth`: the token is dead; the connection needs a reconnect (never retry).
 * - `permission`: a permission or capability is missing (never retry; ask for it).
 * - `rate_limited`: a quota is spent; wait `retryAfterMs` before calling that scope again.
 * - `transient`: Meta or the network hiccuped; retry with backoff.
 * - `validation`: the request itself is wrong; show `userMessage` and fix the input.
 * - `unknown`: anything else.
 */
export type MetaGraphErrorKind = 'auth' | 'permission' | 'rate_limited' | 'transient' | 'validation' | 'unknown';

export interface MetaGraphErrorFields {
  kind: MetaGraphErrorKind;
  message: string;
  httpStatus?: number;
  code?: number;
  subcode?: number;
  type?: string;
  fbtraceId?: string;
  retryAfterMs?: number;
  /** `error_user_title` from Meta, meant for the end user. */
  userTitle?: string;
  /** `error_user_msg` from Meta, meant for the end user. */
  userMessage?: string;
  /** Permissions Meta named as missing (permission errors only). */
  missingPermissions?: string[];
  /** Why an auth error happened, from the 190 subcode; some need the user to act on facebook.com. */
  authReason?: string;
  /** `error_data`, parsed when Meta sent it as a JSON string. */
  errorData?: unknown;
  /** Method and path (redacted) of the failed call, for logs. */
  request?: string;
  /** Set when no HTTP answer came at all. */
  network?: 'timeout' | 'unreachable';
}

/** The one error type the Graph client throws. Its message never contains a token. */
export class MetaGraphError extends Error implements MetaGraphErrorFields {
  readonly kind: MetaGraphErrorKind;
  readonly httpStatus?: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly fbtraceId?: string;
  readonly retryAfterMs?: number;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly missingPermissions?: string[];
  readonly authReason?: string;
  readonly errorData?: unknown;
  readonly request?: string;
  readonly network?: 'timeout' | 'unreachable';

  constructor(fields: MetaGraphErrorFields) {
    super(fields.message);
    this.name = 'MetaGraphError';
    this.kind = fields.kind;
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.type = fields.type;
    this.fbtraceId = fields.fbtraceId;
    this.retryAfterMs = fields.retryAfterMs;
    this.userTitle = fields.userTitle;
    this.userMessage = fields.userMessage;
    this.missingPermissions = fields.missingPermissions;
    this.authReason = fields.authReason;
    this.errorData = fields.errorData;
    this.request = fields.request;
    this.network = fields.network;
  }

  /** Whether the call may succeed if simply repeated later. */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'rate_limited';
  }

  /** A copy with some fields replaced (e.g. the request line added once known). */
  with(fields: Partial<MetaGraphErrorFields>): MetaGraphError {
    return new MetaGraphError({ ...this.toFields(), ...fields });
  }

  toFields(): MetaGraphErrorFields {
    return {
      kind: this.kind,
      message: this.message,
      httpStatus: this.httpStatus,
      code: this.code,
      subcode: this.subcode,
      type: this.type,
      fbtraceId: this.fbtraceId,
      retryAfterMs: this.retryAfterMs,
      userTitle: this.userTitle,
      userMessage: this.userMessage,
      missingPermissions: this.missingPermissions,
      authReason: this.authReason,
      errorData: this.errorData,
      request: this.request,
      network: this.network,
    };
  }
}

/** Thrown by the paging iterator when an edge has more pages than the caller allowed. */
export class GraphPagingLimitError extends Error {
  constructor(
    readonly maxPages: number,
    readonly path: string,
  ) {
    super(`Paging ${path} stopped after ${maxPages} pages while more were available`);
    this.name = 'GraphPagingLimitError';
  }
}
