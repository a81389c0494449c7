import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { Role } from '@legeai/contracts';
import { PLATFORM_ADMIN_KEY, ROLES_KEY, USERS_ONLY_KEY } from './access-rule.metadata';

/** Names of the security schemes registered on the OpenAPI document. */
export const BEARER_AUTH_SCHEME = 'bearer';
export const API_KEY_AUTH_SCHEME = 'api-key';

/**
 * Lets in principals whose role is at least one of `roles` (roles are ranked: admin > manager > viewer, so
 * `@Roles(Role.Viewer)` means "any signed-in user or API key of the organisation"). Also documents the auth schemes.
 */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(BEARER_AUTH_SCHEME), ApiSecurity(API_KEY_AUTH_SCHEME));
}

/**
 * Like `@Roles(...)`, for console users only: API keys are refused (403) whatever their role. Used where a leaked key
 * must not be able to entrench itself (minting keys, creating users) and where a console session is implied (me,
 * Bull Board cookie). Documents only the bearer scheme.
 */
export function UserRoles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), SetMetadata(USERS_ONLY_KEY, true), ApiBearerAuth(BEARER_AUTH_SCHEME));
}

/**
 * Platform administrators only (console users whose account is one, whatever their role in the organisation they
 * are signed in to); API keys are refused. For managing the deployment's organisations, none of their data.
 */
export function PlatformAdmins(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, [Role.Viewer]),
    SetMetadata(USERS_ONLY_KEY, true),
    SetMetadata(PLATFORM_ADMIN_KEY, true),
    ApiBearerAuth(BEARER_AUTH_SCHEME),
  );
}
