import { Role } from '@legeai/contracts';

/** Metadata keys read by the access guard and by the test that checks every route declares a rule. */
export const IS_PUBLIC_KEY = 'legeai:access:public';
export const ROLES_KEY = 'legeai:access:roles';
export const USERS_ONLY_KEY = 'legeai:access:users-only';
export const PLATFORM_ADMIN_KEY = 'legeai:access:platform-admin';

/** What a route declares about who may call it; `undefined` means it declares nothing and is refused. */
export type AccessRule = { public: true } | { public: false; roles: Role[]; usersOnly: boolean; platformAdmin?: boolean };

type Target = object; // classes and handler functions are objects too

/** Reads the rule of a handler, falling back to its controller class. */
export function readAccessRule(handler: Target, controller: Target): AccessRule | undefined {
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
  if (read<boolean>(IS_PUBLIC_KEY)) return { public: true };
  const roles = read<Role[]>(ROLES_KEY);
  if (!roles || roles.length === 0) return undefined;
  const platformAdmin = read<boolean>(PLATFORM_ADMIN_KEY) ?? false;
  return { public: false, roles, usersOnly: read<boolean>(USERS_ONLY_KEY) ?? false, ...(platformAdmin ? { platformAdmin } : {}) };
}
