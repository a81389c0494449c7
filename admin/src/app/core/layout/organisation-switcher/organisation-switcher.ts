import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MyOrganisationDto } from '@legeai/contracts';

import { AuthStore } from '../../auth/auth-store';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ConsoleReload } from './console-reload';

/**
 * The organisation in the toolbar: its name, or, for a user of several organisations, a menu to switch. A switch
 * reloads the console at the overview, so no page keeps showing the previous organisation's data.
 */
@Component({
  selector: 'lg-organisation-switcher',
  imports: [LabelPipe, MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    @if (organisations().length > 1) {
      <button
        matButton
        class="switcher"
        [matMenuTriggerFor]="menu"
        [disabled]="switching()"
        data-testid="organisation-switcher"
        [attr.aria-label]="'Organisation: ' + current() + '. Switch organisation'"
      >
        <mat-icon>apartment</mat-icon>
        @if (!compact()) {
          <span class="name">{{ current() }}</span>
        }
        <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        @for (org of organisations(); track org.id) {
          <button
            mat-menu-item
            [disabled]="org.current || org.suspended"
            (click)="switchTo(org)"
            [attr.data-testid]="'switch-to-' + org.name"
          >
            <mat-icon>{{ org.current ? 'check' : 'apartment' }}</mat-icon>
            <span>{{ org.name }}</span>
            <span class="meta">{{ org.suspended ? 'Suspended' : (org.role | label: 'role') }}</span>
          </button>
        }
      </mat-menu>
    } @else if (!compact()) {
      <span class="organisation" data-testid="organisation-name"><mat-icon>apartment</mat-icon>{{ current() }}</span>
    }
  `,
  styles: `
    .organisation {
      display: flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-body-large);
      opacity: 0.9;
    }
    .switcher .name {
      max-width: 200px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .meta {
      margin-left: 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationSwitcher {
  private readonly auth = inject(AuthStore);
  private readonly reload = inject(ConsoleReload);

  /** Whether the toolbar is narrow (a phone): the switcher shows its icon only. */
  readonly compact = input(false);

  protected readonly organisations = signal<MyOrganisationDto[]>([]);
  protected readonly switching = signal(false);
  protected readonly current = computed(() => this.auth.user()?.organisationName ?? '');

  constructor() {
    // Without the list the toolbar still names the organisation; a failure here costs only the switcher.
    this.auth.myOrganisations().subscribe({ next: (list) => this.organisations.set(list), error: () => undefined });
  }

  protected switchTo(org: MyOrganisationDto): void {
    this.switching.set(true);
    this.auth.switchOrganisation(org.id).subscribe({
      next: () => this.reload.at('/'),
      error: () => this.switching.set(false),
    });
  }
}
