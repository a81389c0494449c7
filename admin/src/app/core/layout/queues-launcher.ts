import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OPS_ROUTES, ROUTES } from '@legeai/contracts';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../api/api-base-url';

/**
 * Opens Bull Board, which the backend serves at `/admin/queues` behind a cookie rather than a bearer token:
 * `POST /v1/auth/board-session` trades the access token for that cookie first.
 */
@Injectable({ providedIn: 'root' })
export class QueuesLauncher {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.auth.base}/${ROUTES.auth.boardSession}`;

  async open(): Promise<void> {
    // The tab is opened before the request so the browser still treats it as a response to the click.
    const tab = window.open('about:blank', '_blank');
    try {
      await firstValueFrom(this.http.post<void>(this.url, null));
    } catch {
      tab?.close();
      return; // the error interceptor has already told the user
    }
    if (tab) {
      tab.opener = null;
      tab.location.href = OPS_ROUTES.queues;
    } else {
      window.location.assign(OPS_ROUTES.queues);
    }
  }
}
