import { Injectable, Provider } from '@angular/core';

import { UnreadNotifications } from '../app/core/notifications/unread-notifications';

/** The bell's unread count without its reads, so specs of the shell and routes see only the requests they expect. */
@Injectable()
export class QuietUnreadNotifications extends UnreadNotifications {
  override refresh(): void {}
  override startPolling(): void {}
}

export const provideQuietUnreadNotifications = (): Provider => ({ provide: UnreadNotifications, useClass: QuietUnreadNotifications });
