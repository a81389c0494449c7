import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ROLES, Role, UserDto } from '@legeai/contracts';
import { filter } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { pendingKeys } from '../../../shared/data/pending-keys';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { CreateUserDialog } from '../create-user-dialog/create-user-dialog';
import { UsersApi } from '../data/users-api';

/** Admins manage the organisation's console users: add them, change their role, deactivate them. */
@Component({
  selector: 'lg-users-page',
  imports: [
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    MatTooltipModule,
    Timestamp,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly currentUserId = inject(AuthStore).user()?.id ?? null;
  protected readonly roles = ROLES;
  protected readonly columns = ['email', 'name', 'role', 'contacts', 'active', 'lastLoginAt', 'actions'];
  protected readonly viewer = Role.Viewer;
  protected readonly users = loadable(() => this.usersApi.list());
  protected readonly rows = computed(() => this.users.value() ?? []);
  /** Ids of users with a change on its way to the server. */
  protected readonly pending = pendingKeys();

  constructor() {
    this.users.load();
  }

  protected openCreateDialog(): void {
    this.dialog
      .open<CreateUserDialog, void, UserDto>(CreateUserDialog, { width: '480px' })
      .afterClosed()
      .pipe(filter((user): user is UserDto => !!user))
      .subscribe((user) => {
        this.users.set([...this.rows(), user]);
        this.notifier.info(`${user.email} can now sign in.`);
      });
  }

  protected changeRole(user: UserDto, change: MatSelectChange<Role>): void {
    const role = change.value;
    if (role === user.role) {
      return;
    }
    // On failure the select must show the role the server still has; the row's binding has not changed, so
    // Angular would not reset it on its own.
    this.save(user, { role }, `${user.email} is now ${label('role', role)}.`, () => (change.source.value = user.role));
  }

  /** Grants or withdraws a viewer's contact details permission (seeing and exporting emails, phones, addresses). */
  protected changeContactAccess(user: UserDto, change: MatSlideToggleChange): void {
    const canExportContacts = change.checked;
    this.save(
      user,
      { canExportContacts },
      canExportContacts ? `${user.email} may now see and export contact details.` : `${user.email} no longer sees contact details.`,
      () => (change.source.checked = user.canExportContacts),
    );
  }

  protected readonly trackById = (_index: number, user: UserDto): string => user.id;

  protected toggleActive(user: UserDto): void {
    const activate = !user.active;
    confirmAction(this.dialog, {
      title: activate ? 'Reactivate user?' : 'Deactivate user?',
      message: activate
        ? `${user.email} will be able to sign in again.`
        : `${user.email} will be signed out and can no longer sign in. You can reactivate the account later.`,
      confirmLabel: activate ? 'Reactivate' : 'Deactivate',
      destructive: !activate,
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.save(user, { active: activate }, `${user.email} ${activate ? 'reactivated' : 'deactivated'}.`));
  }

  private save(
    user: UserDto,
    changes: Partial<Pick<UserDto, 'role' | 'active' | 'canExportContacts'>>,
    done: string,
    undo?: () => void,
  ): void {
    this.pending.mark(user.id, true);
    this.usersApi.update(user.id, changes).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.pending.mark(user.id, false);
        this.notifier.info(done);
      },
      error: () => {
        // The error interceptor's snack bar shows the server's reason; the row stays as the server has it.
        undo?.();
        this.pending.mark(user.id, false);
      },
    });
  }

  private replace(user: UserDto): void {
    this.users.set(this.rows().map((u) => (u.id === user.id ? user : u)));
  }
}
