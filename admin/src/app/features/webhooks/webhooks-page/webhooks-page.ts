import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT_TYPE,
  WebhookDeliveryEventType,
  WebhookDeliveryState,
  WebhookEndpointDto,
} from '@legeai/contracts';
import { filter, switchMap } from 'rxjs';

import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { WebhooksApi } from '../data/webhooks-api';
import { DeliveryDialog, DeliveryDialogData } from '../delivery-dialog/delivery-dialog';
import { EndpointDialog, EndpointDialogData } from '../endpoint-dialog/endpoint-dialog';
import { ShownSecretData, ShownSecretDialog } from '../secret-once/shown-secret-dialog';

const PAGE_SIZE = 20;

/**
 * Admins register the endpoints other systems receive lead events at, and follow every delivery: each attempt's
 * request and answer, test events, replay, secret rotation, disabling and enabling.
 */
@Component({
  selector: 'lg-webhooks-page',
  imports: [
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    Timestamp,
  ],
  templateUrl: './webhooks-page.html',
  styleUrl: './webhooks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly endpointColumns = ['endpoint', 'events', 'status', 'lastSuccessAt', 'actions'];
  protected readonly deliveryColumns = ['eventType', 'endpoint', 'state', 'attempts', 'lastStatus', 'createdAt', 'open'];
  protected readonly eventTypes: readonly WebhookDeliveryEventType[] = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE];
  protected readonly states = WEBHOOK_DELIVERY_STATES;
  protected readonly pageSize = PAGE_SIZE;

  protected readonly endpoints = loadable(() => this.api.endpoints());
  protected readonly endpointRows = computed(() => this.endpoints.value() ?? []);
  protected readonly endpointFilter = signal('');
  protected readonly stateFilter = signal<WebhookDeliveryState | ''>('');
  protected readonly typeFilter = signal<WebhookDeliveryEventType | ''>('');
  protected readonly offset = signal(0);
  protected readonly deliveries = loadable(() =>
    this.api.deliveries({
      endpointId: this.endpointFilter() || undefined,
      state: this.stateFilter() || undefined,
      eventType: this.typeFilter() || undefined,
      limit: PAGE_SIZE,
      offset: this.offset(),
    }),
  );
  protected readonly deliveryRows = computed(() => this.deliveries.value()?.items ?? []);
  /** A test event or a replay running, by endpoint or delivery id. */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());

  constructor() {
    this.endpoints.load();
    this.deliveries.load();
  }

  protected refresh(): void {
    this.endpoints.load();
    this.deliveries.load();
  }

  protected filterBy(change: { endpointId?: string; state?: WebhookDeliveryState | ''; eventType?: WebhookDeliveryEventType | '' }): void {
    if (change.endpointId !== undefined) this.endpointFilter.set(change.endpointId);
    if (change.state !== undefined) this.stateFilter.set(change.state);
    if (change.eventType !== undefined) this.typeFilter.set(change.eventType);
    this.offset.set(0);
    this.deliveries.load();
  }

  protected page(event: PageEvent): void {
    this.offset.set(event.pageIndex * event.pageSize);
    this.deliveries.load();
  }

  protected eventsOf(endpoint: WebhookEndpointDto): string {
    return endpoint.eventTypes.map((t) => label('webhookEventType', t)).join(', ');
  }

  protected openCreate(): void {
    this.dialog
      .open<EndpointDialog, EndpointDialogData, WebhookEndpointDto>(EndpointDialog, { width: '560px', data: {} })
      .afterClosed()
      .pipe(filter((e): e is WebhookEndpointDto => !!e))
      .subscribe((endpoint) => this.endpoints.set([...this.endpointRows(), endpoint]));
  }

  protected openEdit(endpoint: WebhookEndpointDto): void {
    this.dialog
      .open<EndpointDialog, EndpointDialogData, WebhookEndpointDto>(EndpointDialog, { width: '560px', data: { endpoint } })
      .afterClosed()
      .pipe(filter((e): e is WebhookEndpointDto => !!e))
      .subscribe((updated) => this.replaceEndpoint(updated));
  }

  protected sendTest(endpoint: WebhookEndpointDto): void {
    this.mark(endpoint.id, true);
    this.api.sendTest(endpoint.id).subscribe({
      next: (delivery) => {
        this.mark(endpoint.id, false);
        const outcome =
          delivery.state === 'delivered' ? `delivered (HTTP ${delivery.lastStatus})` : `failed: ${delivery.lastError ?? 'no answer'}`;
        this.notifier.info(`Test event ${outcome}.`);
        this.deliveries.load();
      },
      error: () => this.mark(endpoint.id, false),
    });
  }

  protected rotate(endpoint: WebhookEndpointDto): void {
    confirmAction(this.dialog, {
      title: 'Rotate the signing secret?',
      message: 'A new secret signs from now on; the current one keeps signing beside it for 24 hours, so your receiver can switch.',
      confirmLabel: 'Rotate',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.rotateSecret(endpoint.id, 24)),
        switchMap((rotated) =>
          this.dialog.open<ShownSecretDialog, ShownSecretData>(ShownSecretDialog, { width: '520px', data: rotated }).afterClosed(),
        ),
      )
      .subscribe(() => this.endpoints.load());
  }

  protected toggle(endpoint: WebhookEndpointDto): void {
    if (endpoint.enabled) {
      confirmAction(this.dialog, {
        title: 'Disable this endpoint?',
        message: 'No events are sent to it until it is enabled again; events of the meantime are not kept for it.',
        confirmLabel: 'Disable',
        destructive: true,
      })
        .pipe(
          filter(Boolean),
          switchMap(() => this.api.disable(endpoint.id)),
        )
        .subscribe((updated) => this.replaceEndpoint(updated));
      return;
    }
    this.api.enable(endpoint.id).subscribe((updated) => {
      this.replaceEndpoint(updated);
      this.notifier.info('Endpoint enabled; deliveries that waited go now.');
      this.deliveries.load();
    });
  }

  protected remove(endpoint: WebhookEndpointDto): void {
    confirmAction(this.dialog, {
      title: 'Delete this endpoint?',
      message: `${endpoint.url} stops receiving events, and its delivery log is deleted with it.`,
      confirmLabel: 'Delete',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.remove(endpoint.id)),
      )
      .subscribe(() => {
        this.endpoints.set(this.endpointRows().filter((e) => e.id !== endpoint.id));
        this.deliveries.load();
      });
  }

  protected openDelivery(deliveryId: string): void {
    this.dialog
      .open<DeliveryDialog, DeliveryDialogData, boolean>(DeliveryDialog, { width: '720px', maxWidth: '96vw', data: { deliveryId } })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.deliveries.load());
  }

  private replaceEndpoint(updated: WebhookEndpointDto): void {
    this.endpoints.set(this.endpointRows().map((e) => (e.id === updated.id ? updated : e)));
  }

  private mark(id: string, on: boolean): void {
    const next = new Set(this.busy());
    if (on) next.add(id);
    else next.delete(id);
    this.busy.set(next);
  }
}
