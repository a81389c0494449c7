import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import { MetaConnectionStatus, MetaIntegrationStatus, MetaLeadFormDto, Role } from '@legeai/contracts';
import { filter, finalize } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { ConnectionStatusStore } from '../../../core/meta/connection-status-store';
import { loadable } from '../../../shared/data/loadable';
import { pendingKeys } from '../../../shared/data/pending-keys';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { AdAccountsTable } from '../ad-accounts-table/ad-accounts-table';
import { AssetSection } from '../asset-section/asset-section';
import { BrowserLocation } from '../browser-location';
import { ConnectOutcome, ConnectResultBanner, parseConnectOutcome } from '../connect-result-banner/connect-result-banner';
import { ConnectionCard } from '../connection-card/connection-card';
import { MetaIntegrationApi } from '../data/meta-integration-api';
import { AutoSyncChange, LeadFormsTable } from '../lead-forms-table/lead-forms-table';
import { TestLeadDialog, TestLeadDialogData } from '../lead-form-test-lead/test-lead-dialog';
import { SyncLeadsDialog, SyncLeadsDialogData } from '../lead-form-sync/sync-leads-dialog';
import { PagesTable } from '../pages-table/pages-table';

/**
 * Integrations → Meta: connect the organisation's Meta account, watch its health, and see what it brought in.
 * Everyone may look; admins act on the connection, managers send test leads and sync; the others see the controls
 * disabled under a read-only hint.
 */
