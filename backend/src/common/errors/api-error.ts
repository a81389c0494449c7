import { HttpException } from '@nestjs/common';
import { ErrorCode, FieldError } from '@legeai/contracts';

/**
 * An error meant for the client: carries the HTTP status, a machine-readable code and optional details. Services
 * throw it (or a subclass); the exception filter turns it into the ErrorEnvelope.
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fields?: FieldError[],
  ) {
    super(message, status);
    this.name = 'ApiError';
  }
}

/** 400 listing every field that failed validation. */
export class ValidationFailedError extends ApiError {
  constructor(fields: FieldError[]) {
    super(400, ErrorCode.ValidationFailed, describeFields(fields), undefined, fields);
    this.name = 'ValidationFailedError';
  }
}

function describeFields(fields: FieldError[]): string {
  const names = fields.map((f) => f.field).join(', ');
  return fields.length ? `Invalid request: check ${names}` : 'Invalid request';
}
