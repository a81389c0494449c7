import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ALERT_SETTINGS_LIMITS, AlertSettingsDto, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { NotificationsApi } from '../data/notifications-api';

type SettingKey = keyof AlertSettingsDto;

/** Each threshold with the words that explain it; the bounds are the API's (`ALERT_SETTINGS_LIMITS`). */
const FIELDS: readonly { key: SettingKey; label: string; suffix: string; hint: string }[] = [
  { key: 'failedLeadsThreshold', label: 'Failed leads', suffix: 'leads', hint: 'Alert when this many leads failed within the window.' },
  { key: 'failedLeadsWindowHours', label: 'Window for failed leads', suffix: 'hours', hint: 'How far back failed leads are counted.' },
  { key: 'parkedLeadsThreshold', label: 'Parked leads', suffix: 'leads', hint: 'Alert when this many leads wait for a reconnect.' },
  { key: 'syncFailuresInARow', label: 'Failed syncs in a row', suffix: 'runs', hint: 'A sync "keeps failing" after this many.' },
];

/**
 * The organisation's alert thresholds (failed and parked leads, failing syncs). Everyone reads them, so each user
 * knows when they would be told; admins change them.
 */
@Component({
  selector: 'lg-alert-settings-card',
  imports: [ErrorState, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule, ReadOnlyHint],
  template: `
    <section class="panel card" aria-labelledby="alert-settings-title" data-testid="alert-settings">
      @if (settings.loading() || saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the alert settings" />
      }
      <h2 id="alert-settings-title">Alert settings</h2>
      <p class="muted">When failing leads and syncs become an alert, for everyone in this organisation.</p>
      @if (!isAdmin) {
        <lg-read-only-hint detail="Admins change the alert thresholds." />
      }
      @if (settings.error(); as message) {
        <lg-error-state title="The alert settings could not be loaded" [message]="message" (retry)="reload()" />
      } @else if (settings.value()) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <div class="fields">
            @for (f of fields; track f.key) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ f.label }}</mat-label>
                <input
                  matInput
                  type="number"
                  inputmode="numeric"
                  [formControlName]="f.key"
                  [min]="limits[f.key].min"
                  [max]="limits[f.key].max"
                  [attr.data-testid]="'alert-setting-' + f.key"
                />
                <span matTextSuffix>{{ f.suffix }}</span>
                @if (form.controls[f.key].invalid) {
                  <mat-error>{{ errorOf(f.key) }}</mat-error>
                } @else {
                  <mat-hint>{{ f.hint }}</mat-hint>
                }
              </mat-form-field>
            }
          </div>
          @if (isAdmin) {
            <div class="actions">
              <button matButton type="button" (click)="undo()" [disabled]="form.pristine || saving()">Undo changes</button>
              <button
                matButton="filled"
                type="submit"
                [disabled]="form.pristine || form.invalid || saving()"
                data-testid="save-alert-settings"
              >
                Save thresholds
              </button>
            </div>
          }
        </form>
      }
    </section>
  `,
  styles: `
    .card {
      margin-top: 16px;
      padding: 12px 16px 16px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 4px 0 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 12px;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    mat-form-field {
      flex: 1 1 220px;
      min-width: 0;
      margin-bottom: 12px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertSettingsCard {
  private readonly api = inject(NotificationsApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);
  protected readonly fields = FIELDS;
  protected readonly limits = ALERT_SETTINGS_LIMITS;
  protected readonly settings = loadable(() => this.api.alertSettings());
  protected readonly saving = signal(false);
  protected readonly form = this.fb.group({
    failedLeadsThreshold: this.fb.control(0, validatorsOf('failedLeadsThreshold')),
    failedLeadsWindowHours: this.fb.control(0, validatorsOf('failedLeadsWindowHours')),
    parkedLeadsThreshold: this.fb.control(0, validatorsOf('parkedLeadsThreshold')),
    syncFailuresInARow: this.fb.control(0, validatorsOf('syncFailuresInARow')),
  });

  constructor() {
    if (!this.isAdmin) {
      this.form.disable();
    }
    this.reload();
  }

  protected reload(): void {
    this.settings.load((s) => this.fill(s));
  }

  protected errorOf(key: SettingKey): string {
    const { min, max } = ALERT_SETTINGS_LIMITS[key];
    const errors = this.form.controls[key].errors ?? {};
    if (errors['required']) return 'Enter a number.';
    return `A whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.`;
  }

  protected undo(): void {
    const stored = this.settings.value();
    if (stored) this.fill(stored);
  }

  protected save(): void {
    if (this.form.invalid || !this.isAdmin) return;
    const value: AlertSettingsDto = this.form.getRawValue();
    this.saving.set(true);
    this.api.saveAlertSettings(value).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.settings.set(saved);
        this.fill(saved);
        this.notifier.info('Alert settings saved.');
      },
      error: () => this.saving.set(false),
    });
  }

  private fill(s: AlertSettingsDto): void {
    this.form.reset(s);
  }
}

function validatorsOf(key: SettingKey): ValidatorFn[] {
  const { min, max } = ALERT_SETTINGS_LIMITS[key];
  return [Validators.required, Validators.min(min), Validators.max(max), wholeNumber];
}

/** The API takes whole numbers only; a browser's number input lets "2.5" through. */
function wholeNumber(control: { value: unknown }): { wholeNumber: true } | null {
  const v = control.value;
  return v === null || v === '' || Number.isInteger(Number(v)) ? null : { wholeNumber: true };
}
