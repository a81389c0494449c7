import { CLOSED_LEAD_STATUSES, ErrorCode, LEAD_STATUS_TRANSITIONS, LeadStatus } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';

/** The statuses a lead in `from` may move to. */
export function allowedTransitions(from: LeadStatus): readonly LeadStatus[] {
  return LEAD_STATUS_TRANSITIONS[from] ?? [];
}

/** Throws 409 naming the allowed moves when `from → to` is not part of the pipeline. */
export function assertTransition(from: LeadStatus, to: LeadStatus): void {
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  const moves = allowed.length
    ? `allowed: ${allowed.join(', ')}`
    : CLOSED_LEAD_STATUSES.includes(from)
      ? `no moves are allowed from ${from}; a manager or admin reopens it, with a reason (POST leads/{id}/reopen)`
      : `no moves are allowed from ${from}`;
  throw new ApiError(409, ErrorCode.Conflict, `Cannot move a lead from ${from} to ${to}; ${moves}`, {
    from,
    to,
    allowed,
  });
}
