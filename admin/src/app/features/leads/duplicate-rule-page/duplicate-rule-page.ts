import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { DuplicateMatchLevel, DuplicateSettingsDto } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadDuplicatesApi } from '../data/lead-duplicates-api';

const RANK: Record<DuplicateMatchLevel, number> = { ignore: 0, possible: 1, duplicate: 2 };

/** The choices for each signal, in words. */
export const MATCH_LEVEL_OPTIONS: readonly { value: DuplicateMatchLevel; label: string }[] = [
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'possible', label: 'Possible duplicate' },
  { value: 'ignore', label: 'Not a match' },
];

/**
 * The organisation's person-matching rule, for admins: what each signal (same email; same phone and name; same phone
 * only) makes of a new lead, and how far back an earlier lead counts. Applies to leads arriving after it is saved.
 */
@Component({
  selector: 'lg-duplicate-rule-page',
  imports: [
    ErrorState,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    Timestamp,
  ],
  template: `
    <header class="page-header">
      <div>
        <a matButton routerLink=".." class="back"><mat-icon>arrow_back</mat-icon>Leads</a>
        <h1>Duplicate rule</h1>
        <p class="lead">When a new lead is the same person as an earlier one, it is linked to that original.</p>
      </div>
    </header>

    <section class="panel card" data-testid="duplicate-rule">
      @if (settings.loading() || saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the duplicate rule" />
      }
      @if (settings.error(); as message) {
        <lg-error-state title="The duplicate rule could not be loaded" [message]="message" (retry)="load()" />
      } @else if (settings.value(); as s) {
        <p class="applies" role="note">
          <mat-icon aria-hidden="true">schedule</mat-icon>
          <span>
            A change applies to leads arriving after you save it; leads already stored keep their links.
            @if (s.isDefault) {
              This is the default rule.
            } @else {
              Last changed <lg-timestamp [at]="s.updatedAt" show="absolute" />.
            }
          </span>
        </p>
        <p class="explain">
          A duplicate is linked to its original at once. A possible duplicate is shown as such until a manager confirms or dismisses it.
        </p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="fields">
          <mat-form-field appearance="outline">
            <mat-label>Same email</mat-label>
            <mat-select formControlName="email">
              @for (option of levels; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Same phone and same name</mat-label>
            <mat-select formControlName="phoneAndName">
              @for (option of levels; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Same phone only</mat-label>
            <mat-select formControlName="phoneOnly">
              @for (option of levels; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>The names differ or one is missing: often a household sharing a phone.</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Look back</mat-label>
            <input matInput type="number" min="1" max="365" formControlName="windowDays" />
            <span matTextSuffix>&nbsp;days</span>
            <mat-hint>How long before a new lead an earlier one still counts (1 to 365 days).</mat-hint>
          </mat-form-field>
          <div class="actions">
            <button matButton="filled" type="submit" [disabled]="saving() || form.pristine">Save rule</button>
          </div>
        </form>
        @if (errorMessage(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
      }
    </section>
  `,
  styles: `
    .back {
      margin: 0 0 4px -12px;
    }
    .card {
      padding: 12px 16px 16px;
    }
    .applies {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 4px 0 16px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
      mat-icon {
        flex: none;
      }
    }
    .explain {
      margin: 0 0 16px;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    mat-form-field {
      flex: 1 1 260px;
      min-width: 0;
      margin-bottom: 16px;
    }
    .actions {
      flex: 1 1 100%;
      margin-top: 12px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuplicateRulePage {
  private readonly api = inject(LeadDuplicatesApi);
  private readonly notifier = inject(Notifier);

  protected readonly levels = MATCH_LEVEL_OPTIONS;
  protected readonly settings = loadable(() => this.api.settings());
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: 'duplicate' as DuplicateMatchLevel,
    phoneAndName: 'duplicate' as DuplicateMatchLevel,
    phoneOnly: 'possible' as DuplicateMatchLevel,
    windowDays: [30, [Validators.required, Validators.min(1), Validators.max(365)]],
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.settings.load((s) => this.fill(s));
  }

  protected save(): void {
    const rule = this.form.getRawValue();
    const windowDays = Number(rule.windowDays);
    if (this.form.invalid || !Number.isInteger(windowDays)) {
      this.errorMessage.set('Look back a whole number of days, from 1 to 365.');
      return;
    }
    if (RANK[rule.phoneOnly] > RANK[rule.phoneAndName]) {
      this.errorMessage.set('"Same phone only" cannot weigh more than "Same phone and same name".');
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.saveSettings({ ...rule, windowDays }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.settings.set(saved);
        this.fill(saved);
        this.notifier.info('Duplicate rule saved. It applies to leads arriving from now on.');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  private fill(s: DuplicateSettingsDto): void {
    this.form.reset({ email: s.email, phoneAndName: s.phoneAndName, phoneOnly: s.phoneOnly, windowDays: s.windowDays });
  }
}
