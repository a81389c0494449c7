import type { World } from '../world/world';

/** A dialog the user has opened and not yet answered. */
export interface DialogSession {
  id: string;
  appId: string;
  userId: string;
  redirectUri: string;
  state?: string;
  requested: string[];
  responseType: string;
}

export const dialogSessions = (world: World): Map<string, DialogSession> =>
  world.ext('oauth-dialogs', () => new Map<string, DialogSession>());
