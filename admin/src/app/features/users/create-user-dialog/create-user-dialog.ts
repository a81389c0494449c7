import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ROLES, Role, UserDto } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { UsersApi } from '../data/users-api';

/** Must match the API's rule for new passwords. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Adds a console user to the organisation: a new account, or a person who already has one in another organisation
 * (no password then). Closes with the user, or nothing when cancelled.
 */
@Component({
  selector: 'lg-create-user-dialog',
  imports: [
    LabelPipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './create-user-dialog.html',
  styleUrl: './create-user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateUserDialog {
  private readonly usersApi = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<CreateUserDialog, UserDto>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    role: [Role.Viewer, Validators.required],
    // Empty adds a person who already has an account (in another organisation): they keep their own password.
    password: ['', [Validators.minLength(MIN_PASSWORD_LENGTH)]],
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
    const { email, name, role, password } = this.form.getRawValue();
    this.usersApi.create({ email: email.trim(), name: name.trim(), role, ...(password ? { password } : {}) }).subscribe({
      next: (user) => this.dialogRef.close(user),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }
}
