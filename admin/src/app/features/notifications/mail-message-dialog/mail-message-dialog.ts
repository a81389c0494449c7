import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { NotificationsApi } from '../data/notifications-api';

/** One mail of the outbox as it was (or would be) sent: headers and plain text. */
@Component({
  selector: 'lg-mail-message-dialog',
  imports: [ErrorState, LabelPipe, MatButtonModule, MatDialogModule, MatProgressBarModule, Timestamp],
  template: `
    @if (mail.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the mail" />
    }
    @if (mail.error(); as message) {
      <h2 mat-dialog-title>Mail</h2>
      <mat-dialog-content
        ><lg-error-state title="This mail could not be loaded" [message]="message" (retry)="mail.load()"
      /></mat-dialog-content>
    } @else if (mail.value(); as m) {
      <h2 mat-dialog-title data-testid="mail-subject">{{ m.subject }}</h2>
      <mat-dialog-content>
        <dl class="headers">
          <dt>From</dt>
          <dd>{{ m.from }}</dd>
          <dt>To</dt>
          <dd>{{ m.to }}</dd>
          <dt>Written</dt>
          <dd><lg-timestamp [at]="m.createdAt" show="both" /></dd>
          <dt>State</dt>
          <dd>{{ m.state | label: 'mailState' }}</dd>
          @if (m.lastError) {
            <dt>Last error</dt>
            <dd>{{ m.lastError }}</dd>
          }
        </dl>
        <pre class="text" data-testid="mail-text">{{ m.text }}</pre>
      </mat-dialog-content>
    }
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .headers {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0 0 12px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: inherit;
      margin: 0;
      padding: 12px;
      background: var(--mat-sys-surface-container);
      border-radius: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailMessageDialog {
  private readonly api = inject(NotificationsApi);
  private readonly id = inject<string>(MAT_DIALOG_DATA);

  protected readonly mail = loadable(() => this.api.mail(this.id));

  constructor() {
    this.mail.load();
  }
}
