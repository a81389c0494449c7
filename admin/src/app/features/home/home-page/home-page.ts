import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { AuthStore } from '../../../core/auth/auth-store';
import { NAV_ITEMS } from '../../../core/layout/nav-items';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { OrganisationApi } from '../data/organisation-api';
import { PipelineOverview } from '../pipeline-overview/pipeline-overview';

/** Landing page after sign-in: the connection and the lead pipeline at a glance, the organisation, where to go next. */
@Component({
  selector: 'lg-home-page',
  imports: [
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    PipelineOverview,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly auth = inject(AuthStore);
  private readonly organisationApi = inject(OrganisationApi);

  protected readonly user = this.auth.user;
  protected readonly organisation = loadable(() => this.organisationApi.get());
  /** Console pages this user may open, offered as shortcuts. */
  protected readonly quickLinks = computed(() =>
    NAV_ITEMS.filter(
      (item) =>
        item.summary && item.target.kind === 'route' && this.auth.user() && this.auth.hasRole(item.minRole),
    ).map((item) => ({ ...item, path: item.target.kind === 'route' ? item.target.path : '/' })),
  );

  constructor() {
    this.organisation.load();
  }
}
