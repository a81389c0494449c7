import { ErrorCode } from '@legeai/contracts';
import { ApiError } from './api-error';

/** 403: the organisation is suspended by a platform administrator; said plainly, so nobody retries a password. */
export class OrganisationSuspendedError extends ApiError {
  constructor(what = 'This organisation') {
    super(403, ErrorCode.OrganisationSuspended, `${what} is suspended; ask your platform administrator`);
    this.name = 'OrganisationSuspendedError';
  }
}
