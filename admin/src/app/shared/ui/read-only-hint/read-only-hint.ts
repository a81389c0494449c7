import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import { AuthStore } from '../../../core/auth/auth-store';
import { LabelPipe } from '../../labels/label.pipe';

/**
 * Says up front that a view, or part of it, is read-only for the signed-in user's role, and who can act, so the
 * disabled controls below it explain themselves: "Read-only: your role is Viewer. Managers and admins move leads…".
 */
@Component({
  selector: 'lg-read-only-hint',
  imports: [LabelPipe, MatIconModule],
  template: `
    <p class="hint" role="note" data-testid="read-only-hint">
      <mat-icon class="icon" aria-hidden="true">lock</mat-icon>
      <span>
        <strong>Read-only: your role is {{ role() | label: 'role' }}.</strong>
        {{ detail() }}
      </span>
    </p>
  `,
  styles: `
    .hint {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 0 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .icon {
      flex-shrink: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReadOnlyHint {
  /** Who can do what here instead, e.g. "Managers and admins move leads along the pipeline." */
  readonly detail = input.required<string>();

  private readonly user = inject(AuthStore).user;
  protected readonly role = computed(() => this.user()?.role ?? null);
}
