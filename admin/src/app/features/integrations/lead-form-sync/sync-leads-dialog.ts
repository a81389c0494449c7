import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MetaLeadFormDto, SyncLeadsRequest, SyncLeadsResult } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadFormApi } from '../data/lead-form-api';

export interface SyncLeadsDialogData {
  form: MetaLeadFormDto;
}

/** The range offered at first: the last seven days, today included. */
const DEFAULT_DAYS = 7;

/**
 * Reads a form's leads from Meta for a date range now and stores the ones LEGEAI does not have yet; reports how
 * many were new and how many were already there. Without a start day it reads from where the last sync stopped.
 */
@Component({
  selector: 'lg-sync-leads-dialog',
  imports: [
    DecimalPipe,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    Timestamp,
  ],
  providers: [provideNativeDateAdapter()],
  templateUrl: './sync-leads-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .range {
      width: 100%;
    }
    .result {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 8px 0 0;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font-weight: 500;
      }
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class SyncLeadsDialog {
  private readonly api = inject(LeadFormApi);
  protected readonly form = inject<SyncLeadsDialogData>(MAT_DIALOG_DATA).form;

  protected readonly today = new Date();
  protected readonly range = new FormGroup({
    start: new FormControl<Date | null>(daysAgo(DEFAULT_DAYS - 1)),
    end: new FormControl<Date | null>(daysAgo(0)),
  });

  protected readonly syncing = signal(false);
  protected readonly result = signal<SyncLeadsResult | null>(null);
  protected readonly error = signal<string | null>(null);

  protected sync(): void {
    this.syncing.set(true);
    this.result.set(null);
    this.error.set(null);
    this.api.syncLeads(syncRequest(this.form.id, this.range.value.start ?? null, this.range.value.end ?? null)).subscribe({
      next: (result) => {
        this.syncing.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.syncing.set(false);
        this.error.set(httpErrorMessage(error));
      },
    });
  }
}

/**
 * The request for local calendar days, both inclusive: the API reads `from` inclusive and `to` exclusive, so the
 * window ends at the start of the day after `end`. Without `end` it reads up to now.
 */
export function syncRequest(formId: string, start: Date | null, end: Date | null): SyncLeadsRequest {
  const request: SyncLeadsRequest = { formId };
  if (start) {
    request.from = startOfDay(start).toISOString();
  }
  if (end) {
    const next = startOfDay(end);
    next.setDate(next.getDate() + 1);
    request.to = next.toISOString();
  }
  return request;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function daysAgo(days: number): Date {
  const date = startOfDay(new Date());
  date.setDate(date.getDate() - days);
  return date;
}
