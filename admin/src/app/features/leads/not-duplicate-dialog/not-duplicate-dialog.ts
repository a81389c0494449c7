import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface NotDuplicateDialogData {
  /** The name of the lead on the other side of the link. */
  otherName: string;
  /** A possible duplicate is dismissed; a duplicate is unlinked. */
  possible: boolean;
}

/** What the dialog answers: the reason, when one was given. */
export interface NotDuplicateDecision {
  reason?: string;
}

/** "Not a duplicate": unlinks two leads for good, with an optional reason for the audit log. */
@Component({
  selector: 'lg-not-duplicate-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>{{ data.possible ? 'Dismiss this possible duplicate' : 'Not a duplicate' }}</h2>
    <mat-dialog-content>
      <p>This lead and {{ data.otherName }} will be treated as different people. They are never linked again, whatever arrives later.</p>
      <mat-form-field class="full">
        <mat-label>Reason (optional)</mat-label>
        <textarea matInput rows="3" maxlength="500" [formControl]="reason" cdkFocusInitial></textarea>
        <mat-hint>Kept in the audit log.</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>Cancel</button>
      <button matButton="filled" (click)="confirm()">{{ data.possible ? 'Dismiss' : 'Unlink' }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotDuplicateDialog {
  protected readonly data = inject<NotDuplicateDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<NotDuplicateDialog, NotDuplicateDecision>>(MatDialogRef);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] });

  protected confirm(): void {
    const reason = this.reason.value.trim();
    this.ref.close(reason ? { reason } : {});
  }
}
