import { UserDto } from '@legeai/contracts';
import { User } from './entities/user.entity';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    canExportContacts: user.canExportContacts,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** Emails are compared and stored lower-cased: `Ann@Example.com` and `ann@example.com` are one account. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