@Component({
  selector: 'lg-meta-integration-page',
  imports: [
    AdAccountsTable,
    AssetSection,
    ConnectResultBanner,
    ConnectionCard,
    EmptyState,
    ErrorState,
    LeadFormsTable,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    PagesTable,
    ReadOnlyHint,
  ],
  templateUrl: './meta-integration-page.html',
  styleUrl: './meta-integration-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MetaIntegrationPage {
  private readonly api = inject(MetaIntegrationApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly browserLocation = inject(BrowserLocation);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly connection = inject(ConnectionStatusStore);

  protected readonly canManage = inject(AuthStore).hasRole(Role.Admin);
  /** Managers and admins send test leads and run syncs. */
  protected readonly canOperate = inject(AuthStore).hasRole(Role.Manager);
  /** Who may do what here, for those who may not do all of it. */
  protected readonly readOnlyDetail =
    'Admins connect, check, reconnect and disconnect the Meta account and switch auto-sync; ' +
    (this.canOperate ? 'you can send test leads and sync leads.' : 'managers and admins send test leads and sync leads.');
  protected readonly status = loadable(() => this.api.status());
  protected readonly adAccounts = loadable(() => this.api.adAccounts());
  protected readonly pages = loadable(() => this.api.pages());
  protected readonly leadForms = loadable(() => this.api.leadForms());

  /** What the OAuth callback reported on the way back, shown until dismissed. */
  protected readonly outcome = signal<ConnectOutcome | null>(null);
  protected readonly connecting = signal(false);
  protected readonly checking = signal(false);
  protected readonly refreshing = signal(false);
  protected readonly disconnecting = signal(false);
  /** Ids of lead forms whose auto-sync change is on its way to the server. */
  protected readonly pendingForms = pendingKeys();

  /** Whether there is an integration to show; a token Meta refused still counts, so it can be reconnected. */
  protected readonly linked = computed(() => isLinked(this.status.value()));

  constructor() {
    this.takeConnectOutcome();
    this.loadStatus();
    // A newer status read elsewhere (the shell's poll) replaces the one shown, so the card and the banner agree.
    effect(() => {
      const latest = this.connection.status();
      if (latest && latest !== untracked(() => this.status.value())) this.status.set(latest);
    });
  }

  protected loadStatus(): void {
    this.status.load((status) => this.followStatus(status, false));
  }

  /** Fetches a fresh single-use dialog URL and leaves for Meta; the callback brings the admin back here. */
  protected connect(): void {
    this.connecting.set(true);
    this.api.authUrl().subscribe({
      // The button stays disabled while the browser leaves the page.
      next: ({ url }) => this.browserLocation.assign(url),
      error: () => this.connecting.set(false),
    });
  }

  protected runCheck(): void {
    this.checking.set(true);
    this.api
      .runCheck()
      .pipe(finalize(() => this.checking.set(false)))
      .subscribe((status) => {
        // The check may have found new or removed forms and re-created page subscriptions.
        this.showStatus(status, true);
        this.notifier.info('Health check finished.');
      });
  }

  protected refreshAssets(): void {
    this.refreshing.set(true);
    this.api
      .refreshAssets()
      .pipe(finalize(() => this.refreshing.set(false)))
      .subscribe((status) => {
        this.showStatus(status, true);
        this.notifier.info('Ad accounts, pages and lead forms refreshed from Meta.');
      });
  }

  protected disconnect(): void {
    confirmAction(this.dialog, {
      title: 'Disconnect Meta account?',
      message:
        'LEGEAI will revoke its permissions at Meta, unsubscribe your pages from lead webhooks and delete the ' +
        'stored access tokens. New leads stop arriving until you connect again. Leads already received and the ' +
        'history are kept.',
      confirmLabel: 'Disconnect',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.disconnecting.set(true);
        this.api
          .disconnect()
          .pipe(finalize(() => this.disconnecting.set(false)))
          .subscribe((status) => {
            this.outcome.set(null);
            this.showStatus(status, false);
            this.notifier.info('Meta account disconnected. Leads and history are kept.');
          });
      });
  }

  /** Shows the new setting at once and puts it back if the server refuses (its reason comes as a snack bar). */
  protected changeAutoSync({ form, autoSync }: AutoSyncChange): void {
    this.setAutoSync(form.id, autoSync);
    this.pendingForms.mark(form.id, true);
    this.api
      .updateLeadForm(form.id, { autoSync })
      .pipe(finalize(() => this.pendingForms.mark(form.id, false)))
      .subscribe({
        next: (saved) => {
          this.replaceForm(saved);
          this.notifier.info(`Auto-sync ${autoSync ? 'on' : 'off'} for ${form.name}.`);
        },
        error: () => this.setAutoSync(form.id, !autoSync),
      });
  }

  protected openTestLead(form: MetaLeadFormDto): void {
    this.dialog.open<TestLeadDialog, TestLeadDialogData>(TestLeadDialog, { data: { form }, width: '520px' });
  }

  /** A sync that stored leads changes the forms' lead counts. */
  protected openSync(form: MetaLeadFormDto): void {
    this.dialog
      .open<SyncLeadsDialog, SyncLeadsDialogData, boolean>(SyncLeadsDialog, { data: { form }, width: '480px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.leadForms.load());
  }

  protected dismissOutcome(): void {
    this.outcome.set(null);
  }

  /** Shows a status an action answered with, as if it had just been loaded. */
  private showStatus(status: MetaConnectionStatus, reloadAssets: boolean): void {
    this.status.set(status);
    this.followStatus(status, reloadAssets);
  }

  /** Assets are listed while there is an integration: loaded the first time, or again when they may have changed. */
  private followStatus(status: MetaConnectionStatus, reloadAssets: boolean): void {
    this.connection.set(status);
    if (!isLinked(status)) {
      this.adAccounts.reset();
      this.pages.reset();
      this.leadForms.reset();
    } else if (reloadAssets || this.adAccounts.value() === null) {
      this.loadAssets();
    }
  }

  private loadAssets(): void {
    this.adAccounts.load();
    this.pages.load();
    this.leadForms.load();
  }

  /** Reads `?result=…&missing=…&elsewhere=…` from the OAuth callback once, then drops them so a reload does not repeat it. */
  private takeConnectOutcome(): void {
    const params = this.route.snapshot.queryParamMap;
    if (!params.has('result')) {
      return;
    }
    this.outcome.set(parseConnectOutcome(params.get('result'), params.get('missing'), params.get('elsewhere')));
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { result: null, missing: null, elsewhere: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  private setAutoSync(id: string, autoSync: boolean): void {
    const form = this.leadForms.value()?.find((f) => f.id === id);
    if (form) {
      this.replaceForm({ ...form, autoSync });
    }
  }

  private replaceForm(form: MetaLeadFormDto): void {
    const forms = this.leadForms.value();
    if (forms) {
      this.leadForms.set(forms.map((f) => (f.id === form.id ? form : f)));
    }
  }
}

function isLinked(status: MetaConnectionStatus | null): boolean {
  return !!status && (status.connected || status.status === MetaIntegrationStatus.ReauthRequired);
}
