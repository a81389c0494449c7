import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CapiEventDto, Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { formatCalendarDay } from '../../../shared/time/format-time';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { ConversionsSetupCard } from '../conversions-setup-card/conversions-setup-card';
import { ConversionsApi } from '../data/conversions-api';

/** Days the overview covers. */
export const OVERVIEW_DAYS = 14;

/**
 * Conversions to Meta: lead stages sent back through the Conversions API for CRM, so Meta optimises for the leads
 * that convert. The setup, the last two weeks per day and stage (sent, accepted, failed, expired), the reasons of
 * failures, and the failed events with replay.
 */
@Component({
  selector: 'lg-conversions-page',
  imports: [
    ConversionsSetupCard,
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ReadOnlyHint,
    Timestamp,
  ],
  templateUrl: './conversions-page.html',
  styleUrl: './conversions-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversionsPage {
  private readonly api = inject(ConversionsApi);
  private readonly notifier = inject(Notifier);

  protected readonly days = OVERVIEW_DAYS;
  protected readonly canReplay = inject(AuthStore).hasRole(Role.Manager);
  protected readonly overview = loadable(() => this.api.overview(OVERVIEW_DAYS));
  protected readonly failed = loadable(() => this.api.events({ state: 'failed', limit: 50 }));
  protected readonly replaying = signal(false);
  protected readonly rows = computed(() =>
    (this.overview.value()?.rows ?? []).map((row) => ({ ...row, dayLabel: formatCalendarDay(row.day) })),
  );

  constructor() {
    this.refresh();
  }

  protected refresh(): void {
    this.overview.load();
    this.failed.load();
  }

  protected replay(event?: CapiEventDto): void {
    this.replaying.set(true);
    this.api.replay(event ? [event.id] : undefined).subscribe({
      next: (result) => {
        this.replaying.set(false);
        this.notifier.info(result.replayed === 1 ? 'One event is being sent again' : `${result.replayed} events are being sent again`);
        this.refresh();
      },
      error: () => this.replaying.set(false),
    });
  }
}
