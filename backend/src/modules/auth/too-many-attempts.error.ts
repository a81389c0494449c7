import { ErrorCode } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';

/** 429 in the error envelope, with the wait in `details.retryAfterSeconds` (also sent as `Retry-After`). */
export class TooManyAttemptsError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, ErrorCode.RateLimited, message, { retryAfterSeconds });
    this.name = 'TooManyAttemptsError';
  }
}
