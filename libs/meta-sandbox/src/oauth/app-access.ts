import type { AppRecord, LeadRecord } from '../world/types';

/** Whether the person is an administrator, developer or tester of the app. */
export const hasAppRole = (app: AppRecord, userId: string | undefined): boolean =>
  userId !== undefined && app.roles.some((role) => role.userId === userId);

/**
 * The permissions the login dialog may ask this person for. A permission with Standard Access can only be granted by
 * people with a role on the app (https://developers.facebook.com/docs/graph-api/overview/access-levels); for anyone
 * else the sandbox leaves it out of the dialog, so it ends up neither granted nor declined.
 */
export function askablePermissions(app: AppRecord, userId: string, requested: string[]): string[] {
  if (hasAppRole(app, userId)) return requested;
  return requested.filter((name) => app.permissionAccess[name] !== 'standard');
}

/**
 * In development mode an app only deals with people who have a role on it
 * (https://developers.facebook.com/docs/development/build-and-test/app-modes): a lead submitted by anyone else is
 * neither notified by webhook nor readable. Test leads are made through the app by someone who could log in to it,
 * which in development mode takes a role.
 */
export function leadReachesApp(app: AppRecord, lead: LeadRecord): boolean {
  return app.mode === 'live' || lead.isTest || hasAppRole(app, lead.submittedBy);
}
