/** Machine-readable error codes carried in every 4xx/5xx envelope. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  BadRequest = 'bad_request',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  PayloadTooLarge = 'payload_too_large',
  RateLimited = 'rate_limited',
  InvalidSignature = 'invalid_signature',
  MetaNotConnected = 'meta_not_connected',
  MetaReauthRequired = 'meta_reauth_required',
  MetaPermissionMissing = 'meta_permission_missing',
  MetaRateLimited = 'meta_rate_limited',
  MetaUnavailable = 'meta_unavailable',
  MetaRejected = 'meta_rejected',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal_error',
}

/** One field-level problem in a validation error. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The single error shape every 4xx/5xx response uses. */
export interface ErrorEnvelope {
  error: {
    status: number;
    code: ErrorCode | string;
    message: string;
    /** Field-level problems, present on `validation_failed`. */
    fields?: FieldError[];
    /** Extra machine-readable facts (e.g. missing Meta permissions, retry time). */
    details?: Record<string, unknown>;
    requestId?: string;
  };
}
