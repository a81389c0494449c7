import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { GuardrailFinding } from '@legeai/contracts';

/**
 * The guardrail findings on one field (or a step), right next to it while the user fills the form in: errors block
 * the creation, warnings only inform.
 */
@Component({
  selector: 'lg-findings',
  imports: [MatIconModule],
  template: `
    @if (findings().length > 0) {
      <ul class="findings" role="alert" [attr.data-testid]="testId()">
        @for (finding of findings(); track $index) {
          <li [class]="finding.severity">
            <mat-icon aria-hidden="true">{{ finding.severity === 'error' ? 'block' : 'info' }}</mat-icon>
            <span>{{ finding.message }}</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .findings {
      margin: 4px 0 8px;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    li {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      padding: 6px 8px;
      border-radius: 6px;
      overflow-wrap: anywhere;
    }
    li + li {
      margin-top: 4px;
    }
    mat-icon {
      flex-shrink: 0;
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .warning {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Findings {
  readonly findings = input.required<GuardrailFinding[]>();
  /** Names the list for tests and the browser spec, e.g. `findings-age`. */
  readonly testId = input<string | null>(null);
}
