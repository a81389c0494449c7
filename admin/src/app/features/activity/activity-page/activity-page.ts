import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  LEAD_SYNC_STATES,
  LeadSyncDto,
  LeadSyncState,
  MetaActivityDelivery,
  MetaQueueDepth,
  ReplayableLeadSyncState,
  Role,
  UNKNOWN_PAGES_WINDOW_DAYS,
} from '@legeai/contracts';
import { filter, finalize } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { pendingKeys } from '../../../shared/data/pending-keys';
import { VisibleInterval } from '../../../shared/data/visible-interval';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import { QUARANTINE_REASON_LABELS, QUEUE_JOB_STATE_LABELS } from '../../../shared/labels/pipeline-labels';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { CountBar, CountBars } from '../count-bars/count-bars';
import { completedWindowText } from '../completed-window';
import { ActivityApi } from '../data/activity-api';

/** How often the page reads the pipeline again while it is visible. */
export const ACTIVITY_REFRESH_MS = 5_000;
/** Failures listed per state; the replay-all button covers the rest too. */
const FAILURES_SHOWN = 50;

const SYNC_TONES: Record<LeadSyncState, CountBar['tone']> = {
  [LeadSyncState.Pending]: 'neutral',
  [LeadSyncState.Stored]: 'good',
  [LeadSyncState.Duplicate]: 'good',
  [LeadSyncState.Failed]: 'bad',
  [LeadSyncState.Parked]: 'warn',
  [LeadSyncState.Skipped]: 'neutral',
};

interface TimelineStep {
  label: string;
  at: string | null;
}

/**
 * Activity: what the lead pipeline is doing — recent webhook deliveries, queue depth, lead syncs by state — and the
 * leads that failed or wait for a reconnect, each with its timeline, to replay. Refreshes itself while visible.
 */
@Component({
  selector: 'lg-activity-page',
  imports: [
    CountBars,
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    ReadOnlyHint,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './activity-page.html',
  styleUrl: './activity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityPage {
  private readonly api = inject(ActivityApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  private readonly auth = inject(AuthStore);
  protected readonly canReplay = this.auth.hasRole(Role.Manager);
  /** Deliveries for Pages not connected here are listed to admins only (the API answers others none). */
  protected readonly isAdmin = this.auth.hasRole(Role.Admin);
  protected readonly unknownPagesDays = UNKNOWN_PAGES_WINDOW_DAYS;
  protected readonly deliveryColumns = ['receivedAt', 'status', 'changes', 'ignored'];
  protected readonly unknownPageColumns = ['pageId', 'deliveries', 'lastAt'];

  protected readonly activity = loadable(() => this.api.activity());
  protected readonly failed = loadable(() => this.api.leadSyncs({ state: LeadSyncState.Failed, limit: FAILURES_SHOWN }));
  protected readonly parked = loadable(() => this.api.leadSyncs({ state: LeadSyncState.Parked, limit: FAILURES_SHOWN }));
  protected readonly failureLists = [
    {
      state: LeadSyncState.Failed as ReplayableLeadSyncState,
      title: 'Failed',
      noun: 'failed leads',
      list: this.failed,
      empty: 'Leads that Meta refused or that ran out of retries show up here.',
    },
    {
      state: LeadSyncState.Parked as ReplayableLeadSyncState,
      title: 'Parked',
      noun: 'parked leads',
      list: this.parked,
      empty: 'Leads wait here while the Meta connection needs a reconnect.',
    },
  ];

  protected readonly syncBars = computed<CountBar[]>(() => {
    const syncs = this.activity.value()?.syncs;
    return syncs
      ? LEAD_SYNC_STATES.map((state) => ({
          key: state,
          label: label('leadSyncState', state),
          value: syncs[state] ?? 0,
          tone: SYNC_TONES[state],
        }))
      : [];
  });

  /** Ids of syncs with a replay on its way, and the states being replayed in bulk. */
  protected readonly replaying = pendingKeys();

  constructor() {
    this.refresh();
    inject(VisibleInterval)
      .every(ACTIVITY_REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    this.activity.load();
    this.failed.load();
    this.parked.load();
  }

  protected completedText(queue: MetaQueueDepth): string {
    return completedWindowText(queue.completed, queue.completedKept);
  }

  protected queueBars(queue: MetaQueueDepth): CountBar[] {
    const bar = (key: keyof typeof QUEUE_JOB_STATE_LABELS, tone?: CountBar['tone']): CountBar => ({
      key,
      label: QUEUE_JOB_STATE_LABELS[key],
      value: queue[key],
      tone,
    });
    return [bar('waiting'), bar('active', 'good'), bar('delayed', 'warn'), bar('failed', 'bad')];
  }

  protected ignoredReasons(delivery: MetaActivityDelivery): string {
    return delivery.ignored
      .map((part) => {
        const reason = label('ignoreReason', part.reason);
        return part.field ? `${reason} (${part.field})` : reason;
      })
      .join('; ');
  }

  /** Why a quarantined delivery was kept instead of processed, in words; empty for the others. */
  protected quarantineReason(delivery: MetaActivityDelivery): string {
    return delivery.quarantineReason ? QUARANTINE_REASON_LABELS[delivery.quarantineReason] : '';
  }

  /** What to do about the sync's error: its own hint, or the kind's general one. */
  protected fixHint(sync: LeadSyncDto): string | null {
    return sync.hint ?? (sync.errorKind ? label('syncErrorHint', sync.errorKind) : null);
  }

  /** "Spring offer on Acme Insurance", with Meta's ids standing in for names not known here. */
  protected source(sync: LeadSyncDto): string {
    const form = sync.formName ?? (sync.formId ? `Form ${sync.formId}` : 'Unknown form');
    return `${form} on ${sync.pageName ?? `Page ${sync.pageId}`}`;
  }

  protected timeline(sync: LeadSyncDto): TimelineStep[] {
    return [
      { label: 'Received', at: sync.receivedAt },
      { label: 'Fetched', at: sync.fetchedAt },
      { label: 'Mapped', at: sync.mappedAt },
      { label: 'Stored', at: sync.storedAt },
    ];
  }

  protected replay(sync: LeadSyncDto): void {
    this.replaying.mark(sync.id, true);
    this.api
      .replay(sync.id)
      .pipe(finalize(() => this.replaying.mark(sync.id, false)))
      .subscribe(() => {
        this.notifier.info(`Lead ${sync.leadgenId} is being replayed.`);
        this.refresh();
      });
  }

  protected replayAll(state: ReplayableLeadSyncState, count: number): void {
    const noun = this.failureLists.find((list) => list.state === state)?.noun ?? 'leads';
    confirmAction(this.dialog, {
      title: `Replay all ${noun}?`,
      message:
        `Every one of the ${noun} (${count} ${count === 1 ? 'is' : 'are'} listed) runs through the pipeline again: it is ` +
        'read from Meta, mapped and stored. Leads already stored are not stored twice.',
      confirmLabel: 'Replay all',
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.replaying.mark(state, true);
        this.api
          .replayAll(state)
          .pipe(finalize(() => this.replaying.mark(state, false)))
          .subscribe(({ replayed }) => {
            this.notifier.info(`${replayed} ${replayed === 1 ? 'lead' : 'leads'} replayed.`);
            this.refresh();
          });
      });
  }
}
