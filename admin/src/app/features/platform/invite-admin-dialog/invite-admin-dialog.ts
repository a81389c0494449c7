import { ClipboardModule } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CreatedInvitationDto, PlatformOrganisationDto } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { PlatformApi, invitationLink } from '../data/platform-api';

/**
 * Invites an organisation's admin, then shows the single-use link once (only a hash of its token is kept). Closes
 * with the invitation once made, so the list can count it.
 */
@Component({
  selector: 'lg-invite-admin-dialog',
  imports: [
    ClipboardModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    Timestamp,
  ],
  template: `
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" class="progress" />
    }
    <h2 mat-dialog-title>Invite an admin of {{ organisation.name }}</h2>
    @if (invitation(); as created) {
      <mat-dialog-content>
        <p class="warning" role="status">
          <mat-icon>warning</mat-icon>
          <span>Send this link to {{ created.email }} now. <strong>You won't see it again</strong>: only a fingerprint is stored.</span>
        </p>
        <div class="link-row">
          <span class="link" data-testid="invitation-link">{{ link() }}</span>
          <button
            matIconButton
            [cdkCopyToClipboard]="link()"
            (cdkCopyToClipboardCopied)="copied.set($event)"
            aria-label="Copy the invitation link"
          >
            <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
          </button>
        </div>
        <p class="hint">Works once, until <lg-timestamp [at]="created.expiresAt" show="absolute" />.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton="filled" [mat-dialog-close]="created">Done</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="invite()" novalidate>
        <mat-dialog-content>
          @if (errorMessage(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" required />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Email is required.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>Enter a valid email address.</mat-error>
            } @else {
              <mat-hint>They set their name and password when they accept; an existing account signs in.</mat-hint>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button matButton type="button" mat-dialog-close>Cancel</button>
          <button matButton="filled" type="submit" [disabled]="saving()">Create invitation link</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styleUrl: '../platform-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteAdminDialog {
  private readonly api = inject(PlatformApi);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly dialogRef = inject<MatDialogRef<InviteAdminDialog, CreatedInvitationDto>>(MatDialogRef);

  protected readonly organisation = inject<PlatformOrganisationDto>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly invitation = signal<CreatedInvitationDto | null>(null);
  protected readonly link = signal('');
  protected readonly copied = signal(false);

  protected invite(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.invite(this.organisation.id, this.form.getRawValue().email.trim()).subscribe({
      next: (created) => {
        this.saving.set(false);
        // Once the link exists the dialog must not vanish on a stray click or Escape before it was copied.
        this.dialogRef.disableClose = true;
        this.link.set(invitationLink(this.origin, created.token));
        this.invitation.set(created);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }
}
