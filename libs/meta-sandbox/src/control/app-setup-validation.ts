import type { AppMode, AppRoleName, PermissionAccess } from '../world/types';
import type { LoginConfiguration } from '../oauth/login-configurations';
import { ASSET_KINDS } from '../oauth/login-configurations';
import { PERMISSIONS } from '../oauth/permissions';
import { ControlError } from './control-error';

const MODES: AppMode[] = ['live', 'development'];
const ROLES: AppRoleName[] = ['administrators', 'developers', 'testers'];
const ACCESS: PermissionAccess[] = ['standard', 'advanced'];
/** Page tasks as `/me/accounts` lists them. */
export const PAGE_TASKS = ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'];
/** Granted with every login; a configuration needs at least one other permission. */
const PROFILE_PERMISSIONS = ['public_profile', 'email'];

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw new ControlError(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export const validMode = (value: unknown): AppMode => oneOf(value, MODES, 'mode');
export const validRole = (value: unknown): AppRoleName => oneOf(value, ROLES, 'role');

export function validPermissionAccess(value: unknown): Record<string, PermissionAccess> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ControlError('permissionAccess must be an object of permission → standard | advanced');
  }
  const out: Record<string, PermissionAccess> = {};
  for (const [permission, access] of Object.entries(value)) {
    if (!PERMISSIONS[permission]) throw new ControlError(`Unknown permission ${permission}`);
    out[permission] = oneOf(access, ACCESS, `permissionAccess.${permission}`);
  }
  return out;
}

export function validTasks(value: unknown): string[] {
  if (!isStringList(value) || value.length === 0) throw new ControlError(`tasks must be a non-empty list of ${PAGE_TASKS.join(', ')}`);
  for (const task of value)
    if (!PAGE_TASKS.includes(task)) throw new ControlError(`Unknown task ${task}; tasks are ${PAGE_TASKS.join(', ')}`);
  return [...new Set(value)];
}

export function validLeadsAccess(value: unknown): { people: string[]; crms: string[] } {
  const body = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const people = body['people'] ?? [];
  const crms = body['crms'] ?? [];
  if (!isStringList(people)) throw new ControlError('people must be a list of user ids');
  if (!isStringList(crms)) throw new ControlError('crms must be a list of app ids');
  return { people: [...people], crms: [...crms] };
}

/**
 * A Login for Business configuration as the App Dashboard would accept it: known permissions, at least one besides
 * public_profile and email, none of those two for system user tokens (they have no profile), known asset kinds.
 */
export function validLoginConfiguration(value: unknown): Omit<LoginConfiguration, 'id'> {
  const body = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const tokenType = oneOf(body['tokenType'] ?? 'USER', ['USER', 'SYSTEM_USER'] as const, 'tokenType');
  const permissions = body['permissions'];
  if (!isStringList(permissions)) throw new ControlError('permissions must be a list of permission names');
  const unknown = permissions.filter((name) => !PERMISSIONS[name]);
  if (unknown.length > 0) throw new ControlError(`Unknown permissions: ${unknown.join(', ')}`);
  if (!permissions.some((name) => !PROFILE_PERMISSIONS.includes(name))) {
    throw new ControlError('A configuration needs at least one permission besides public_profile and email');
  }
  if (tokenType === 'SYSTEM_USER' && permissions.some((name) => PROFILE_PERMISSIONS.includes(name))) {
    throw new ControlError('public_profile and email do not apply to system user tokens');
  }
  const assets = body['assets'] ?? [...ASSET_KINDS];
  if (!isStringList(assets) || assets.some((kind) => !ASSET_KINDS.includes(kind as never))) {
    throw new ControlError(`assets must be a list of ${ASSET_KINDS.join(', ')}`);
  }
  const tokenExpiry = oneOf(body['tokenExpiry'] ?? 'never', ['never', '60_days'] as const, 'tokenExpiry');
  if (tokenType === 'USER' && body['tokenExpiry'] !== undefined) throw new ControlError('tokenExpiry applies to system user tokens only');
  const name = body['name'] ?? `Configuration (${tokenType === 'USER' ? 'user' : 'system user'} access token)`;
  if (typeof name !== 'string' || name.trim() === '') throw new ControlError('name must be a non-empty string');
  return {
    name,
    tokenType,
    permissions: [...new Set(permissions)],
    assets: [...new Set(assets)] as LoginConfiguration['assets'],
    tokenExpiry,
  };
}
