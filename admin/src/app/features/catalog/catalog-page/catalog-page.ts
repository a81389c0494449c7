import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { CatalogLinkDto, CatalogProductDto, CatalogSyncDto, Role } from '@legeai/contracts';
import { filter, switchMap } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { CatalogApi } from '../data/catalog-api';
import {
  AVAILABILITY_LABELS,
  LINE_OF_BUSINESS_LABELS,
  PRODUCT_STATE_LABELS,
  SYNC_STATE_LABELS,
  SYNC_TRIGGER_LABELS,
  formatPrice,
} from '../data/catalog-labels';
import { DeleteGuardDialog } from '../delete-guard-dialog/delete-guard-dialog';
import { ImportDialog } from '../import-dialog/import-dialog';
import { ProductDialog } from '../product-dialog/product-dialog';

const POLL_MS = 1500;

/**
 * The organisation's insurance products and their Meta catalog: products with their sync state and Meta's messages,
 * create, edit and import (managers), the linked catalog (admins link one), "Sync now" with its progress, the
 * history, and the delete guard's question for admins.
 */
@Component({
  selector: 'lg-catalog-page',
  imports: [
    EmptyState,
    ErrorState,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ReadOnlyHint,
    Timestamp,
  ],
  templateUrl: './catalog-page.html',
  styleUrl: './catalog-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalogPage {
  private readonly api = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthStore);

  protected readonly canManage = this.auth.hasRole(Role.Manager);
  protected readonly isAdmin = this.auth.hasRole(Role.Admin);
  // Table rows are untyped in the template: the maps are read by plain string keys.
  protected readonly lineLabels: Readonly<Record<string, string>> = LINE_OF_BUSINESS_LABELS;
  protected readonly stateLabels: Readonly<Record<string, string>> = PRODUCT_STATE_LABELS;
  protected readonly syncStateLabels: Readonly<Record<string, string>> = SYNC_STATE_LABELS;
  protected readonly triggerLabels: Readonly<Record<string, string>> = SYNC_TRIGGER_LABELS;
  protected readonly availabilityLabels: Readonly<Record<string, string>> = AVAILABILITY_LABELS;
  protected readonly price = formatPrice;

  protected readonly products = loadable(() => this.api.products());
  protected readonly link = signal<CatalogLinkDto | null>(null);
  /** `missing`: no catalog linked yet (the API's 404), an empty state rather than an error. */
  protected readonly linkState = signal<'loading' | 'missing' | 'error' | 'ready'>('loading');
  protected readonly linkError = signal<string | null>(null);
  protected readonly syncs = loadable(() => this.api.syncs());
  protected readonly catalogs = loadable(() => this.api.catalogs());

  protected readonly productRows = computed(() => this.products.value()?.items ?? []);
  protected readonly productTotal = computed(() => this.products.value()?.total ?? 0);
  protected readonly syncRows = computed(() => this.syncs.value()?.items ?? []);
  /** The newest sync while it is queued, running or held: what "Sync now" shows progress of. */
  protected readonly activeSync = computed(
    () => this.syncRows().find((s) => s.state === 'queued' || s.state === 'running' || s.state === 'awaiting_confirmation') ?? null,
  );
  protected readonly selectedCatalog = signal<string | null>(null);
  protected readonly linking = signal(false);
  protected readonly productColumns = ['product', 'line', 'price', 'state', 'actions'];
  protected readonly syncColumns = ['when', 'trigger', 'state', 'counts'];
  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.products.load();
    this.loadLink();
    this.syncs.load((page) => this.pollWhileActive(page.items));
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  protected syncProgress(sync: CatalogSyncDto): number {
    return sync.batchesTotal > 0 ? Math.round((sync.batchesDone / sync.batchesTotal) * 100) : 0;
  }

  protected loadLink(): void {
    this.linkState.set('loading');
    this.api.link().subscribe({
      next: (value) => {
        this.link.set(value);
        this.linkState.set('ready');
      },
      error: (error: unknown) => {
        if ((error as { status?: number }).status === 404) {
          this.linkState.set('missing');
          if (this.isAdmin) this.catalogs.load();
          return;
        }
        this.linkError.set(httpErrorMessage(error));
        this.linkState.set('error');
      },
    });
  }

  protected linkCatalog(): void {
    const id = this.selectedCatalog();
    if (!id) return;
    this.linking.set(true);
    this.api.setLink(id).subscribe({
      next: (value) => {
        this.linking.set(false);
        this.link.set(value);
        this.linkState.set('ready');
        this.products.load();
        this.notifier.info(`Products now sync to “${value.catalogName}”.`);
      },
      error: (error: unknown) => {
        this.linking.set(false);
        this.notifier.error(httpErrorMessage(error));
      },
    });
  }

  protected openProduct(product: CatalogProductDto | null = null): void {
    this.dialog
      .open<ProductDialog, CatalogProductDto | null, CatalogProductDto>(ProductDialog, { data: product, width: '640px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter((saved): saved is CatalogProductDto => !!saved))
      .subscribe((saved) => {
        this.products.load();
        this.notifier.info(`“${saved.name}” saved; the next sync sends it to Meta.`);
      });
  }

  protected openImport(): void {
    this.dialog
      .open(ImportDialog, { width: '720px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.products.load());
  }

  protected remove(product: CatalogProductDto): void {
    confirmAction(this.dialog, {
      title: 'Delete product?',
      message: `“${product.name}” is removed here now and from the Meta catalog by the next sync.`,
      confirmLabel: 'Delete',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteProduct(product.id)),
      )
      .subscribe(() => {
        this.products.load();
        this.notifier.info(`“${product.name}” deleted.`);
      });
  }

  protected syncNow(): void {
    this.api.syncNow().subscribe((sync) => {
      this.syncs.load((page) => this.pollWhileActive(page.items));
      if (sync.state === 'awaiting_confirmation') this.notifier.info('A sync is waiting for an admin to confirm its deletes.');
    });
  }

  protected reviewDeletes(sync: CatalogSyncDto): void {
    this.dialog
      .open<DeleteGuardDialog, CatalogSyncDto, 'confirm' | 'cancel'>(DeleteGuardDialog, { data: sync, width: '560px', maxWidth: '96vw' })
      .afterClosed()
      .pipe(
        filter((answer): answer is 'confirm' | 'cancel' => !!answer),
        switchMap((answer) => (answer === 'confirm' ? this.api.confirm(sync.id) : this.api.cancel(sync.id))),
      )
      .subscribe(() => this.syncs.load((page) => this.pollWhileActive(page.items)));
  }

  /** Reads the history again every 1.5 s while a sync is queued or running; reloads the products when it ends. */
  private pollWhileActive(items: CatalogSyncDto[]): void {
    this.stopPolling();
    const running = items.some((s) => s.state === 'queued' || s.state === 'running');
    if (!running) return;
    this.pollTimer = setTimeout(() => {
      this.syncs.load((page) => {
        const stillRunning = page.items.some((s) => s.state === 'queued' || s.state === 'running');
        if (!stillRunning) {
          this.products.load();
          this.loadLink();
        }
        this.pollWhileActive(page.items);
      });
    }, POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }
}
