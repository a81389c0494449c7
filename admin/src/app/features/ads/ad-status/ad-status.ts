import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { AdReviewProblem } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';

/** How a delivery state looks: delivering, held back by the user, or held back by Meta. */
const TONES: Record<string, 'on' | 'off' | 'problem' | 'pending'> = {
  ACTIVE: 'on',
  PREAPPROVED: 'on',
  PAUSED: 'off',
  CAMPAIGN_PAUSED: 'off',
  ADSET_PAUSED: 'off',
  ARCHIVED: 'off',
  DELETED: 'off',
  DISAPPROVED: 'problem',
  WITH_ISSUES: 'problem',
  PENDING_BILLING_INFO: 'problem',
  IN_PROCESS: 'pending',
  PENDING_REVIEW: 'pending',
};

/**
 * An object's delivery state in words (Meta's effective status), and the problems Meta reports on it: an icon whose
 * tooltip names them, which opens Meta's own messages below it (a tap works where a tooltip does not, on a phone).
 */
@Component({
  selector: 'lg-ad-status',
  imports: [LabelPipe, MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <span class="line">
      <span class="chip" [class]="tone()" data-testid="ad-status">{{ effectiveStatus() | label: 'adEffectiveStatus' }}</span>
      @if (problems().length > 0) {
        <button
          matIconButton
          class="problems-toggle"
          [matTooltip]="summary()"
          [attr.aria-expanded]="open()"
          [attr.aria-label]="problemsLabel()"
          (click)="toggle($event)"
        >
          <mat-icon>{{ hasRejection() ? 'report' : 'warning' }}</mat-icon>
        </button>
      }
    </span>
    @if (open()) {
      <ul class="problems" [attr.aria-label]="problemsLabel()">
        @for (problem of problems(); track $index) {
          <li>
            <strong>{{ problem.kind | label: 'adProblemKind' }}: {{ problem.title }}</strong>
            <span>{{ problem.message }}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .line {
      display: inline-flex;
      align-items: center;
      gap: 2px;
    }
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .on {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .problem {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .pending {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .problems-toggle {
      flex-shrink: 0;
      color: var(--mat-sys-error);
    }
    .problems {
      margin: 4px 0 0;
      padding-left: 18px;
      font: var(--mat-sys-body-small);
      max-width: 420px;
      overflow-wrap: anywhere;
      li span {
        display: block;
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdStatus {
  readonly effectiveStatus = input.required<string>();
  readonly problems = input<AdReviewProblem[]>([]);

  protected readonly open = signal(false);
  protected readonly tone = computed(() => TONES[this.effectiveStatus()] ?? 'off');
  protected readonly hasRejection = computed(() => this.problems().some((p) => p.kind === 'review_rejected'));
  protected readonly problemsLabel = computed(() => {
    const count = this.problems().length;
    return `${count} ${count === 1 ? 'problem' : 'problems'} reported by Meta`;
  });
  protected readonly summary = computed(() =>
    this.problems()
      .map((p) => `${label('adProblemKind', p.kind)}: ${p.title}`)
      .join(' · '),
  );

  protected toggle(event: Event): void {
    // The status sits in clickable rows; opening the messages is not opening the row.
    event.stopPropagation();
    this.open.update((open) => !open);
  }
}
