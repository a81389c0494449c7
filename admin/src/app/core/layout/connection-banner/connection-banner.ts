import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { ConnectionStatusStore } from '../../meta/connection-status-store';

/**
 * A line above every page while the Meta connection needs someone: Meta refused the token (leads park until a
 * reconnect) or its calls are paused (leads wait for a probe). Same source as the Meta page's card and the Overview.
 */
@Component({
  selector: 'lg-connection-banner',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    @if (store.needsReconnect()) {
      <div class="banner error" role="alert" data-testid="connection-banner">
        <mat-icon>sync_problem</mat-icon>
        <span class="text">
          Meta no longer accepts the access token. New leads are parked, not lost, until the Meta account is reconnected.
        </span>
        <a matButton routerLink="/integrations/meta">Open Meta connection</a>
      </div>
    } @else if (store.paused()) {
      <div class="banner warning" role="status" data-testid="connection-banner">
        <mat-icon>pause_circle</mat-icon>
        <span class="text">Meta calls are paused after repeated failures; leads wait and are read when Meta answers again.</span>
        <a matButton routerLink="/integrations/meta">Details</a>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 12px;
      padding: 8px 16px;
      border-radius: 8px;
      margin: 0 0 16px;
    }
    .text {
      flex: 1 1 240px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .warning {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionBanner {
  protected readonly store = inject(ConnectionStatusStore);
}
