import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ApiKeyDto } from '@legeai/contracts';
import { filter, switchMap } from 'rxjs';

import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { CreateApiKeyDialog } from '../create-api-key-dialog/create-api-key-dialog';
import { ApiKeysApi } from '../data/api-keys-api';

/** Admins issue and revoke the organisation's API keys for systems that call the REST API. */
@Component({
  selector: 'lg-api-keys-page',
  imports: [EmptyState, ErrorState, LabelPipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, Timestamp],
  templateUrl: './api-keys-page.html',
  styleUrl: './api-keys-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeysPage {
  private readonly apiKeysApi = inject(ApiKeysApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['name', 'prefix', 'role', 'createdAt', 'lastUsedAt', 'status', 'actions'];
  protected readonly keys = loadable(() => this.apiKeysApi.list());
  protected readonly rows = computed(() => this.keys.value() ?? []);

  constructor() {
    this.keys.load();
  }

  protected openCreateDialog(): void {
    this.dialog
      .open<CreateApiKeyDialog, void, ApiKeyDto>(CreateApiKeyDialog, { width: '520px' })
      .afterClosed()
      .pipe(filter((key): key is ApiKeyDto => !!key))
      .subscribe((key) => this.keys.set([key, ...this.rows()]));
  }

  protected revoke(key: ApiKeyDto): void {
    confirmAction(this.dialog, {
      title: 'Revoke API key?',
      message: `Systems using “${key.name}” (${key.prefix}…) will be refused from now on. This cannot be undone.`,
      confirmLabel: 'Revoke',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.apiKeysApi.revoke(key.id)),
      )
      .subscribe(() => {
        const revokedAt = new Date().toISOString();
        this.keys.set(this.rows().map((k) => (k.id === key.id ? { ...k, revokedAt } : k)));
        this.notifier.info(`“${key.name}” revoked.`);
      });
  }
}
