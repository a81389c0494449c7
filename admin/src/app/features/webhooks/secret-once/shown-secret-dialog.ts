import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';

import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { SecretOnce } from './secret-once';

export interface ShownSecretData {
  secret: string;
  /** Until when the old secret also signs; null when it stopped at once. */
  previousSecretExpiresAt: string | null;
}

/** The new secret after a rotation, shown once; the dialog only closes by the button once it is shown. */
@Component({
  selector: 'lg-shown-secret-dialog',
  imports: [MatButtonModule, MatDialogModule, SecretOnce, Timestamp],
  template: `
    <h2 mat-dialog-title>New signing secret</h2>
    <mat-dialog-content>
      <lg-secret-once [secret]="data.secret" />
      <p class="hint">
        @if (data.previousSecretExpiresAt) {
          The old secret keeps signing too until <lg-timestamp [at]="data.previousSecretExpiresAt" show="absolute" />: switch your receiver
          before then.
        } @else {
          The old secret no longer signs.
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" (click)="close()">I have stored the secret</button>
    </mat-dialog-actions>
  `,
  styles: `
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShownSecretDialog {
  protected readonly data = inject<ShownSecretData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<ShownSecretDialog>);

  constructor() {
    this.dialogRef.disableClose = true;
  }

  protected close(): void {
    this.dialogRef.close();
  }
}
