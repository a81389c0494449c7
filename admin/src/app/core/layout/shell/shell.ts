import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { AuthStore } from '../../auth/auth-store';
import { ConnectionStatusStore } from '../../meta/connection-status-store';
import { ConnectionBanner } from '../connection-banner/connection-banner';
import { NAV_ITEMS, NavAction, groupNavItems } from '../nav-items';
import { NotificationBell } from '../notification-bell/notification-bell';
import { OrganisationSwitcher } from '../organisation-switcher/organisation-switcher';
import { QueuesLauncher } from '../queues-launcher';

/** The frame around every signed-in page: toolbar with organisation and user menu, and role-filtered navigation. */
@Component({
  selector: 'lg-shell',
  imports: [
    ConnectionBanner,
    LabelPipe,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
    OrganisationSwitcher,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly queues = inject(QueuesLauncher);
  private readonly connection = inject(ConnectionStatusStore);

  protected readonly user = this.auth.user;
  protected readonly sections = computed(() =>
    groupNavItems(
      NAV_ITEMS.filter(
        (item) => this.auth.user() && this.auth.hasRole(item.minRole) && (!item.platformAdminsOnly || this.auth.isPlatformAdmin()),
      ),
    ),
  );
  /** Whether the screen is narrow enough that the navigation overlays the page instead of sitting beside it. */
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((result) => result.matches)),
    { initialValue: false },
  );

  constructor() {
    // The banner above every page follows the connection; the poll stops with the signed-in frame.
    this.connection.startPolling();
    inject(DestroyRef).onDestroy(() => this.connection.stopPolling());
  }

  protected runAction(event: Event, action: NavAction): void {
    event.preventDefault();
    switch (action) {
      case 'open-queues':
        void this.queues.open();
        break;
    }
  }

  protected logout(): void {
    this.auth.logout().subscribe();
  }
}
