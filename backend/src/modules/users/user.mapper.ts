import { UserDto } from '@legeai/contracts';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { User } from './entities/user.entity';

/** A user as one organisation sees them: the account, with their membership of that organisation. */
export function toUserDto(user: User, membership: OrganisationMembership): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    active: membership.active,
    canExportContacts: membership.canExportContacts,
    createdAt: membership.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** Emails are compared and stored lower-cased: `Ann@Example.com` and `ann@example.com` are one account. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
