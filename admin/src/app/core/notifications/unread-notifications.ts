import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { ROUTES, UnreadCountDto } from '@legeai/contracts';
import { Subscription } from 'rxjs';

import { VisibleInterval } from '../../shared/data/visible-interval';
import { API_BASE_URL } from '../api/api-base-url';
import { showsOwnErrors } from '../api/http-context';

/** How often the bell asks while a tab shows the console (it also asks on every navigation). */
export const UNREAD_POLL_MS = 60_000;

/**
 * The signed-in user's unread notification count, as the toolbar's bell shows it. The Notifications page refreshes
 * it after marking some read, so the bell never lags behind the list.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly http = inject(HttpClient);
  private readonly interval = inject(VisibleInterval);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.notifications}/${ROUTES.notificationsUnreadCount}`;
  private readonly current = signal<number | null>(null);
  private polling: Subscription | null = null;
  private inFlight: Subscription | null = null;

  /** null until the first answer. */
  readonly count = this.current.asReadonly();

  /** Reads the count now; a failed read keeps what is known (the bell is no place for an error). */
  refresh(): void {
    this.inFlight?.unsubscribe();
    this.inFlight = this.http.get<UnreadCountDto>(this.url, { context: showsOwnErrors() }).subscribe({
      next: (answer) => this.current.set(answer.unread),
      error: () => undefined,
    });
  }

  startPolling(): void {
    if (this.polling) return;
    this.refresh();
    this.polling = this.interval.every(UNREAD_POLL_MS).subscribe(() => this.refresh());
  }

  stopPolling(): void {
    this.polling?.unsubscribe();
    this.inFlight?.unsubscribe();
    this.polling = null;
    this.current.set(null);
  }
}
