import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { AppMode, AppRole, AppRoleName, PermissionAccess } from '../world/types';
import { DEMO_IDS } from '../world/demo-ids';
import { LoginConfiguration, addLoginConfiguration, loginConfigurations } from '../oauth/login-configurations';
import { LeadsAccessSettings, leadsAccessManager } from '../leads/leads-access-manager';
import { ControlError } from './control-error';
import { validLeadsAccess, validLoginConfiguration, validMode, validPermissionAccess, validRole, validTasks } from './app-setup-validation';

export interface AppSettings {
  id: string;
  name: string;
  mode: AppMode;
  roles: AppRole[];
  permissionAccess: Record<string, PermissionAccess>;
  redirectUris: string[];
  requireAppsecretProof: boolean;
  /** Businesses that installed the app with a system user token configuration, and what their system user holds. */
  systemUsers: { id: string; name: string; businessId: string; pages: string[]; adAccounts: string[] }[];
}

/**
 * What stands between an app and its users' leads once it goes live, switchable from tests and demos
 * (`sandbox.control.setup`, `/__sandbox/app`, `/__sandbox/pages/…`, `/__sandbox/login-configurations`): the app mode
 * and roles, permissions with Standard Access, Page tasks, the Leads Access Manager, the webhook callback URL, and the
 * app's Login for Business configurations. Each is what a person would change in the App Dashboard or Business
 * Settings; the Graph API then answers as Meta does.
 */
export class AppSetupControl {
  constructor(private readonly runtime: SandboxRuntime) {}

  private get app() {
    return this.runtime.world.app;
  }

  settings(): AppSettings {
    const app = this.app;
    return {
      id: app.id,
      name: app.name,
      mode: app.mode,
      roles: app.roles.map((role) => ({ ...role })),
      permissionAccess: { ...app.permissionAccess },
      redirectUris: [...app.redirectUris],
      requireAppsecretProof: app.requireAppsecretProof,
      systemUsers: [...this.runtime.world.systemUsers.values()].map((systemUser) => ({
        id: systemUser.id,
        name: systemUser.name,
        businessId: systemUser.businessId,
        pages: systemUser.pageRoles.map((role) => role.pageId),
        adAccounts: [...systemUser.adAccountIds],
      })),
    };
  }

  setMode(mode: unknown): void {
    this.app.mode = validMode(mode);
  }

  /** Gives a person a role on the app (App Dashboard → App roles), replacing any role they had. */
  setRole(userId: string, role: unknown): void {
    const name: AppRoleName = validRole(role);
    if (!this.runtime.world.users.has(userId)) throw new ControlError(`Unknown user ${userId}`);
    this.app.roles = [...this.app.roles.filter((entry) => entry.userId !== userId), { userId, role: name }];
  }

  removeRole(userId: string): void {
    if (!this.app.roles.some((entry) => entry.userId === userId)) throw new ControlError(`User ${userId} has no role on the app`);
    this.app.roles = this.app.roles.filter((entry) => entry.userId !== userId);
  }

  /** Standard or Advanced Access per permission (App Review); permissions not named keep theirs. */
  setPermissionAccess(change: unknown): void {
    Object.assign(this.app.permissionAccess, validPermissionAccess(change));
  }

  /** A person's tasks on a Page (Page settings → Page access); the demo user when no user is named. */
  setPageTasks(pageId: string, tasks: unknown, userId: string = DEMO_IDS.userId): void {
    const valid = validTasks(tasks);
    const user = this.runtime.world.users.get(userId);
    if (!user) throw new ControlError(`Unknown user ${userId}`);
    const role = user.pageRoles.find((entry) => entry.pageId === pageId);
    if (!role) throw new ControlError(`User ${userId} has no role on Page ${pageId}`);
    role.tasks = valid;
  }

  leadsAccess(pageId: string): LeadsAccessSettings | null {
    this.requirePage(pageId);
    const settings = leadsAccessManager(this.runtime.world).get(pageId);
    return settings ? { people: [...settings.people], crms: [...settings.crms] } : null;
  }

  /** Customises the Page's Leads Access Manager: only these people and CRMs (apps) may read its leads. */
  setLeadsAccess(pageId: string, settings: unknown): LeadsAccessSettings {
    this.requirePage(pageId);
    const valid = validLeadsAccess(settings);
    leadsAccessManager(this.runtime.world).set(pageId, valid);
    return valid;
  }

  /** Back to the default: everyone who can advertise on the Page reads its leads, through any app. */
  clearLeadsAccess(pageId: string): void {
    this.requirePage(pageId);
    leadsAccessManager(this.runtime.world).delete(pageId);
  }

  /**
   * Points the app's `page` subscription at another callback URL without a handshake, as when another deployment of
   * the product (staging, an old host) was the last to subscribe: notifications go there, and
   * `GET /{app-id}/subscriptions` shows it.
   */
  setCallbackUrl(callbackUrl: unknown): void {
    if (typeof callbackUrl !== 'string' || !/^https?:\/\//.test(callbackUrl) || !URL.canParse(callbackUrl)) {
      throw new ControlError('callbackUrl must be an http(s) URL');
    }
    const subscription = (this.runtime.world.appSubscriptions.get(this.app.id) ?? []).find((entry) => entry.object === 'page');
    if (!subscription) throw new ControlError('The app has no page subscription to change; subscribe first');
    subscription.callbackUrl = callbackUrl;
  }

  loginConfigurations(): LoginConfiguration[] {
    return [...loginConfigurations(this.runtime.world).values()].map((configuration) => ({ ...configuration }));
  }

  addLoginConfiguration(input: unknown): LoginConfiguration {
    return { ...addLoginConfiguration(this.runtime.world, validLoginConfiguration(input)) };
  }

  removeLoginConfiguration(id: string): void {
    if (!loginConfigurations(this.runtime.world).delete(id)) throw new ControlError(`Unknown login configuration ${id}`);
  }

  private requirePage(pageId: string): void {
    if (!this.runtime.world.pages.has(pageId)) throw new ControlError(`Unknown Page ${pageId}`);
  }
}
