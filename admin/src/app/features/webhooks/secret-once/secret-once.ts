import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** A signing secret shown the one time the server answers it, with a copy button and the warning that it will not come back. */
@Component({
  selector: 'lg-secret-once',
  imports: [ClipboardModule, MatButtonModule, MatIconModule],
  template: `
    <p class="warning" role="alert">
      <mat-icon>warning</mat-icon>
      <span>Copy this signing secret now. <strong>You won't see it again</strong>; rotate it to get a new one.</span>
    </p>
    <div class="secret-row">
      <code class="secret" data-testid="webhook-secret">{{ secret() }}</code>
      <button
        matIconButton
        [cdkCopyToClipboard]="secret()"
        (cdkCopyToClipboardCopied)="copied.set($event)"
        aria-label="Copy secret to clipboard"
      >
        <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
      </button>
    </div>
    @if (copied()) {
      <p class="hint" role="status">Copied to the clipboard.</p>
    }
  `,
  styles: `
    @use '../../../shared/ui/styles/form-dialog';

    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .warning {
      @include form-dialog.shown-once-warning;
    }
    .secret-row {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .secret {
      flex: 1;
      min-width: 0;
      font-family: 'Roboto Mono', ui-monospace, monospace;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretOnce {
  readonly secret = input.required<string>();
  protected readonly copied = signal(false);
}
