import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { WebhookAttemptDto, WebhookDeliveryDetailDto } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { WebhooksApi } from '../data/webhooks-api';

export interface DeliveryDialogData {
  deliveryId: string;
}

/** One delivery with every attempt: the request as sent (headers, raw body) and the endpoint's answer; replay. */
@Component({
  selector: 'lg-delivery-dialog',
  imports: [ErrorState, LabelPipe, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule, Timestamp],
  templateUrl: './delivery-dialog.html',
  styleUrl: './delivery-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryDialog {
  private readonly api = inject(WebhooksApi);
  private readonly data = inject<DeliveryDialogData>(MAT_DIALOG_DATA);

  protected readonly delivery = loadable(() => this.api.delivery(this.data.deliveryId));
  protected readonly replaying = signal(false);
  protected readonly replayError = signal<string | null>(null);
  /** Whether a replay happened, so the page refreshes its log when the dialog closes. */
  protected readonly replayed = signal(false);

  constructor() {
    this.delivery.load();
  }

  /** The request line and headers as sent, one per line. */
  protected requestHead(attempt: WebhookAttemptDto): string {
    const headers = Object.entries(attempt.request.headers).map(([name, value]) => `${name}: ${value}`);
    return [`POST ${attempt.request.url}`, ...headers].join('\n');
  }

  protected replay(): void {
    if (this.replaying()) return;
    this.replaying.set(true);
    this.replayError.set(null);
    this.api.replay(this.data.deliveryId).subscribe({
      next: (detail: WebhookDeliveryDetailDto) => {
        this.replaying.set(false);
        this.replayed.set(true);
        this.delivery.set(detail);
      },
      error: (error: unknown) => {
        this.replaying.set(false);
        this.replayError.set(httpErrorMessage(error));
      },
    });
  }
}
