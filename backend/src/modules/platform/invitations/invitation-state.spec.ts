import { NotFoundException } from '@nestjs/common';
import { ApiError } from '../../../common/errors/api-error';
import { invitationRefusal } from './invitation-state';

describe(invitationRefusal.name, () => {
  const now = new Date('2026-01-02T00:00:00Z');
  const later = new Date('2026-01-03T00:00:00Z');

  it('accepts an invitation neither used nor expired', () => {
    expect(invitationRefusal({ acceptedAt: null, expiresAt: later }, now)).toBeNull();
  });

  it('refuses an unknown link as not valid', () => {
    expect(invitationRefusal(null, now)).toBeInstanceOf(NotFoundException);
  });

  it('refuses a used invitation, even before it expires', () => {
    const refusal = invitationRefusal({ acceptedAt: now, expiresAt: later }, now);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal?.message).toMatch(/already used/);
    expect((refusal as ApiError).getStatus()).toBe(410);
  });

  it('refuses a revoked invitation with 410, like a used one', () => {
    const refusal = invitationRefusal({ acceptedAt: null, revokedAt: now, expiresAt: later }, now);
    expect((refusal as ApiError).getStatus()).toBe(410);
    expect(refusal?.message).toMatch(/revoked/);
  });

  it('refuses an invitation at the instant it expires', () => {
    const refusal = invitationRefusal({ acceptedAt: null, expiresAt: now }, now);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal?.message).toMatch(/expired/);
  });
});
