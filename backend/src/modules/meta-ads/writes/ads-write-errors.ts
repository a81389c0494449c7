import { ADS_ERROR_CODES, ErrorCode, type GuardrailFinding } from '@legeai/contracts';
import { ApiError } from '../../../common/errors/api-error';
import type { MetaGraphError } from '../../../infra/meta-graph';

/**
 * Meta's answer to a write, as the caller's error envelope. A refusal of the request itself (`validation`) is the
 * caller's to fix: 422 with Meta's `error_user_title` / `error_user_msg` as the message and in `details`
 * (https://developers.facebook.com/docs/marketing-api/error-reference).
 */
export function adsWriteError(error: MetaGraphError, details: Record<string, unknown> = {}): ApiError {
  const meta = metaFacts(error);
  switch (error.kind) {
    case 'validation':
      return new ApiError(422, ErrorCode.MetaRejected, error.userMessage ?? `Meta refused the request: ${error.message}`, {
        ...meta,
        ...details,
      });
    case 'auth':
      return new ApiError(409, ErrorCode.MetaReauthRequired, 'Meta no longer accepts the token: reconnect the Meta account', {
        ...meta,
        ...details,
      });
    case 'permission':
      return new ApiError(409, ErrorCode.MetaPermissionMissing, `Meta refused for lack of a permission: ${error.message}`, {
        ...meta,
        missingPermissions: error.missingPermissions ?? [],
        ...details,
      });
    case 'rate_limited':
      return new ApiError(429, ErrorCode.MetaRateLimited, 'Meta is throttling this ad account; try again later', {
        ...meta,
        retryAfterMs: error.retryAfterMs ?? null,
        ...details,
      });
    default:
      return new ApiError(502, ErrorCode.MetaUnavailable, 'Meta did not answer properly; try again in a moment', { ...meta, ...details });
  }
}

/** What Meta said, for the envelope's details: never a token (the client redacts its messages). */
export function metaFacts(error: MetaGraphError): Record<string, unknown> {
  const blame = (error.errorData as { blame_field_specs?: unknown } | undefined)?.blame_field_specs;
  return {
    metaCode: error.code ?? null,
    metaSubcode: error.subcode ?? null,
    userTitle: error.userTitle ?? null,
    userMessage: error.userMessage ?? null,
    ...(blame ? { blameFields: blame } : {}),
    fbtraceId: error.fbtraceId ?? null,
  };
}

/** 422: the request breaks a guardrail; every finding is in `details.findings`. */
export function guardrailError(findings: GuardrailFinding[]): ApiError {
  const errors = findings.filter((f) => f.severity === 'error');
  return new ApiError(422, ADS_ERROR_CODES.guardrail, errors.map((f) => f.message).join(' '), { findings });
}
