import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LEAD_STATUS_TRANSITIONS, LeadStatus, UpdateLeadStatusRequest } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';

/** Stages at which a premium has been quoted, so the value can be recorded with the move. */
const PREMIUM_STATUSES: readonly LeadStatus[] = [LeadStatus.Quoted, LeadStatus.Won];

/**
 * Moves a lead along the pipeline, offering only the moves the API allows from its current stage; a quoted or won
 * lead can also keep its status to have its premium corrected.
 */
@Component({
  selector: 'lg-lead-status-control',
  imports: [LabelPipe, LowerCasePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  template: `
    @if (nextStatuses().length === 0) {
      <p class="final">
        This lead is {{ status() | label: 'leadStatus' | lowercase }}; its status can no longer change{{ correctsPremium() ? ', but its premium can be corrected' : '' }}.
      </p>
    }
    @if (choices().length > 0) {
      <div class="row">
        @if (nextStatuses().length > 0) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Move to</mat-label>
            <mat-select [value]="target()" (valueChange)="target.set($event)" [disabled]="disabled()">
              @for (choice of choices(); track choice) {
                <mat-option [value]="choice">
                  @if (choice === status()) {
                    Keep {{ choice | label: 'leadStatus' | lowercase }}, correct premium
                  } @else {
                    {{ choice | label: 'leadStatus' }}
                  }
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (asksPremium()) {
          <mat-form-field subscriptSizing="dynamic" class="premium">
            <mat-label>Annual premium</mat-label>
            <input matInput inputmode="decimal" [formControl]="premiumValue" />
            @if (premiumValue.hasError('pattern')) {
              <mat-error>Use a number like 1249.50.</mat-error>
            } @else if (premiumValue.hasError('required')) {
              <mat-error>Enter the premium.</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="currency">
            <mat-label>Currency</mat-label>
            <input matInput maxlength="3" [formControl]="premiumCurrency" />
            @if (premiumCurrency.hasError('pattern')) {
              <mat-error>Three letters, e.g. EUR.</mat-error>
            }
          </mat-form-field>
        }
        <button matButton="filled" (click)="apply()" [disabled]="disabled() || !target()">
          {{ keepsStatus() ? 'Save premium' : 'Change status' }}
        </button>
      </div>
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
      > button {
        margin-top: 8px;
      }
    }
    mat-form-field {
      width: 160px;
    }
    .premium {
      width: 140px;
    }
    .currency {
      width: 90px;
    }
    .final {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadStatusControl {
  readonly status = input.required<LeadStatus>();
  /** The lead's current premium, offered again when it is quoted or won. */
  readonly premiumValueNow = input<string | null>(null);
  readonly premiumCurrencyNow = input<string | null>(null);
  readonly disabled = input(false);
  readonly statusChange = output<UpdateLeadStatusRequest>();

  protected readonly nextStatuses = computed(() => LEAD_STATUS_TRANSITIONS[this.status()]);
  /** Whether the lead has a premium to correct without moving (it is quoted or won). */
  protected readonly correctsPremium = computed(() => PREMIUM_STATUSES.includes(this.status()));
  /** The moves, and keeping the current status to correct the premium when there is one. */
  protected readonly choices = computed(() =>
    this.correctsPremium() ? [this.status(), ...this.nextStatuses()] : this.nextStatuses(),
  );
  protected readonly target = signal<LeadStatus | null>(null);
  protected readonly keepsStatus = computed(() => this.target() === this.status());
  protected readonly asksPremium = computed(() => {
    const target = this.target();
    return target !== null && PREMIUM_STATUSES.includes(target);
  });
  protected readonly premiumValue = new FormControl('', {
    nonNullable: true,
    validators: Validators.pattern(/^\d{1,10}(\.\d{1,2})?$/),
  });
  protected readonly premiumCurrency = new FormControl('EUR', {
    nonNullable: true,
    validators: Validators.pattern(/^[A-Za-z]{3}$/),
  });

  constructor() {
    // A new current status (another lead, a saved or reverted move) starts the choice over.
    effect(() => {
      const status = this.status();
      // A won lead has no move left: its one choice, correcting the premium, is taken already.
      this.target.set(LEAD_STATUS_TRANSITIONS[status].length === 0 && PREMIUM_STATUSES.includes(status) ? status : null);
      this.premiumValue.reset(this.premiumValueNow() ?? '');
      this.premiumCurrency.reset(this.premiumCurrencyNow() ?? 'EUR');
    });
  }

  protected apply(): void {
    const status = this.target();
    if (!status) {
      return;
    }
    const request: UpdateLeadStatusRequest = { status };
    if (this.keepsStatus() && !this.premiumValue.value.trim()) {
      // Keeping the status only makes sense with a premium to store.
      this.premiumValue.setErrors({ required: true });
      this.premiumValue.markAsTouched();
      return;
    }
    if (this.asksPremium() && this.premiumValue.value.trim()) {
      if (this.premiumValue.invalid || this.premiumCurrency.invalid) {
        this.premiumValue.markAsTouched();
        this.premiumCurrency.markAsTouched();
        return;
      }
      request.premiumValue = this.premiumValue.value.trim();
      request.premiumCurrency = this.premiumCurrency.value.toUpperCase();
    }
    this.statusChange.emit(request);
  }
}
