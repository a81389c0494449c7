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
  /** The organisation is suspended: no sign-in into it, its API keys refused (403). */
  OrganisationSuspended = 'organisation_suspended',
  /** An invitation link already used or expired (410). */
  InvitationUnusable = 'invitation_unusable',
  /** A Meta Page another organisation has connected (409). */
  PageConnectedElsewhere = 'page_connected_elsewhere',
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
