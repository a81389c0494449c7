import type { World } from '../world/world';
import type { LoginConfiguration } from './login-configurations';

/** A dialog the user has opened and not yet answered. */
export interface DialogSession {
  id: string;
  appId: string;
  userId: string;
  redirectUri: string;
  state?: string;
  requested: string[];
  responseType: string;
  /** Facebook Login for Business: the configuration the dialog was opened with (`config_id`). */
  configuration?: LoginConfiguration;
}

export const dialogSessions = (world: World): Map<string, DialogSession> =>
  world.ext('oauth-dialogs', () => new Map<string, DialogSession>());
