import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MetaConnectResult } from '@legeai/contracts';

import { scopePurpose } from '../meta-scopes';

/** What the OAuth callback reported when it sent the admin back here. */
export interface ConnectOutcome {
  result: MetaConnectResult;
  /** Permissions Meta did not grant, named by the callback. */
  missing: string[];
  /** Pages another organisation on this platform has connected: left inactive here. */
  elsewhere: number;
}

interface BannerView {
  tone: 'success' | 'info' | 'warning' | 'error';
  icon: string;
  title: string;
  message: string;
}

const VIEWS: Record<MetaConnectResult, BannerView> = {
  [MetaConnectResult.Connected]: {
    tone: 'success',
    icon: 'check_circle',
    title: 'Meta account connected',
    message: 'Ad accounts, pages and lead forms were discovered and pages are subscribed to new leads.',
  },
  [MetaConnectResult.Denied]: {
    tone: 'info',
    icon: 'block',
    title: 'Connection cancelled',
    message:
      'You declined in the Meta dialog, so nothing was shared with LEGEAI. ' +
      'To try again, choose Connect Meta account and select Continue in the dialog.',
  },
  [MetaConnectResult.MissingPermissions]: {
    tone: 'warning',
    icon: 'warning',
    title: 'Some permissions were not granted',
    message:
      'The account is connected, but parts of the integration cannot work without these permissions. ' +
      'Reconnect and keep them ticked in the Meta dialog:',
  },
  [MetaConnectResult.InvalidState]: {
    tone: 'error',
    icon: 'error',
    title: 'The connection link expired or was already used',
    message:
      'For your security each connection attempt can be completed once and within a few minutes. ' +
      'Start again with Connect Meta account.',
  },
  [MetaConnectResult.Failed]: {
    tone: 'error',
    icon: 'error',
    title: 'The connection could not be completed',
    message: 'Meta could not be reached or answered with an error. Nothing was changed; please try again shortly.',
  },
};

/** The one-off message after the OAuth round trip: success, or what went wrong and what to do about it. */
@Component({
  selector: 'lg-connect-result-banner',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @let banner = view();
    <div class="banner" [class]="banner.tone" role="status" data-testid="connect-result">
      <mat-icon class="icon">{{ banner.icon }}</mat-icon>
      <div class="body">
        <p class="title">{{ banner.title }}</p>
        <p class="message">{{ banner.message }}</p>
        @if (outcome().result === 'missing_permissions' && outcome().missing.length > 0) {
          <ul class="missing">
            @for (scope of outcome().missing; track scope) {
              <li>
                <code>{{ scope }}</code> — needed to {{ purpose(scope) }}
              </li>
            }
          </ul>
        }
        @if (outcome().elsewhere > 0) {
          <p class="message" data-testid="pages-elsewhere">
            {{ outcome().elsewhere === 1 ? 'One Page is' : outcome().elsewhere + ' Pages are' }} connected by another organisation on this
            platform, so {{ outcome().elsewhere === 1 ? 'it stays' : 'they stay' }} inactive here: a Page is connected by one organisation
            at a time.
          </p>
        }
      </div>
      <button matIconButton aria-label="Dismiss message" (click)="dismiss.emit()">
        <mat-icon>close</mat-icon>
      </button>
    </div>
  `,
  styleUrl: './connect-result-banner.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectResultBanner {
  readonly outcome = input.required<ConnectOutcome>();
  readonly dismiss = output<void>();

  protected readonly view = computed(() => VIEWS[this.outcome().result]);
  protected readonly purpose = scopePurpose;
}

/** Reads the callback's query parameters; `null` when absent or not a result this console knows. */
export function parseConnectOutcome(result: string | null, missing: string | null, elsewhere: string | null = null): ConnectOutcome | null {
  const known = Object.values(MetaConnectResult) as string[];
  if (!result || !known.includes(result)) {
    return null;
  }
  return {
    result: result as MetaConnectResult,
    missing: (missing ?? '')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean),
    elsewhere: Math.max(0, Number.parseInt(elsewhere ?? '0', 10) || 0),
  };
}
