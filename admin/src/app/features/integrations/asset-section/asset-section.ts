import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';

/**
 * One list of discovered Meta assets with its heading and the loading, error and empty states; the table is
 * projected and shown once there is something to list.
 */
@Component({
  selector: 'lg-asset-section',
  imports: [EmptyState, ErrorState, MatProgressBarModule],
  template: `
    <section class="asset-section" [attr.aria-labelledby]="headingId()">
      <h2 class="heading" [id]="headingId()">
        {{ title() }}
        @if (count() !== null) {
          <span class="count">{{ count() }}</span>
        }
      </h2>
      <div class="panel">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + title()" />
        }
        @if (error(); as message) {
          <lg-error-state [title]="title() + ' could not be loaded'" [message]="message" (retry)="retry.emit()" />
        } @else if (count() === 0) {
          <lg-empty-state [icon]="icon()" [title]="emptyTitle()" [message]="emptyMessage()" />
        } @else if (count() !== null) {
          <ng-content />
        }
      </div>
    </section>
  `,
  styles: `
    .asset-section {
      margin-top: 32px;
    }
    .heading {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .count {
      padding: 0 8px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssetSection {
  readonly title = input.required<string>();
  readonly headingId = input.required<string>();
  readonly icon = input('inbox');
  /** Rows loaded so far; `null` before the first answer. */
  readonly count = input.required<number | null>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly emptyTitle = input.required<string>();
  readonly emptyMessage = input('');
  readonly retry = output<void>();
}
