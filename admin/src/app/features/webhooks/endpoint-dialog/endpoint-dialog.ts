import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CreatedWebhookEndpointDto, WEBHOOK_EVENT_TYPES, WebhookEndpointDto, WebhookEventType } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { WebhooksApi } from '../data/webhooks-api';
import { SecretOnce } from '../secret-once/secret-once';

export interface EndpointDialogData {
  /** The endpoint to edit; absent: a new one. */
  endpoint?: WebhookEndpointDto;
}

/**
 * Registers an endpoint (then shows its signing secret, this one time) or edits one's URL, description and events.
 * Closes with the endpoint's metadata, never with the secret.
 */
@Component({
  selector: 'lg-endpoint-dialog',
  imports: [
    LabelPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    SecretOnce,
  ],
  templateUrl: './endpoint-dialog.html',
  styleUrl: './endpoint-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EndpointDialog {
  private readonly api = inject(WebhooksApi);
  private readonly dialogRef = inject<MatDialogRef<EndpointDialog, WebhookEndpointDto>>(MatDialogRef);
  protected readonly editing = inject<EndpointDialogData | null>(MAT_DIALOG_DATA, { optional: true })?.endpoint ?? null;

  protected readonly eventTypes = WEBHOOK_EVENT_TYPES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: [this.editing?.url ?? 'https://', [Validators.required, Validators.maxLength(2048), Validators.pattern(/^https?:\/\/\S+$/)]],
    description: [this.editing?.description ?? '', Validators.maxLength(500)],
  });
  protected readonly selected = signal<ReadonlySet<WebhookEventType>>(new Set(this.editing?.eventTypes ?? WEBHOOK_EVENT_TYPES));
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly created = signal<CreatedWebhookEndpointDto | null>(null);

  protected toggle(type: WebhookEventType, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(type);
    else next.delete(type);
    this.selected.set(next);
  }

  protected save(): void {
    if (this.form.invalid || this.selected().size === 0 || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    const { url, description } = this.form.getRawValue();
    const request = { url: url.trim(), description: description.trim() || null, eventTypes: [...this.selected()] };
    const done = {
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    };
    if (this.editing) {
      this.api.update(this.editing.id, request).subscribe({ ...done, next: (updated) => this.dialogRef.close(updated) });
      return;
    }
    this.api.create(request).subscribe({
      ...done,
      next: (created) => {
        this.saving.set(false);
        this.dialogRef.disableClose = true; // the secret must not vanish on a stray click before it was copied
        this.created.set(created);
      },
    });
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected finish(): void {
    const created = this.created();
    if (!created) return this.dialogRef.close();
    const { secret: _secret, ...endpoint } = created;
    this.dialogRef.close(endpoint);
  }
}
