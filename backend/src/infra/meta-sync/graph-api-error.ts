import { ErrorCode } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';
import type { MetaGraphError } from '../meta-graph/meta-graph-error';

/**
 * What the console is told when Meta refused a call made in its request (sync now, send a test lead, refresh the
 * assets): the HTTP side of the sync policy. Meta's own message is kept (it never holds a token); `details` carries
 * what the console can act on.
 */
export function graphApiError(error: MetaGraphError, details: Record<string, unknown> = {}): ApiError {
  switch (error.kind) {
    case 'auth':
      return new ApiError(409, ErrorCode.MetaReauthRequired, 'Meta no longer accepts the token: reconnect the Meta account', details);
    case 'permission':
      return new ApiError(409, ErrorCode.MetaPermissionMissing, `Meta refused for lack of a permission: ${error.message}`, {
        ...details,
        missingPermissions: error.missingPermissions ?? [],
      });
    case 'rate_limited':
      return new ApiError(429, ErrorCode.MetaRateLimited, 'Meta is rate-limiting these calls; try again later', {
        ...details,
        retryAfterMs: error.retryAfterMs ?? null,
      });
    case 'validation':
      return new ApiError(502, ErrorCode.MetaRejected, `Meta rejected the request: ${error.userMessage ?? error.message}`, details);
    default:
      return new ApiError(502, ErrorCode.MetaUnavailable, 'Meta did not answer properly; try again in a moment', details);
  }
}
