import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { InvitationPreviewDto } from '@legeai/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { httpErrorMessage } from '../../core/errors/http-error-message';
import { LabelPipe } from '../../shared/labels/label.pipe';
import { Timestamp } from '../../shared/ui/timestamp/timestamp';

/** Must match the API's rule for new passwords. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * Where an invitation link lands (`/invitation#<token>`: the token stays in the fragment, out of every server log).
 * A new account sets a name and a password; an existing one signs in with its password. Either way the invitee is
 * then signed in to the organisation and taken to its overview.
 */
@Component({
  selector: 'lg-invitation-page',
  imports: [
    LabelPipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './invitation-page.html',
  styleUrl: '../auth/login-page/login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly token = inject(DOCUMENT).location.hash.replace(/^#/, '');

  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly loading = signal(true);
  /** Why the link cannot be used (unknown, used, expired, suspended organisation), worded by the server. */
  protected readonly linkError = signal<string | null>(null);
  protected readonly invitation = signal<InvitationPreviewDto | null>(null);
  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.maxLength(200)]],
    password: ['', [Validators.required]],
  });

  constructor() {
    this.preview();
  }

  protected preview(): void {
    if (!this.token) {
      this.loading.set(false);
      this.linkError.set('This address holds no invitation. Open the whole link you were sent.');
      return;
    }
    this.loading.set(true);
    this.linkError.set(null);
    this.auth.previewInvitation(this.token).subscribe({
      next: (invitation) => {
        const { name, password } = this.form.controls;
        if (invitation.accountExists) {
          name.clearValidators();
          password.setValidators([Validators.required]);
        } else {
          name.setValidators([Validators.required, Validators.maxLength(200)]);
          password.setValidators([Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]);
        }
        name.updateValueAndValidity();
        password.updateValueAndValidity();
        this.invitation.set(invitation);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.linkError.set(httpErrorMessage(error));
        this.loading.set(false);
      },
    });
  }

  protected accept(): void {
    const invitation = this.invitation();
    if (!invitation || this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.errorMessage.set(null);
    const { name, password } = this.form.getRawValue();
    this.auth.acceptInvitation({ token: this.token, password, ...(invitation.accountExists ? {} : { name: name.trim() }) }).subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }
}
