import { NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@legeai/contracts';
import { ApiError } from '../../../common/errors/api-error';

/** Why an invitation cannot be used, as the person holding its link is told; null when it can be. */
export function invitationRefusal(
  invitation: { acceptedAt: Date | null; revokedAt?: Date | null; expiresAt: Date } | null,
  now: Date,
): Error | null {
  if (!invitation) return new NotFoundException('This invitation link is not valid; check that it was copied whole');
  if (invitation.acceptedAt) return new ApiError(410, ErrorCode.InvitationUnusable, 'This invitation was already used; sign in instead');
  if (invitation.revokedAt) return new ApiError(410, ErrorCode.InvitationUnusable, 'This invitation was revoked; ask for a new one');
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    return new ApiError(410, ErrorCode.InvitationUnusable, 'This invitation has expired; ask for a new one');
  }
  return null;
}
