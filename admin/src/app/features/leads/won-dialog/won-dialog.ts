import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { LeadCurrencyDto } from '@legeai/contracts';

import { formatAmountInput, parseMoney } from '../../../shared/money/money';

export interface WonDialogData {
  /** The lead's premium now, offered again. */
  premiumValue: string | null;
  /** The currency the premium is in unless changed: the lead's, its ad account's or the organisation's. */
  currency: LeadCurrencyDto | null;
  /** Correcting a won lead's premium rather than marking it won. */
  correcting: boolean;
}

/** What the dialog closes with: a premium (amount and currency) or the explicit "not known yet". */
export type WonPremium = { premiumValue: string; premiumCurrency: string } | { premiumUnknown: true };

const CURRENCY_SOURCE: Record<LeadCurrencyDto['source'], string> = {
  lead: "the lead's premium",
  ad_account: "the ad account of the lead's Page",
  organisation: "the organisation's default",
};

/** An amount in the reader's locale ("1,250.50"), at most 10 digits and 2 decimals. */
function localeAmount(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || parseMoney(control.value) !== null ? null : { amount: true };
}

/**
 * Marking a lead won asks for its premium, or for an explicit "premium not known yet": neither is preselected, so a
 * won lead never ends up without a premium by accident. The amount is typed the way the reader writes numbers.
 */
@Component({
  selector: 'lg-won-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>{{ data.correcting ? 'Correct the premium' : 'Mark as won' }}</h2>
    <mat-dialog-content>
      <mat-radio-group class="choice" [formControl]="choice" aria-label="Premium">
        <mat-radio-button value="known">The annual premium is known</mat-radio-button>
        @if (choice.value === 'known') {
          <div class="premium">
            <mat-form-field subscriptSizing="dynamic" class="amount">
              <mat-label>Annual premium</mat-label>
              <input matInput inputmode="decimal" [formControl]="amount" [placeholder]="example" />
              @if (amount.hasError('required')) {
                <mat-error>Enter the premium.</mat-error>
              } @else if (amount.hasError('amount')) {
                <mat-error>Use an amount like {{ example }}.</mat-error>
              }
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic" class="currency">
              <mat-label>Currency</mat-label>
              <input matInput maxlength="3" [formControl]="currency" />
              @if (currency.hasError('required')) {
                <mat-error>Enter the currency.</mat-error>
              } @else if (currency.hasError('pattern')) {
                <mat-error>Three letters, e.g. USD.</mat-error>
              }
            </mat-form-field>
          </div>
          @if (data.currency; as known) {
            <p class="hint">Currency from {{ source(known) }}.</p>
          } @else {
            <p class="hint">No ad account or organisation default gives a currency: enter it.</p>
          }
        }
        <mat-radio-button value="unknown">Premium not known yet</mat-radio-button>
      </mat-radio-group>
      @if (missingChoice()) {
        <p class="error" role="alert">Choose whether the premium is known.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>Cancel</button>
      <button matButton="filled" (click)="confirm()">{{ data.correcting ? 'Save premium' : 'Mark as won' }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .choice {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .premium {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 4px 0 0 40px;
    }
    .amount {
      flex: 1 1 160px;
    }
    .currency {
      flex: 0 1 100px;
    }
    .hint {
      margin: 4px 0 8px 40px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WonDialog {
  protected readonly data = inject<WonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<WonDialog, WonPremium>>(MatDialogRef);

  /** How the reader writes 1250.50. */
  protected readonly example = formatAmountInput('1250.50');
  protected readonly choice = new FormControl<'known' | 'unknown' | null>(this.data.premiumValue ? 'known' : null);
  protected readonly amount = new FormControl(formatAmountInput(this.data.premiumValue), {
    nonNullable: true,
    validators: [Validators.required, localeAmount],
  });
  protected readonly currency = new FormControl(this.data.currency?.code ?? '', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/^[A-Za-z]{3}$/)],
  });
  protected readonly missingChoice = signal(false);

  protected source(currency: LeadCurrencyDto): string {
    return CURRENCY_SOURCE[currency.source];
  }

  protected confirm(): void {
    const choice = this.choice.value;
    if (!choice) {
      this.missingChoice.set(true);
      return;
    }
    if (choice === 'unknown') {
      this.ref.close({ premiumUnknown: true });
      return;
    }
    this.amount.markAsTouched();
    this.currency.markAsTouched();
    const premiumValue = parseMoney(this.amount.value);
    if (this.amount.invalid || this.currency.invalid || premiumValue === null) {
      return;
    }
    this.ref.close({ premiumValue, premiumCurrency: this.currency.value.toUpperCase() });
  }
}
