import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { InsightsSettingsDto, Role, RoiBasis } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { InsightsApi } from '../data/insights-api';

/** A commission rate typed as a percentage ("12.5") as the API's share (0.125); null when it is not one. */
export function rateFromPercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || Number.isNaN(value) || value <= 0 || value > 100) return null;
  return Math.round(value * 100) / 10_000;
}

/**
 * What ROI is computed on: the premium won, or the organisation's commission on it. Admins choose; everyone else
 * reads it. `saved` tells the page to compute its figures again.
 */
@Component({
  selector: 'lg-roi-settings-card',
  imports: [
    ErrorState,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ReactiveFormsModule,
    ReadOnlyHint,
  ],
  template: `
    <section class="panel card" aria-labelledby="roi-settings-title" data-testid="roi-settings">
      @if (settings.loading() || saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading ROI settings" />
      }
      <h2 id="roi-settings-title">How ROI is computed</h2>
      @if (!isAdmin) {
        <lg-read-only-hint detail="Admins choose whether ROI is computed on premium or on commission." />
      }
      @if (settings.error(); as message) {
        <lg-error-state title="The ROI settings could not be loaded" [message]="message" (retry)="settings.load()" />
      } @else if (settings.value(); as s) {
        @if (isAdmin) {
          <form [formGroup]="form" (ngSubmit)="save()" novalidate>
            <mat-radio-group formControlName="basis" aria-label="ROI is computed on" class="choices">
              <mat-radio-button value="premium">On the premium won</mat-radio-button>
              <mat-radio-button value="commission">On our commission</mat-radio-button>
            </mat-radio-group>
            @if (form.controls.basis.value === 'commission') {
              <mat-form-field appearance="outline" class="rate">
                <mat-label>Commission rate</mat-label>
                <input matInput formControlName="rate" inputmode="decimal" autocomplete="off" />
                <span matTextSuffix>&nbsp;%</span>
                <mat-hint>Share of the premium paid to you, above 0 and up to 100 %.</mat-hint>
                @if (form.controls.rate.invalid) {
                  <mat-error>Enter a rate above 0 and up to 100 %.</mat-error>
                }
              </mat-form-field>
            }
            <div class="actions">
              <button matButton="filled" type="submit" [disabled]="saving() || form.pristine">Save</button>
            </div>
          </form>
          @if (errorMessage(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
        } @else {
          <p>
            {{
              s.roiBasis === 'commission'
                ? 'On commission at ' + ratePercent(s.commissionRate) + ' of the premium won.'
                : 'On the premium won.'
            }}
          </p>
        }
      }
    </section>
  `,
  styles: `
    .card {
      padding: 12px 16px 16px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 4px 0 12px;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin-bottom: 12px;
    }
    .rate {
      width: 100%;
      max-width: 280px;
    }
    .actions {
      margin-top: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoiSettingsCard {
  private readonly api = inject(InsightsApi);
  private readonly notifier = inject(Notifier);
  readonly saved = output<InsightsSettingsDto>();

  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);
  protected readonly settings = loadable(() => this.api.settings());
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    basis: 'premium' as RoiBasis,
    rate: ['', [(c: { value: string }) => (rateFromPercent(c.value) === null ? { rate: true } : null)]],
  });

  constructor() {
    this.settings.load((s) => this.fill(s));
  }

  protected ratePercent(rate: number | null): string {
    return rate === null ? '—' : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
  }

  protected save(): void {
    const basis = this.form.controls.basis.value;
    const rate = basis === 'commission' ? rateFromPercent(this.form.controls.rate.value) : null;
    if (basis === 'commission' && rate === null) {
      this.form.controls.rate.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.saveSettings({ roiBasis: basis, commissionRate: rate }).subscribe({
      next: (s) => {
        this.saving.set(false);
        this.settings.set(s);
        this.fill(s);
        this.notifier.info('ROI settings saved.');
        this.saved.emit(s);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(e));
      },
    });
  }

  private fill(s: InsightsSettingsDto): void {
    this.form.reset({ basis: s.roiBasis, rate: s.commissionRate === null ? '' : String(Math.round(s.commissionRate * 10_000) / 100) });
  }
}
