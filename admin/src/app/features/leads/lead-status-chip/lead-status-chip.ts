import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LeadStatus } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';

/** A lead's pipeline stage, coloured so open, won and lost leads stand apart at a glance. */
@Component({
  selector: 'lg-lead-status-chip',
  imports: [LabelPipe],
  template: `<span class="chip" [class]="'chip status-' + status()">{{ status() | label: 'leadStatus' }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .status-new {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-contacted {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-qualified {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status-quoted {
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
    }
    .status-won {
      background: #c4eed0;
      color: #0d5222;
    }
    .status-lost {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadStatusChip {
  readonly status = input.required<LeadStatus>();
}
