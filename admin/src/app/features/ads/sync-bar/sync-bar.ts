import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { AdAccountSyncStateDto } from '@legeai/contracts';
import { Subscription, catchError, exhaustMap, of } from 'rxjs';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { VisibleInterval } from '../../../shared/data/visible-interval';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { AdsApi } from '../data/ads-api';

/** How often a running sync is asked about. */
export const SYNC_POLL_MS = 2_000;
/** Polls before the bar stops asking (5 minutes); the sync goes on on the server, and a reload shows its outcome. */
export const SYNC_MAX_POLLS = 150;

const IN_PROGRESS: ReadonlySet<AdAccountSyncStateDto['state']> = new Set(['queued', 'running']);

/**
 * "Last synced …" of the chosen ad account's mirror, and "Sync now": it queues a sync and follows it until it is
 * done, then tells the page to read the table again. A sync already under way when the page opens (the one after
 * connecting an account) is followed too.
 */
@Component({
  selector: 'lg-sync-bar',
  imports: [LabelPipe, MatButtonModule, MatIconModule, MatProgressSpinnerModule, Timestamp],
  template: `
    <div class="bar" data-testid="sync-bar">
      <span class="state" role="status">
        @if (syncing()) {
          <mat-spinner diameter="16" aria-hidden="true" />
          <span>{{ state()?.state === 'queued' ? 'Waiting to sync…' : 'Syncing with Meta…' }}</span>
        } @else if (error(); as message) {
          <mat-icon class="warn" aria-hidden="true">sync_problem</mat-icon>
          <span>Sync state unknown: {{ message }}</span>
        } @else if (state(); as s) {
          @if (s.state === 'failed' || s.state === 'paused') {
            <mat-icon class="warn" aria-hidden="true">sync_problem</mat-icon>
            <span>{{ s.state | label: 'adSyncState' }}{{ s.lastError ? ': ' + s.lastError : '' }}.</span>
          }
          <span data-testid="last-synced">
            @if (s.lastSyncedAt) {
              Last synced <lg-timestamp [at]="s.lastSyncedAt" />
            } @else {
              Never synced
            }
          </span>
        }
        @if (stoppedWatching()) {
          <span>Still syncing; reload the page later to see the outcome.</span>
        }
      </span>
      <button matButton="outlined" (click)="syncNow()" [disabled]="!canManage() || !adAccountId() || syncing() || starting()">
        <mat-icon>sync</mat-icon>
        Sync now
      </button>
    </div>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 12px;
    }
    .state {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      min-width: 0;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    mat-spinner,
    mat-icon {
      flex-shrink: 0;
    }
    .warn {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncBar {
  private readonly api = inject(AdsApi);
  private readonly interval = inject(VisibleInterval);

  readonly adAccountId = input.required<string | null>();
  readonly canManage = input(false);
  /** A sync of the account finished: the mirror changed. */
  readonly synced = output<AdAccountSyncStateDto>();

  private readonly states = signal<AdAccountSyncStateDto[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly starting = signal(false);
  protected readonly stoppedWatching = signal(false);
  protected readonly state = computed(() => this.states().find((s) => s.adAccountId === this.adAccountId()) ?? null);
  protected readonly syncing = computed(() => {
    const state = this.state();
    return this.starting() || (state !== null && IN_PROGRESS.has(state.state));
  });

  private watching: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.watching?.unsubscribe());
    effect(() => {
      if (this.adAccountId()) {
        untracked(() => this.read());
      }
    });
  }

  syncNow(): void {
    const account = this.adAccountId();
    if (!account) {
      return;
    }
    this.starting.set(true);
    this.stoppedWatching.set(false);
    this.api.syncNow(account).subscribe({
      next: () => {
        // Shown as waiting until the first poll says otherwise, so the button cannot queue a second sync meanwhile.
        this.replaceState(account, { state: 'queued' });
        this.starting.set(false);
        this.watch();
      },
      // The snack bar says why.
      error: () => this.starting.set(false),
    });
  }

  private read(): void {
    this.api.syncStates().subscribe({
      next: (states) => {
        this.error.set(null);
        this.states.set(states);
        if (this.syncing()) {
          this.watch();
        }
      },
      error: (error: unknown) => this.error.set(httpErrorMessage(error)),
    });
  }

  /** Polls until the account's sync is neither queued nor running. */
  private watch(): void {
    this.watching?.unsubscribe();
    let polls = 0;
    this.watching = this.interval
      .every(SYNC_POLL_MS)
      .pipe(exhaustMap(() => this.api.syncStates().pipe(catchError(() => of(null)))))
      .subscribe((states) => {
        polls++;
        if (states) {
          this.states.set(states);
        }
        const state = this.state();
        if (state && !IN_PROGRESS.has(state.state)) {
          this.watching?.unsubscribe();
          this.synced.emit(state);
        } else if (polls >= SYNC_MAX_POLLS) {
          this.watching?.unsubscribe();
          this.stoppedWatching.set(true);
        }
      });
  }

  private replaceState(adAccountId: string, change: Partial<AdAccountSyncStateDto>): void {
    this.states.update((states) =>
      states.some((s) => s.adAccountId === adAccountId)
        ? states.map((s) => (s.adAccountId === adAccountId ? { ...s, ...change } : s))
        : [...states, { ...neverSynced(adAccountId), ...change }],
    );
  }
}

/** An account the server listed no state for yet (connected a moment ago). */
function neverSynced(adAccountId: string): AdAccountSyncStateDto {
  return {
    adAccountId,
    adAccountName: '',
    currency: '',
    state: 'never',
    lastSyncedAt: null,
    lastError: null,
    lastRequests: null,
    counts: { campaigns: 0, adSets: 0, ads: 0 },
  };
}
