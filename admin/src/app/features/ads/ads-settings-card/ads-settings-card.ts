import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AdsGuardrailsDto, AdsSettingsRequest, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { AdsApi } from '../data/ads-api';
import { currencySymbol, formatMoney, formatMoneyInput, formatPercentChange, parseMoneyInput } from '../data/money';
import { provideAdsFieldDefaults } from '../field-defaults';

/**
 * The organisation's budget guardrails: a ceiling on the daily budgets of an ad account, and the size of a budget
 * change that asks for a confirmation. Admins change them; everyone else reads them. The ceiling is one number
 * applied in each ad account's own currency, so it is shown in the currency of the account on screen.
 */
@Component({
  selector: 'lg-ads-settings-card',
  imports: [
    ErrorState,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    ReadOnlyHint,
  ],
  providers: [provideAdsFieldDefaults()],
  template: `
    <section class="panel card" aria-labelledby="ads-settings-title" data-testid="ads-settings">
      @if (guardrails.loading() || saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading budget guardrails" />
      }
      <h2 id="ads-settings-title">Budget guardrails</h2>
      @if (!isAdmin) {
        <lg-read-only-hint detail="Admins set the budget ceiling and when a budget change needs a confirmation." />
      }
      @if (guardrails.error(); as message) {
        <lg-error-state title="The guardrails could not be loaded" [message]="message" (retry)="guardrails.load()" />
      } @else if (guardrails.value(); as g) {
        @if (isAdmin) {
          <form [formGroup]="form" (ngSubmit)="save()" novalidate class="fields">
            <mat-form-field appearance="outline">
              <mat-label>Daily budget ceiling per ad account</mat-label>
              <span matTextPrefix>{{ symbol() }}&nbsp;</span>
              <input matInput formControlName="ceiling" inputmode="decimal" autocomplete="off" />
              <mat-hint>Sum of daily budgets, in each account's currency. Empty: no ceiling.</mat-hint>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Confirm budget changes above</mat-label>
              <input matInput type="number" min="1" max="1000" formControlName="threshold" />
              <span matTextSuffix>&nbsp;%</span>
              <mat-hint>A raise above this asks the user to confirm.</mat-hint>
            </mat-form-field>
            <div class="actions">
              <button matButton="filled" type="submit" [disabled]="saving() || form.pristine">Save guardrails</button>
            </div>
          </form>
          @if (errorMessage(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
        } @else {
          <dl class="facts">
            <dt>Daily budget ceiling per ad account</dt>
            <dd>{{ g.dailyBudgetCeilingMinor === null ? 'None' : money(g.dailyBudgetCeilingMinor) }}</dd>
            <dt>Budget changes that need a confirmation</dt>
            <dd>Above {{ percent(g.confirmChangeAbovePercent) }}</dd>
          </dl>
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
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    mat-form-field {
      flex: 1 1 240px;
      min-width: 0;
      margin-bottom: 8px;
    }
    .actions {
      flex: 1 1 100%;
      margin-top: 12px;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdsSettingsCard {
  private readonly api = inject(AdsApi);
  private readonly notifier = inject(Notifier);

  /** The currency of the ad account on screen; the ceiling is shown and typed in it. */
  readonly currency = input<string | null>(null);

  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);
  protected readonly guardrails = loadable(() => this.api.guardrails());
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    ceiling: '',
    threshold: [50, [Validators.required, Validators.min(1), Validators.max(1000)]],
  });

  constructor() {
    this.guardrails.load((g) => this.fill(g));
    // The ceiling reads in the account's currency: a switch of account rewrites it.
    effect(() => {
      this.currency();
      untracked(() => {
        const g = this.guardrails.value();
        if (g && this.form.pristine) {
          this.fill(g);
        }
      });
    });
  }

  protected symbol(): string {
    return currencySymbol(this.currencyCode());
  }

  protected money(amountMinor: number): string {
    return formatMoney(amountMinor, this.currencyCode());
  }

  protected percent(value: number): string {
    return formatPercentChange(value);
  }

  protected save(): void {
    const { ceiling, threshold } = this.form.getRawValue();
    const ceilingMinor = ceiling.trim() === '' ? null : parseMoneyInput(ceiling, this.currencyCode());
    if (ceiling.trim() !== '' && (ceilingMinor === null || ceilingMinor <= 0)) {
      this.errorMessage.set(`The ceiling must be an amount above 0, e.g. ${formatMoneyInput(50000, this.currencyCode())}.`);
      return;
    }
    if (this.form.invalid) {
      this.errorMessage.set('Confirm budget changes above a percentage from 1 to 1000.');
      return;
    }
    const request: AdsSettingsRequest = { dailyBudgetCeilingMinor: ceilingMinor, confirmChangeAbovePercent: Number(threshold) };
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.saveSettings(request).subscribe({
      next: () => {
        this.saving.set(false);
        const saved = { ...this.guardrails.value()!, ...request };
        this.guardrails.set(saved);
        this.fill(saved);
        this.notifier.info('Budget guardrails saved.');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  private currencyCode(): string {
    return this.currency() ?? 'USD';
  }

  private fill(g: AdsGuardrailsDto): void {
    this.form.reset({
      ceiling: g.dailyBudgetCeilingMinor === null ? '' : formatMoneyInput(g.dailyBudgetCeilingMinor, this.currencyCode()),
      threshold: g.confirmChangeAbovePercent,
    });
  }
}
