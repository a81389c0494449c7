import { ServiceUnavailableException } from '@nestjs/common';
import { ErrorCode } from '@legeai/contracts';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import { ApiError } from '../../common/errors/api-error';

/** Per dependency: `up` or `down`, and the facts an indicator adds (the queue's backend). */
export type DependencyReport = Record<string, { status: string } & Record<string, unknown>>;

/**
 * Terminus' failed check (a 503 carrying its whole report) as the error envelope every other 503 uses: the message
 * names what is down (`Down: database`) and `details` holds each dependency's state. The indicators' error
 * messages stay out of the public answer (they name internal hosts and ports); Terminus logs them.
 */
export function toHealthFailure(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const report = error.getResponse() as Partial<HealthCheckResult>;
  const details = publicDetails(report.details ?? {});
  const down = Object.keys(details).filter((name) => details[name].status !== 'up');
  return new ApiError(503, ErrorCode.ServiceUnavailable, `Down: ${down.join(', ') || 'unknown'}`, details);
}

function publicDetails(details: HealthIndicatorResult): DependencyReport {
  return Object.fromEntries(
    Object.entries(details).map(([name, { message: _message, ...facts }]) => [name, facts as DependencyReport[string]]),
  );
}
