import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { LeadSyncDto, LeadSyncState, MetaLeadFormDto } from '@legeai/contracts';
import { Observable, Subscription, catchError, exhaustMap, of } from 'rxjs';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { VisibleInterval } from '../../../shared/data/visible-interval';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadFormApi } from '../data/lead-form-api';
import { isSettled, isStored, testLeadSteps } from './test-lead-steps';

/** How often the pipeline is asked about the test lead. */
export const TEST_LEAD_POLL_MS = 2_000;
/** Polls without a webhook before the dialog says none came (60 s). */
export const WEBHOOK_WAIT_POLLS = 30;
/** Polls after the webhook before the dialog says the lead is stuck (2 min: enough for a few retries). */
export const PIPELINE_WAIT_POLLS = 60;

export interface TestLeadDialogData {
  form: MetaLeadFormDto;
}

type Phase = 'ready' | 'sending' | 'following' | 'stored' | 'stopped' | 'timeout' | 'send-failed';

/**
 * Sends a test lead to a form and follows it through the pipeline (webhook → fetch → mapping → store) step by
 * step, ending with a link to the stored lead, or with what went wrong and what to do about it.
 */
@Component({
  selector: 'lg-test-lead-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatProgressSpinnerModule, RouterLink, Timestamp],
  templateUrl: './test-lead-dialog.html',
  styleUrl: './test-lead-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TestLeadDialog {
  private readonly api = inject(LeadFormApi);
  private readonly interval = inject(VisibleInterval);
  protected readonly form = inject<TestLeadDialogData>(MAT_DIALOG_DATA).form;

  protected readonly phase = signal<Phase>('ready');
  protected readonly sentAt = signal<string | null>(null);
  protected readonly leadgenId = signal<string | null>(null);
  protected readonly replaced = signal<string | null>(null);
  protected readonly sync = signal<LeadSyncDto | null>(null);
  /** Why sending failed, or the last poll could not be answered (polling goes on). */
  protected readonly error = signal<string | null>(null);

  protected readonly steps = computed(() =>
    testLeadSteps(this.sentAt(), this.sync(), this.phase() === 'timeout' || this.phase() === 'send-failed'),
  );
  protected readonly stopReason = computed(() => stopReason(this.sync()));

  private polling: Subscription | null = null;
  private polls = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected send(): void {
    this.phase.set('sending');
    this.error.set(null);
    this.api.sendTestLead(this.form.id).subscribe({
      next: (result) => {
        this.sentAt.set(new Date().toISOString());
        this.leadgenId.set(result.leadgenId);
        this.replaced.set(result.replacedLeadgenId);
        this.phase.set('following');
        this.follow(result.leadgenId);
      },
      error: (error: unknown) => {
        this.phase.set('send-failed');
        this.error.set(httpErrorMessage(error));
      },
    });
  }

  private follow(leadgenId: string): void {
    this.polls = 0;
    this.polling = this.interval
      .every(TEST_LEAD_POLL_MS)
      .pipe(exhaustMap(() => this.look(leadgenId)))
      .subscribe({ next: (sync) => this.observe(sync), error: () => undefined });
  }

  /** Looks the lead's sync up by its leadgen id until the webhook created it; then reads it directly. */
  private look(leadgenId: string): Observable<LeadSyncDto | null | 'unanswered'> {
    const known = this.sync();
    const read: Observable<LeadSyncDto | null> = known ? this.api.leadSync(known.id) : this.api.leadSyncOf(leadgenId);
    return read.pipe(
      catchError((error: unknown) => {
        this.error.set(`The pipeline could not be asked (${httpErrorMessage(error)}); trying again.`);
        return of('unanswered' as const);
      }),
    );
  }

  private observe(sync: LeadSyncDto | null | 'unanswered'): void {
    this.polls++;
    if (sync !== 'unanswered') {
      this.error.set(null);
      if (sync) {
        this.sync.set(sync);
      }
    }
    const current = this.sync();
    if (current && isSettled(current)) {
      this.stop(isStored(current) ? 'stored' : 'stopped');
    } else if (!current && this.polls >= WEBHOOK_WAIT_POLLS) {
      this.stop('timeout');
    } else if (current && this.polls >= WEBHOOK_WAIT_POLLS + PIPELINE_WAIT_POLLS) {
      this.stop('timeout');
    }
  }

  private stop(phase: Phase): void {
    this.phase.set(phase);
    this.polling?.unsubscribe();
    this.polling = null;
  }
}

/** What to tell people when the pipeline stopped short of storing the lead. */
function stopReason(sync: LeadSyncDto | null): string | null {
  if (!sync) {
    return null;
  }
  switch (sync.state) {
    case LeadSyncState.Parked:
      return 'Meta no longer accepts the connection’s token, so the lead waits. Reconnect the Meta account; it is replayed then.';
    case LeadSyncState.Skipped:
      return 'The page of this form is no longer connected, so the lead was skipped.';
    case LeadSyncState.Failed:
      return sync.errorMessage ?? 'The lead could not be read from Meta.';
    default:
      return null;
  }
}
