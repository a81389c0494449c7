import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { CatalogSyncDto } from '@legeai/contracts';

/** The delete guard's question: the items a held sync would delete. Closes with true to let them go. */
@Component({
  selector: 'lg-delete-guard-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Delete {{ ids.length }} items from the Meta catalog?</h2>
    <mat-dialog-content>
      <p>{{ sync.error }}. Nothing has been deleted yet. These items will be removed from the catalog and from ads that show them:</p>
      <ul class="ids" data-testid="pending-deletes">
        @for (id of ids; track id) {
          <li>{{ id }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton [mat-dialog-close]="'cancel'">Keep them (cancel the sync)</button>
      <button matButton="filled" class="destructive" [mat-dialog-close]="'confirm'">Delete them</button>
    </mat-dialog-actions>
  `,
  styles: `
    .ids {
      max-height: 40vh;
      overflow: auto;
      padding-left: 20px;
      font-family: monospace;
      overflow-wrap: anywhere;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteGuardDialog {
  protected readonly sync = inject<CatalogSyncDto>(MAT_DIALOG_DATA);
  protected readonly ids = this.sync.pendingDeletes ?? [];
}
