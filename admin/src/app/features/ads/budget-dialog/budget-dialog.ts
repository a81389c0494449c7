import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ADS_ERROR_CODES, MetaAdSetDto, MetaCampaignDto, UpdateAdObjectRequest } from '@legeai/contracts';

import { httpErrorMessage, isErrorEnvelope } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { AdsApi } from '../data/ads-api';
import { budgetOf } from '../data/budget';
import { instantToLocalTime, localTimeToInstant } from '../data/campaign-draft';
import { IdempotencyKeys } from '../data/idempotency';
import { currencySymbol, formatMoney, formatMoneyInput, formatPercentChange, parseMoneyInput, percentChange } from '../data/money';
import { provideAdsFieldDefaults } from '../field-defaults';

export interface BudgetDialogData {
  level: 'campaign' | 'adset';
  object: MetaCampaignDto | MetaAdSetDto;
  currency: string;
}

/** What the server asked to confirm: a budget change above the organisation's threshold. */
interface PendingConfirmation {
  changes: UpdateAdObjectRequest;
  from: string;
  to: string;
  /** "+60%", or null when the change cannot be measured (no budget before). */
  change: string | null;
  /** The organisation's threshold, when the server said it. */
  threshold: string | null;
}

/** Whether a refusal asks for the user's confirmation of a large budget change (409 CONFIRMATION_REQUIRED). */
export function isConfirmationRequired(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    isErrorEnvelope(error.error) &&
    error.error.error.code === ADS_ERROR_CODES.confirmationRequired
  );
}

/**
 * Edits a campaign's or ad set's budget (in major units of the account's currency, in the reader's locale) and its
 * end date. A change above the organisation's threshold comes back as "confirmation required": the dialog shows it
 * (from → to, +N %) and sends it again with `confirmed: true` once the user agrees. Closes with the saved object.
 */
@Component({
  selector: 'lg-budget-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  providers: [provideAdsFieldDefaults()],
  templateUrl: './budget-dialog.html',
  styleUrl: './budget-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetDialog {
  private readonly api = inject(AdsApi);
  private readonly notifier = inject(Notifier);
  private readonly dialogRef = inject<MatDialogRef<BudgetDialog, MetaCampaignDto | MetaAdSetDto>>(MatDialogRef);
  private readonly keys = new IdempotencyKeys();
  protected readonly data = inject<BudgetDialogData>(MAT_DIALOG_DATA);

  protected readonly budget = budgetOf(this.data.object);
  protected readonly symbol = currencySymbol(this.data.currency);
  protected readonly example = formatMoneyInput(125050, this.data.currency);
  private readonly endBefore = instantToLocalTime(endOf(this.data.object));
  protected readonly form = inject(NonNullableFormBuilder).group({
    amount: this.budget ? formatMoneyInput(this.budget.amountMinor, this.data.currency) : '',
    endTime: this.endBefore,
  });

  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly confirmation = signal<PendingConfirmation | null>(null);
  protected readonly amountInvalid = signal(false);
  protected readonly kind = computed(() => (this.budget?.type === 'lifetime' ? 'Lifetime budget' : 'Daily budget'));

  protected save(): void {
    const changes = this.changes();
    if (changes === null) {
      this.amountInvalid.set(true);
      return;
    }
    this.amountInvalid.set(false);
    if (Object.keys(changes).length === 0) {
      this.dialogRef.close();
      return;
    }
    this.send(changes);
  }

  protected confirm(): void {
    const pending = this.confirmation();
    if (pending) {
      this.send({ ...pending.changes, confirmed: true });
    }
  }

  protected cancelConfirmation(): void {
    this.confirmation.set(null);
  }

  /** What changed, as the API takes it; `null` when the amount is no amount of this currency. */
  private changes(): UpdateAdObjectRequest | null {
    const { amount, endTime } = this.form.getRawValue();
    const changes: UpdateAdObjectRequest = {};
    if (this.budget) {
      const minor = parseMoneyInput(amount, this.data.currency);
      if (minor === null || minor <= 0) {
        return null;
      }
      if (minor !== this.budget.amountMinor) {
        changes[this.budget.type === 'daily' ? 'dailyBudgetMinor' : 'lifetimeBudgetMinor'] = minor;
      }
    }
    if (endTime !== this.endBefore) {
      changes.endTime = localTimeToInstant(endTime) ?? null;
    }
    return changes;
  }

  private send(changes: UpdateAdObjectRequest): void {
    const action = `edit:${this.data.level}:${this.data.object.id}`;
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api
      .update<MetaCampaignDto | MetaAdSetDto>(this.data.level, this.data.object.id, changes, this.keys.keyFor(action, changes))
      .subscribe({
        next: (saved) => {
          this.keys.settle(action);
          this.saving.set(false);
          this.notifier.info(`${saved.name}: changes saved.`);
          this.dialogRef.close(saved);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (isConfirmationRequired(error)) {
            // Refused, not applied: confirming is a new request with its own key.
            this.keys.settle(action);
            this.confirmation.set(this.describeConfirmation(changes, error as HttpErrorResponse));
          } else {
            this.confirmation.set(null);
            this.errorMessage.set(httpErrorMessage(error));
          }
        },
      });
  }

  private describeConfirmation(changes: UpdateAdObjectRequest, error: HttpErrorResponse): PendingConfirmation {
    const currency = this.data.currency;
    const details = (isErrorEnvelope(error.error) ? error.error.error.details : undefined) ?? {};
    // The server's figures when it sent them (details: from, to, percent, thresholdPercent), ours otherwise.
    const from = numberIn(details, 'from') ?? this.budget?.amountMinor ?? null;
    const to = numberIn(details, 'to') ?? changes.dailyBudgetMinor ?? changes.lifetimeBudgetMinor ?? from ?? 0;
    const percent = numberIn(details, 'percent') ?? percentChange(from, to);
    const threshold = numberIn(details, 'thresholdPercent');
    return {
      changes,
      from: from === null ? '—' : formatMoney(from, currency),
      to: formatMoney(to, currency),
      change: percent === null ? null : formatPercentChange(percent),
      threshold: threshold === null ? null : formatPercentChange(threshold),
    };
  }
}

function endOf(object: MetaCampaignDto | MetaAdSetDto): string | null {
  return 'stopTime' in object ? object.stopTime : object.endTime;
}

function numberIn(details: Record<string, unknown>, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = details[key];
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value;
    }
  }
  return null;
}
