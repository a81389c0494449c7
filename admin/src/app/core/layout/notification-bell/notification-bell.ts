import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';

import { UnreadNotifications } from '../../notifications/unread-notifications';

/** The toolbar's bell: the unread count (read every minute and on each navigation), opening the Notifications page. */
@Component({
  selector: 'lg-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, MatTooltipModule, RouterLink],
  template: `
    <a
      matIconButton
      routerLink="/notifications"
      data-testid="notification-bell"
      [attr.aria-label]="ariaLabel()"
      [matTooltip]="ariaLabel()"
      [matBadge]="badge()"
      [matBadgeHidden]="!unread()"
      matBadgeColor="warn"
      matBadgeSize="small"
      aria-hidden="false"
    >
      <mat-icon>{{ unread() ? 'notifications_active' : 'notifications' }}</mat-icon>
    </a>
  `,
  // The toolbar's own colour, like the user menu beside it (the icon button's default is dark on the blue bar).
  styles: `
    a {
      color: inherit;
      --mat-icon-button-icon-color: currentColor;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly store = inject(UnreadNotifications);

  protected readonly unread = computed(() => this.store.count() ?? 0);
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly ariaLabel = computed(() => (this.unread() === 0 ? 'Notifications' : `Notifications: ${this.unread()} unread`));

  constructor() {
    this.store.startPolling();
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.store.refresh());
    inject(DestroyRef).onDestroy(() => this.store.stopPolling());
  }
}
