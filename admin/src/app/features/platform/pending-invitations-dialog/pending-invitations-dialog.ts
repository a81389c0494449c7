import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { PendingInvitationDto, PlatformOrganisationDto } from '@legeai/contracts';
import { filter } from 'rxjs';

import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { pendingKeys } from '../../../shared/data/pending-keys';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { PlatformApi } from '../data/platform-api';

/**
 * An organisation's invitations not used yet (email, role, made when and by whom, until when), each revocable: its
 * link then answers "revoked". Closes with how many are still pending, so the list's count follows.
 */
@Component({
  selector: 'lg-pending-invitations-dialog',
  imports: [EmptyState, ErrorState, LabelPipe, MatButtonModule, MatDialogModule, MatProgressBarModule, MatTableModule, Timestamp],
  template: `
    @if (invitations.loading()) {
      <mat-progress-bar mode="indeterminate" class="progress" aria-label="Loading the invitations" />
    }
    <h2 mat-dialog-title>Open invitations of {{ organisation.name }}</h2>
    <mat-dialog-content>
      @if (invitations.error(); as message) {
        <lg-error-state title="Invitations could not be loaded" [message]="message" (retry)="invitations.load()" />
      } @else if (invitations.value(); as rows) {
        @if (rows.length === 0) {
          <lg-empty-state icon="mark_email_read" title="No open invitations" message="Every invitation was used, revoked or has expired." />
        } @else {
          <table mat-table [dataSource]="rows" class="responsive-table" aria-label="Open invitations">
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef>Email</th>
              <td mat-cell *matCellDef="let i" class="email">{{ i.email }}</td>
            </ng-container>
            <ng-container matColumnDef="role">
              <th mat-header-cell *matHeaderCellDef>Role</th>
              <td mat-cell *matCellDef="let i" data-label="Role">{{ i.role | label: 'role' }}</td>
            </ng-container>
            <ng-container matColumnDef="createdAt">
              <th mat-header-cell *matHeaderCellDef>Created</th>
              <td mat-cell *matCellDef="let i" data-label="Created">
                <lg-timestamp [at]="i.createdAt" />
                @if (i.invitedByName) {
                  <span class="by">by {{ i.invitedByName }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="expiresAt">
              <th mat-header-cell *matHeaderCellDef>Expires</th>
              <td mat-cell *matCellDef="let i" data-label="Expires"><lg-timestamp [at]="i.expiresAt" /></td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
              <td mat-cell *matCellDef="let i" class="actions">
                <button
                  matButton
                  [disabled]="pending.has(i.id)"
                  (click)="revoke(i)"
                  [attr.aria-label]="'Revoke the invitation of ' + i.email"
                >
                  Revoke
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let i; columns: columns" data-testid="pending-invitation"></tr>
          </table>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" (click)="close()">Close</button>
    </mat-dialog-actions>
  `,
  styleUrl: '../platform-dialog.scss',
  styles: `
    .email {
      overflow-wrap: anywhere;
    }
    .by {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PendingInvitationsDialog {
  private readonly api = inject(PlatformApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly ref = inject<MatDialogRef<PendingInvitationsDialog, number>>(MatDialogRef);

  protected readonly organisation = inject<PlatformOrganisationDto>(MAT_DIALOG_DATA);
  protected readonly columns = ['email', 'role', 'createdAt', 'expiresAt', 'actions'];
  protected readonly invitations = loadable(() => this.api.pendingInvitations(this.organisation.id));
  protected readonly pending = pendingKeys();

  constructor() {
    this.invitations.load();
  }

  protected revoke(invitation: PendingInvitationDto): void {
    confirmAction(this.dialog, {
      title: `Revoke the invitation of ${invitation.email}?`,
      message: 'Its link stops working at once. You can invite the same address again later.',
      confirmLabel: 'Revoke',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.pending.mark(invitation.id, true);
        this.api.revokeInvitation(this.organisation.id, invitation.id).subscribe({
          next: () => {
            this.pending.mark(invitation.id, false);
            this.invitations.set((this.invitations.value() ?? []).filter((i) => i.id !== invitation.id));
            this.notifier.info(`Invitation of ${invitation.email} revoked.`);
          },
          error: () => this.pending.mark(invitation.id, false),
        });
      });
  }

  /** Closes with the count still pending once it is known, so the organisations list shows it. */
  protected close(): void {
    this.ref.close(this.invitations.value()?.length);
  }
}
