import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Role } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ROLE_HOLDERS } from '../../../shared/labels/role-labels';
import { NAV_ITEMS } from '../../layout/nav-items';
import { AuthStore } from '../auth-store';

/**
 * What a user sees at the address of a page their role does not open (e.g. a viewer following a link to Users):
 * which page, which role it needs and theirs, and who can help, instead of a silent redirect.
 */
@Component({
  selector: 'lg-not-allowed-page',
  imports: [LabelPipe, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <section class="panel not-allowed" data-testid="not-allowed" role="alert">
      <mat-icon class="icon">lock</mat-icon>
      <h1>You can't open {{ page() }}</h1>
      <p>
        {{ page() }} is for {{ holders() }}. You are signed in as {{ user()?.email }}, whose role is
        <strong>{{ user()?.role | label: 'role' }}</strong>.
      </p>
      <p class="muted">If you need it, ask an admin of {{ user()?.organisationName }} to change your role.</p>
      <a matButton="filled" routerLink="/"><mat-icon>dashboard</mat-icon>Go to the overview</a>
    </section>
  `,
  styles: `
    .not-allowed {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 48px 16px;
      text-align: center;
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      color: var(--mat-sys-outline);
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 12px 0 8px;
    }
    p {
      max-width: 480px;
      margin: 0 0 12px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin-bottom: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotAllowedPage {
  /** The address asked for, e.g. `/users`. */
  private readonly path =
    '/' +
    inject(ActivatedRoute)
      .snapshot.pathFromRoot.flatMap((route) => route.url.map((segment) => segment.path))
      .join('/');

  /** The least role the page needs, from the route `restrictedTo` made. */
  readonly requiredRole = input<Role>(Role.Admin);

  /** The page's name when the route gives one (see `restrictedTo`). */
  readonly pageName = input<string | null>(null);

  protected readonly user = inject(AuthStore).user;
  /** The page's name as the route or else the navigation calls it, found by its address. */
  protected readonly page = computed(() => {
    const named = this.pageName();
    if (named) {
      return named;
    }
    const item = NAV_ITEMS.find(
      (entry) => entry.target.kind === 'route' && entry.target.path !== '/' && this.path.startsWith(entry.target.path),
    );
    return item?.label ?? 'this page';
  });
  protected readonly holders = computed(() => ROLE_HOLDERS[this.requiredRole()].toLowerCase());
}
