import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** What a page shows when loading failed: the reason and a way to try again. */
@Component({
  selector: 'lg-error-state',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="error" role="alert">
      <mat-icon class="icon">error_outline</mat-icon>
      <p class="title">{{ title() }}</p>
      <p class="message">{{ message() }}</p>
      <button matButton="outlined" (click)="retry.emit()">
        <mat-icon>refresh</mat-icon>
        Try again
      </button>
    </div>
  `,
  styles: `
    .error {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 48px 16px;
      text-align: center;
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      color: var(--mat-sys-error);
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 12px 0 4px;
    }
    .message {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorState {
  readonly title = input('This page could not be loaded');
  readonly message = input.required<string>();
  readonly retry = output<void>();
}
