import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Role } from '@legeai/contracts';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
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
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    MatProgressBarModule,
    PipelineOverview,
    ReactiveFormsModule,
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
    NAV_ITEMS.filter((item) => item.summary && item.target.kind === 'route' && this.auth.user() && this.auth.hasRole(item.minRole)).map(
      (item) => ({ ...item, path: item.target.kind === 'route' ? item.target.path : '/' }),
    ),
  );

  private readonly notifier = inject(Notifier);
  protected readonly isAdmin = this.auth.hasRole(Role.Admin);
  /** The currency premiums are in when no ad account of the lead's Page says: set by admins, never guessed. */
  protected readonly currency = new FormControl('', { nonNullable: true, validators: Validators.pattern(/^[A-Za-z]{3}$/) });
  protected readonly savingCurrency = signal(false);

  constructor() {
    this.organisation.load();
    effect(() => this.currency.reset(this.organisation.value()?.defaultCurrency ?? ''));
  }

  protected saveCurrency(): void {
    const code = this.currency.value.trim().toUpperCase();
    this.savingCurrency.set(true);
    this.organisationApi.update({ defaultCurrency: code || null }).subscribe({
      next: (organisation) => {
        this.savingCurrency.set(false);
        this.organisation.set(organisation);
        this.notifier.info(code ? `Premiums default to ${code}.` : 'The default currency is unset.');
      },
      error: () => this.savingCurrency.set(false),
    });
  }
}
