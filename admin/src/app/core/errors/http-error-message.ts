import { HttpErrorResponse } from '@angular/common/http';
import { ErrorEnvelope } from '@legeai/contracts';

/** Whether a response body is the API's error envelope. */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  const error = (body as ErrorEnvelope | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

/** A sentence a person can act on, taken from the API's error envelope when there is one. */
export function httpErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong. Please try again.';
  }
  if (error.status === 0) {
    return 'The server cannot be reached. Check your connection and try again.';
  }
  if (isErrorEnvelope(error.error)) {
    const { message, fields } = error.error.error;
    const fieldProblems = (fields ?? []).flatMap((f) => f.messages);
    return fieldProblems.length > 0 && !fieldProblems.includes(message) ? `${message}: ${fieldProblems.join('; ')}` : message;
  }
  return `The request failed (${error.status} ${error.statusText || 'error'}).`;
}
