import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LeadStatus, OPEN_LEAD_STATUSES, ReopenLeadRequest } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';

export interface ReopenDialogData {
  status: LeadStatus;
}

/** Reopening a won or lost lead: always with a reason, which stays in the lead's timeline and the audit log. */
@Component({
  selector: 'lg-reopen-dialog',
  imports: [
    LabelPipe,
    LowerCasePipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Reopen this {{ data.status | label: 'leadStatus' | lowercase }} lead</h2>
    <mat-dialog-content>
      <mat-form-field class="full">
        <mat-label>Reason</mat-label>
        <textarea matInput rows="3" maxlength="500" [formControl]="reason" cdkFocusInitial></textarea>
        <mat-hint>Kept in the lead's timeline and the audit log.</mat-hint>
        @if (reason.hasError('required') || reason.hasError('minlength')) {
          <mat-error>Say why the lead is reopened.</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="full">
        <mat-label>Back to</mat-label>
        <mat-select [formControl]="status">
          <mat-option [value]="null">The status it had before</mat-option>
          @for (open of openStatuses; track open) {
            <mat-option [value]="open">{{ open | label: 'leadStatus' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>Cancel</button>
      <button matButton="filled" (click)="confirm()">Reopen</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReopenDialog {
  protected readonly data = inject<ReopenDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReopenDialog, ReopenLeadRequest>>(MatDialogRef);
  protected readonly openStatuses = OPEN_LEAD_STATUSES;
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3)] });
  protected readonly status = new FormControl<LeadStatus | null>(null);

  protected confirm(): void {
    this.reason.setValue(this.reason.value.trim());
    this.reason.markAsTouched();
    if (this.reason.invalid) {
      return;
    }
    this.ref.close({ reason: this.reason.value, ...(this.status.value ? { status: this.status.value } : {}) });
  }
}
