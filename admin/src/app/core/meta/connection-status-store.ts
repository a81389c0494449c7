import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { MetaConnectionStatus, MetaIntegrationStatus, ROUTES } from '@legeai/contracts';
import { Subscription } from 'rxjs';

import { API_BASE_URL } from '../api/api-base-url';
import { showsOwnErrors } from '../api/http-context';
import { VisibleInterval } from '../../shared/data/visible-interval';

/** How often the console looks at the connection while a tab shows it. */
export const CONNECTION_POLL_MS = 60_000;

/**
 * The organisation's Meta connection as the whole console knows it: the shell's banner, the Overview and the Meta
 * page all read this one copy, and whoever gets a newer status (a poll, a page load, an action's answer) puts it
 * here, so they can never say different things.
 */
@Injectable({ providedIn: 'root' })
export class ConnectionStatusStore {
  private readonly http = inject(HttpClient);
  private readonly interval = inject(VisibleInterval);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.status}`;
  private polling: Subscription | null = null;
  private readonly current = signal<MetaConnectionStatus | null>(null);

  readonly status = this.current.asReadonly();
  /** Meta refused the stored token: syncs wait for a reconnect. */
  readonly needsReconnect = computed(() => this.current()?.status === MetaIntegrationStatus.ReauthRequired);
  /** The connection's Graph calls are paused by its circuit breaker. */
  readonly paused = computed(() => !!this.current()?.graphPause);

  /** Puts a status read elsewhere (the Meta page, an action's answer) in the one copy. */
  set(status: MetaConnectionStatus | null): void {
    this.current.set(status);
  }

  /** Reads the status now; a failed read keeps what is known (the next poll tries again). */
  refresh(): void {
    this.http.get<MetaConnectionStatus>(this.url, { context: showsOwnErrors() }).subscribe({
      next: (status) => this.current.set(status),
      error: () => undefined,
    });
  }

  /** Reads now and then every minute while a tab shows the console; idempotent. */
  startPolling(): void {
    if (this.polling) return;
    this.refresh();
    this.polling = this.interval.every(CONNECTION_POLL_MS).subscribe(() => this.refresh());
  }

  stopPolling(): void {
    this.polling?.unsubscribe();
    this.polling = null;
    this.current.set(null);
  }
}
