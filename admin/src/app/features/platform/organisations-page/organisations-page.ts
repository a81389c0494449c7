import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { CreatedInvitationDto, PlatformOrganisationDto } from '@legeai/contracts';
import { filter } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { pendingKeys } from '../../../shared/data/pending-keys';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { CreateOrganisationDialog } from '../create-organisation-dialog/create-organisation-dialog';
import { PlatformApi } from '../data/platform-api';
import { InviteAdminDialog } from '../invite-admin-dialog/invite-admin-dialog';
import { PendingInvitationsDialog } from '../pending-invitations-dialog/pending-invitations-dialog';

/**
 * Platform administrators' list of the deployment's organisations: create, suspend or reactivate, invite admins, see
 * and revoke the invitations not used yet.
 */
@Component({
  selector: 'lg-organisations-page',
  imports: [EmptyState, ErrorState, LabelPipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, Timestamp],
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationsPage {
  private readonly api = inject(PlatformApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** The organisation the administrator is signed in to, which the API will not let them suspend. */
  protected readonly currentOrganisationId = inject(AuthStore).user()?.organisationId ?? null;
  protected readonly columns = ['name', 'state', 'members', 'pendingInvitations', 'createdAt', 'actions'];
  protected readonly organisations = loadable(() => this.api.list());
  protected readonly rows = computed(() => this.organisations.value() ?? []);
  protected readonly pending = pendingKeys();

  constructor() {
    this.organisations.load();
  }

  protected readonly trackById = (_index: number, org: PlatformOrganisationDto): string => org.id;

  protected openCreateDialog(): void {
    this.dialog
      .open<CreateOrganisationDialog, void, PlatformOrganisationDto>(CreateOrganisationDialog, { width: '480px' })
      .afterClosed()
      .pipe(filter((org): org is PlatformOrganisationDto => !!org))
      .subscribe((org) => {
        this.organisations.set([...this.rows(), org]);
        this.notifier.info(`${org.name} created. Invite its first admin.`);
        this.invite(org);
      });
  }

  protected invite(org: PlatformOrganisationDto): void {
    this.dialog
      .open<InviteAdminDialog, PlatformOrganisationDto, CreatedInvitationDto>(InviteAdminDialog, { width: '560px', data: org })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.replace({ ...org, pendingInvitations: org.pendingInvitations + 1 }));
  }

  /** The organisation's open invitations; the count follows what was revoked there. */
  protected showInvitations(org: PlatformOrganisationDto): void {
    this.dialog
      .open<PendingInvitationsDialog, PlatformOrganisationDto, number>(PendingInvitationsDialog, {
        width: '760px',
        maxWidth: '95vw',
        data: org,
      })
      .afterClosed()
      .pipe(filter((count): count is number => typeof count === 'number'))
      .subscribe((count) => {
        const current = this.rows().find((o) => o.id === org.id);
        if (current) this.replace({ ...current, pendingInvitations: count });
      });
  }

  protected toggleSuspended(org: PlatformOrganisationDto): void {
    const suspend = org.state === 'active';
    confirmAction(this.dialog, {
      title: suspend ? `Suspend ${org.name}?` : `Reactivate ${org.name}?`,
      message: suspend
        ? 'Its members are signed out of it and cannot sign in to it, its API keys stop working, and its leads wait ' +
          'parked until you reactivate it.'
        : 'Its members can sign in again, its API keys work again and the leads parked meanwhile are fetched.',
      confirmLabel: suspend ? 'Suspend' : 'Reactivate',
      destructive: suspend,
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.pending.mark(org.id, true);
        this.api.setSuspended(org.id, suspend).subscribe({
          next: (updated) => {
            this.replace(updated);
            this.pending.mark(org.id, false);
            this.notifier.info(`${org.name} ${suspend ? 'suspended' : 'reactivated'}.`);
          },
          error: () => this.pending.mark(org.id, false),
        });
      });
  }

  private replace(org: PlatformOrganisationDto): void {
    this.organisations.set(this.rows().map((o) => (o.id === org.id ? org : o)));
  }
}
