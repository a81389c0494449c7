import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { NotificationsApi } from '../data/notifications-api';

/**
 * For admins: the organisation's alerts as they stand, whoever was told: each open one with since when and where it
 * is acted on, and those resolved in the last 14 days. A user's own notifications may have been read or switched off;
 * this is the condition itself.
 */
@Component({
  selector: 'lg-organisation-alerts',
  imports: [EmptyState, ErrorState, LabelPipe, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, Timestamp],
  template: `
    <section class="panel card" aria-labelledby="open-alerts-title" data-testid="organisation-alerts">
      <div class="head">
        <h2 id="open-alerts-title">Open alerts</h2>
        <button matButton (click)="alerts.load()" [disabled]="alerts.loading()" aria-label="Refresh the open alerts">
          <mat-icon>refresh</mat-icon>
          Refresh
        </button>
      </div>
      @if (alerts.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the organisation's alerts" />
      }
      @if (alerts.error(); as message) {
        <lg-error-state title="Alerts could not be loaded" [message]="message" (retry)="alerts.load()" />
      } @else if (alerts.value(); as list) {
        @if (list.open.length === 0) {
          <lg-empty-state icon="verified" title="No open alerts" message="The Meta connection, leads and syncs are fine for now." />
        } @else {
          <ul class="list" aria-label="Open alerts">
            @for (a of list.open; track a.id) {
              <li class="item" data-testid="open-alert">
                <mat-icon class="icon open" aria-hidden="true">error</mat-icon>
                <span class="text">
                  <span class="title">{{ a.title }}</span>
                  <span class="body">{{ a.body }}</span>
                  <span class="meta">{{ a.eventType | label: 'alertEventType' }} · open since <lg-timestamp [at]="a.openedAt" /></span>
                </span>
                @if (a.link) {
                  <a matButton [routerLink]="a.link" [attr.aria-label]="'Act on: ' + a.title">Open</a>
                }
              </li>
            }
          </ul>
        }
        @if (list.recent.length > 0) {
          <h3 class="recent-title">Resolved in the last 14 days</h3>
          <ul class="list" aria-label="Recently resolved alerts">
            @for (a of recent(); track a.id) {
              <li class="item resolved" data-testid="resolved-alert">
                <mat-icon class="icon done" aria-hidden="true">check_circle</mat-icon>
                <span class="text">
                  <span class="title">{{ a.title }}</span>
                  <span class="meta">
                    {{ a.eventType | label: 'alertEventType' }} · resolved <lg-timestamp [at]="a.resolvedAt" />, open since
                    <lg-timestamp [at]="a.openedAt" />
                  </span>
                </span>
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .card {
      margin-bottom: 16px;
      padding: 12px 16px 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 4px 0;
    }
    .recent-title {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 12px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .icon {
      flex-shrink: 0;
    }
    .icon.open {
      color: var(--mat-sys-error);
    }
    .icon.done {
      color: var(--mat-sys-primary);
    }
    .text {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .title {
      font-weight: 500;
    }
    .body,
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      font-size: 0.85em;
    }
    a[matButton] {
      flex-shrink: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationAlerts {
  private readonly api = inject(NotificationsApi);
  protected readonly alerts = loadable(() => this.api.alerts());
  /** Newest resolution first, as the API sends them; at most ten, so the open ones stay the page's first read. */
  protected readonly recent = computed(() => (this.alerts.value()?.recent ?? []).slice(0, 10));

  constructor() {
    this.alerts.load();
  }
}
