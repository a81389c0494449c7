import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PlatformOrganisationDto } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { PlatformApi } from '../data/platform-api';

/** Creates an organisation; closes with it, or nothing when cancelled. */
@Component({
  selector: 'lg-create-organisation-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  template: `
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" class="progress" />
    }
    <h2 mat-dialog-title>New organisation</h2>
    <form [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-dialog-content>
        @if (errorMessage(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="off" required />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Name is required.</mat-error>
          } @else {
            <mat-hint>An agency or insurer, as its people know it. Invite its first admin next.</mat-hint>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">Create organisation</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../platform-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateOrganisationDialog {
  private readonly api = inject(PlatformApi);
  private readonly dialogRef = inject<MatDialogRef<CreateOrganisationDialog, PlatformOrganisationDto>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected create(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.create(this.form.getRawValue().name.trim()).subscribe({
      next: (org) => this.dialogRef.close(org),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }
}
