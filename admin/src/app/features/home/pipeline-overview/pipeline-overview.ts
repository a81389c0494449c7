import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MetaIntegrationStatus } from '@legeai/contracts';
import { RouterLink } from '@angular/router';

import { ConnectionStatusStore } from '../../../core/meta/connection-status-store';
import { loadable } from '../../../shared/data/loadable';
import { VisibleInterval } from '../../../shared/data/visible-interval';
import { label } from '../../../shared/labels/labels';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { PipelineSummaryApi } from '../data/pipeline-summary-api';
import { PIPELINE_COLUMNS, pipelineRows } from './pipeline-rows';

/** How often the Overview reads its numbers again while shown. */
const SUMMARY_POLL_MS = 30_000;

/**
 * The Overview's two answers: is the Meta connection working, and what did the lead pipeline do today and this week.
 * Every number links to where it can be acted on; the connection reads the console's one copy of its status.
 */
@Component({
  selector: 'lg-pipeline-overview',
  imports: [ErrorState, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink],
  templateUrl: './pipeline-overview.html',
  styleUrl: './pipeline-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineOverview {
  private readonly api = inject(PipelineSummaryApi);
  protected readonly connection = inject(ConnectionStatusStore);
  protected readonly summary = loadable(() => this.api.get());
  protected readonly columns = PIPELINE_COLUMNS;
  protected readonly rows = computed(() => {
    const summary = this.summary.value();
    return summary ? pipelineRows(summary) : [];
  });
  protected readonly timezone = computed(() => this.summary.value()?.timezone ?? '');
  protected readonly nothingThisWeek = computed(() => this.summary.value()?.week.received === 0);

  /** The connection in one phrase, from the same status as the banner and the Meta page. */
  protected readonly connectionState = computed((): { text: string; tone: 'ok' | 'warning' | 'error' | 'none'; icon: string } => {
    const status = this.connection.status();
    if (!status) return { text: 'Checking…', tone: 'none', icon: 'hourglass_empty' };
    if (!status.connected || status.status === MetaIntegrationStatus.Disconnected) {
      return { text: 'No Meta account connected', tone: 'none', icon: 'link_off' };
    }
    if (status.status === MetaIntegrationStatus.ReauthRequired)
      return { text: 'Meta refused the token: reconnect', tone: 'error', icon: 'sync_problem' };
    if (status.graphPause) return { text: 'Connected, Meta calls paused', tone: 'warning', icon: 'pause_circle' };
    return {
      text: `Connected · ${label('healthLevel', status.overall)}`,
      tone: status.overall,
      icon: status.overall === 'ok' ? 'check_circle' : status.overall === 'warning' ? 'warning' : 'error',
    };
  });

  constructor() {
    this.summary.load();
    this.connection.refresh();
    // The numbers move as leads come in; the connection is polled by the shell.
    inject(VisibleInterval)
      .every(SUMMARY_POLL_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.summary.load());
    // When the connection's state changes (Meta refused the token, a reconnect), leads have just moved: read again
    // instead of waiting for the next poll.
    let seen: string | undefined;
    effect(() => {
      const status = this.connection.status();
      if (!status) return;
      const state: string = status.status ?? 'none';
      if (seen !== undefined && seen !== state) untracked(() => this.summary.load());
      seen = state;
    });
  }
}
