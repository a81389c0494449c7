import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { HealthCheckLevel, MetaConnectionStatus, MetaHealthCheck, MetaIntegrationStatus } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';

import { scopePurpose } from '../meta-scopes';
import { daysUntil } from '../../../shared/time/time-from-now';

/** A token with fewer days left than this is shown in the warning colour, well before syncs would stop. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7;

const LEVEL_ICONS: Record<HealthCheckLevel, string> = { ok: 'check_circle', warning: 'warning', error: 'error' };

/**
 * The connected Meta account at a glance: who connected it (or, for a system user token, the business it belongs to),
 * what it may do, and whether it is healthy, each check with its fix-it hint and a link to Meta's page about it.
 */
@Component({
  selector: 'lg-connection-card',
  imports: [LabelPipe, MatButtonModule, MatCardModule, MatIconModule, MatProgressSpinnerModule, Timestamp],
  templateUrl: './connection-card.html',
  styleUrl: './connection-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionCard {
  readonly status = input.required<MetaConnectionStatus>();
  /** Whether the viewer may act on the connection; others only read it. */
  readonly canManage = input(false);
  readonly checking = input(false);
  readonly refreshing = input(false);
  readonly connecting = input(false);

  readonly runCheck = output<void>();
  readonly refreshAssets = output<void>();
  readonly reconnect = output<void>();
  readonly disconnect = output<void>();

  protected readonly levelIcons = LEVEL_ICONS;
  /** A check's level for screen readers, next to its icon. */
  protected readonly levelLabels: Record<HealthCheckLevel, string> = { ok: 'OK', warning: 'Warning', error: 'Error' };
  protected readonly purpose = scopePurpose;

  protected readonly statusLabel = computed(() => {
    const status = this.status().status;
    return status ? label('integrationStatus', status) : 'Not connected';
  });
  protected readonly overallLabel = computed(() => label('healthLevel', this.status().overall));
  /** The health checks; a pause of the Graph calls has its own banner with local times instead of a line here. */
  protected readonly checks = computed(() => {
    const { checks, graphPause } = this.status();
    return (graphPause ? checks.filter((check) => check.key !== 'graph_calls') : checks).map((check) => ({
      ...check,
      timed: timedMessage(check),
    }));
  });
  protected readonly needsReconnect = computed(
    () => this.status().status === MetaIntegrationStatus.ReauthRequired || this.status().missingScopes.length > 0,
  );
  protected readonly reconnectReason = computed(() =>
    this.status().status === MetaIntegrationStatus.ReauthRequired
      ? 'Meta no longer accepts the stored access token. Syncing is paused until you reconnect; nothing is lost.'
      : 'Some permissions the integration needs were not granted. Reconnect and keep them ticked in the Meta dialog.',
  );
  /** `ok`, `warning` (expires within a week) or `error` (expired); `null` for tokens that never expire. */
  protected readonly expiryLevel = computed((): HealthCheckLevel | null => {
    const expiresAt = this.status().tokenExpiresAt;
    if (!expiresAt) {
      return null;
    }
    const days = daysUntil(expiresAt);
    return days <= 0 ? 'error' : days <= TOKEN_EXPIRY_WARNING_DAYS ? 'warning' : 'ok';
  });
}

/**
 * A check's message around the moment it speaks of, which the server writes in UTC (`atText`): the card shows `at`
 * in the reader's time zone and locale in its place, like every other time on the card. `null` when the message has
 * no such moment (or an older check stored none).
 */
export function timedMessage({ message, at, atText }: MetaHealthCheck): { before: string; at: string; after: string } | null {
  if (!at || !atText) return null;
  const index = message.indexOf(atText);
  return index < 0 ? null : { before: message.slice(0, index), at, after: message.slice(index + atText.length) };
}
