import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { NotificationDto, NotificationKind, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { UnreadNotifications } from '../../../core/notifications/unread-notifications';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { NotificationsApi } from '../data/notifications-api';
import { OrganisationAlerts } from '../organisation-alerts/organisation-alerts';

const KIND_ICONS: Record<NotificationKind, string> = {
  raised: 'error',
  resolved: 'check_circle',
  new_lead: 'contact_page',
  digest: 'contact_page',
};

/** The user's notification centre: what was raised and resolved, new leads; open one to act, mark read. */
@Component({
  selector: 'lg-notifications-page',
  imports: [
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    OrganisationAlerts,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotifications);
  private readonly router = inject(Router);

  /** Admins also see the organisation's alerts as they stand, above their own notifications. */
  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);
  protected readonly pageSize = 25;
  protected readonly pageIndex = signal(0);
  protected readonly unreadOnly = signal(false);
  protected readonly page = loadable(() =>
    this.api.list({ unreadOnly: this.unreadOnly(), limit: this.pageSize, offset: this.pageIndex() * this.pageSize }),
  );
  protected readonly items = computed(() => this.page.value()?.items ?? []);
  /** The bell's count, or an unread one on this page (the count may be a minute old). */
  protected readonly anyUnread = computed(() => (this.unread.count() ?? 0) > 0 || this.items().some((n) => !n.readAt));

  constructor() {
    this.page.load();
  }

  protected iconOf(notification: NotificationDto): string {
    return KIND_ICONS[notification.kind];
  }

  protected showUnreadOnly(value: boolean): void {
    this.unreadOnly.set(value);
    this.pageIndex.set(0);
    this.page.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.page.load();
  }

  /** Opening a notification marks it read and goes where it is acted on. */
  protected open(notification: NotificationDto): void {
    const go = () => (notification.link ? void this.router.navigateByUrl(notification.link) : undefined);
    if (notification.readAt) {
      go();
      return;
    }
    this.api.markRead(notification.id).subscribe((read) => {
      this.replace(read);
      this.unread.refresh();
      go();
    });
  }

  protected markRead(notification: NotificationDto, event: Event): void {
    event.stopPropagation();
    this.api.markRead(notification.id).subscribe((read) => {
      this.replace(read);
      this.unread.refresh();
    });
  }

  protected markAllRead(): void {
    this.api.markAllRead().subscribe(() => {
      this.unread.refresh();
      this.page.load();
    });
  }

  private replace(read: NotificationDto): void {
    const current = this.page.value();
    if (current) this.page.set({ ...current, items: current.items.map((n) => (n.id === read.id ? read : n)) });
  }
}
