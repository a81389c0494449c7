import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ApiKeyDto, CreatedApiKeyResponse, ROLES, Role } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ApiKeysApi } from '../data/api-keys-api';

/**
 * Issues an API key in two steps: the form, then the key itself, shown this one time only (the server keeps a
 * hash). Closes with the created key's metadata, never with the secret.
 */
@Component({
  selector: 'lg-create-api-key-dialog',
  imports: [
    ClipboardModule,
    LabelPipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './create-api-key-dialog.html',
  styleUrl: './create-api-key-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateApiKeyDialog {
  private readonly apiKeysApi = inject(ApiKeysApi);
  private readonly dialogRef = inject<MatDialogRef<CreateApiKeyDialog, ApiKeyDto>>(MatDialogRef);

  protected readonly roles = ROLES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    role: [Role.Viewer, Validators.required],
  });
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly created = signal<CreatedApiKeyResponse | null>(null);
  protected readonly copied = signal(false);

  constructor() {
    // Once the key exists the dialog must not vanish on a stray click or Escape before it was copied.
    this.dialogRef.disableClose = true;
  }

  protected create(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    const { name, role } = this.form.getRawValue();
    this.apiKeysApi.create({ name: name.trim(), role }).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.created.set(created);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  protected markCopied(succeeded: boolean): void {
    this.copied.set(succeeded);
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected finish(): void {
    const created = this.created();
    if (!created) {
      this.dialogRef.close();
      return;
    }
    const { key: _secret, ...metadata } = created;
    this.dialogRef.close(metadata);
  }
}
