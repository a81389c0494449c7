import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CLOSED_LEAD_STATUSES,
  LEAD_STATUS_TRANSITIONS,
  LeadCurrencyDto,
  LeadStatus,
  ReopenLeadRequest,
  UpdateLeadStatusRequest,
} from '@legeai/contracts';
import { filter } from 'rxjs';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { formatAmountInput, parseMoney } from '../../../shared/money/money';
import { ReopenDialog, ReopenDialogData } from '../reopen-dialog/reopen-dialog';
import { WonDialog, WonDialogData, WonPremium } from '../won-dialog/won-dialog';

/** Stages at which a premium has been quoted, so the value can be recorded with the move. */
const PREMIUM_STATUSES: readonly LeadStatus[] = [LeadStatus.Quoted, LeadStatus.Won];

/** An optional amount in the reader's locale ("1,250.50"). */
function localeAmount(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || parseMoney(control.value) !== null ? null : { amount: true };
}

/**
 * Moves a lead along the pipeline, offering only the moves the API allows from its current stage. Won asks for the
 * premium (or an explicit "not known yet") in its own dialog; a quoted lead's premium is typed inline, in the
 * reader's locale. A won or lost lead can be reopened with a reason.
 */
@Component({
  selector: 'lg-lead-status-control',
  imports: [
    LabelPipe,
    LowerCasePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    @if (nextStatuses().length === 0) {
      <p class="final">
        This lead is {{ status() | label: 'leadStatus' | lowercase }}{{ correctsPremium() ? '; its premium can be corrected' : '' }}.
        @if (closed()) {
          Reopening it takes a reason.
        }
      </p>
    }
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
      @if (target() === quoted) {
        <mat-form-field subscriptSizing="dynamic" class="premium">
          <mat-label>Annual premium</mat-label>
          <input matInput inputmode="decimal" [formControl]="premiumValue" [placeholder]="example" />
          @if (premiumValue.hasError('amount')) {
            <mat-error>Use an amount like {{ example }}.</mat-error>
          } @else if (premiumValue.hasError('required')) {
            <mat-error>Enter the premium.</mat-error>
          }
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="currency">
          <mat-label>Currency</mat-label>
          <input matInput maxlength="3" [formControl]="premiumCurrency" />
          @if (premiumCurrency.hasError('pattern')) {
            <mat-error>Three letters, e.g. USD.</mat-error>
          } @else if (premiumCurrency.hasError('required')) {
            <mat-error>Enter the currency.</mat-error>
          }
        </mat-form-field>
      }
      @if (choices().length > 0) {
        <button matButton="filled" (click)="apply()" [disabled]="disabled() || !target()">
          {{ keepsStatus() ? 'Correct premium' : 'Change status' }}
        </button>
      }
      @if (closed()) {
        <button matButton="outlined" (click)="openReopen()" [disabled]="disabled()">
          <mat-icon>undo</mat-icon>
          Reopen…
        </button>
      }
    </div>
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
      width: 150px;
    }
    .currency {
      width: 90px;
    }
    .final {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadStatusControl {
  private readonly dialog = inject(MatDialog);

  readonly status = input.required<LeadStatus>();
  /** The lead's current premium, offered again when it is quoted or won. */
  readonly premiumValueNow = input<string | null>(null);
  /** The currency a premium is in unless changed (the lead's, its ad account's or the organisation's). */
  readonly currency = input<LeadCurrencyDto | null>(null);
  readonly disabled = input(false);
  readonly statusChange = output<UpdateLeadStatusRequest>();
  readonly reopen = output<ReopenLeadRequest>();

  protected readonly quoted = LeadStatus.Quoted;
  /** How the reader writes 1250.50. */
  protected readonly example = formatAmountInput('1250.50');
  protected readonly nextStatuses = computed(() => LEAD_STATUS_TRANSITIONS[this.status()]);
  protected readonly closed = computed(() => CLOSED_LEAD_STATUSES.includes(this.status()));
  /** Whether the lead has a premium to correct without moving (it is quoted or won). */
  protected readonly correctsPremium = computed(() => PREMIUM_STATUSES.includes(this.status()));
  /** The moves, and keeping the current status to correct the premium when there is one. */
  protected readonly choices = computed(() => (this.correctsPremium() ? [this.status(), ...this.nextStatuses()] : this.nextStatuses()));
  protected readonly target = signal<LeadStatus | null>(null);
  protected readonly keepsStatus = computed(() => this.target() === this.status());
  protected readonly premiumValue = new FormControl('', { nonNullable: true, validators: localeAmount });
  protected readonly premiumCurrency = new FormControl('', {
    nonNullable: true,
    validators: Validators.pattern(/^[A-Za-z]{3}$/),
  });

  constructor() {
    // A new current status (another lead, a saved or reverted move) starts the choice over.
    effect(() => {
      const status = this.status();
      // A won lead has no move left: its one choice, correcting the premium, is taken already.
      this.target.set(LEAD_STATUS_TRANSITIONS[status].length === 0 && PREMIUM_STATUSES.includes(status) ? status : null);
      this.premiumValue.reset(formatAmountInput(this.premiumValueNow()));
      this.premiumCurrency.reset(this.currency()?.code ?? '');
    });
  }

  protected apply(): void {
    const status = this.target();
    if (!status) {
      return;
    }
    if (status === LeadStatus.Won) {
      this.askWonPremium(status);
      return;
    }
    const request: UpdateLeadStatusRequest = { status };
    const typed = this.premiumValue.value.trim();
    if (status === LeadStatus.Quoted && (typed || this.keepsStatus())) {
      this.premiumValue.markAsTouched();
      this.premiumCurrency.markAsTouched();
      if (!typed) {
        // Keeping the status only makes sense with a premium to store.
        this.premiumValue.setErrors({ required: true });
        return;
      }
      const amount = parseMoney(typed);
      if (amount === null || this.premiumCurrency.invalid) {
        return;
      }
      if (!this.premiumCurrency.value) {
        this.premiumCurrency.setErrors({ required: true });
        return;
      }
      request.premiumValue = amount;
      request.premiumCurrency = this.premiumCurrency.value.toUpperCase();
    }
    this.statusChange.emit(request);
  }

  protected openReopen(): void {
    this.dialog
      .open<ReopenDialog, ReopenDialogData, ReopenLeadRequest>(ReopenDialog, { data: { status: this.status() }, width: '440px' })
      .afterClosed()
      .pipe(filter((request): request is ReopenLeadRequest => !!request))
      .subscribe((request) => this.reopen.emit(request));
  }

  /** Won needs a premium or an explicit "not known yet": a required choice in its own dialog. */
  private askWonPremium(status: LeadStatus): void {
    const data: WonDialogData = {
      premiumValue: this.premiumValueNow(),
      currency: this.currency(),
      correcting: this.keepsStatus(),
    };
    this.dialog
      .open<WonDialog, WonDialogData, WonPremium>(WonDialog, { data, width: '460px' })
      .afterClosed()
      .pipe(filter((premium): premium is WonPremium => !!premium))
      .subscribe((premium) => this.statusChange.emit({ status, ...premium }));
  }
}
