import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MetaCampaignDto, Role } from '@legeai/contracts';
import { debounceTime, distinctUntilChanged, filter, map } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { AdStatus } from '../ad-status/ad-status';
import { AdsSettingsCard } from '../ads-settings-card/ads-settings-card';
import { BudgetDialog, BudgetDialogData } from '../budget-dialog/budget-dialog';
import { AdStatusWrites, TargetStatus } from '../data/ad-status-writes';
import { AdsApi } from '../data/ads-api';
import { budgetOf } from '../data/budget';
import {
  AD_OBJECTIVES,
  CAMPAIGN_PAGE_SIZES,
  CampaignSort,
  CampaignView,
  DELIVERY_STATUSES,
  SET_STATUSES,
  StatusFilter,
  campaignListQuery,
  campaignViewFromParams,
  campaignViewToParams,
  narrowsCampaigns,
} from '../data/campaign-view';
import { BudgetPipe, MoneyPipe } from '../money.pipe';
import { AdObject, StatusToggle } from '../status-toggle/status-toggle';
import { SyncBar } from '../sync-bar/sync-bar';

/** Typing pauses this long before the search runs. */
export const CAMPAIGN_SEARCH_DEBOUNCE_MS = 300;

/**
 * Ads: the campaigns of one ad account as LEGEAI last read them from Meta, with their delivery and review problems,
 * budgets and results. Managers and admins pause and resume (one or the selected ones), edit budgets, sync and create
 * lead campaigns; viewers read. The view lives in the URL, so it can be shared and survives a reload.
 */
@Component({
  selector: 'lg-campaigns-page',
  imports: [
    AdStatus,
    AdsSettingsCard,
    BudgetPipe,
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    MoneyPipe,
    ReactiveFormsModule,
    ReadOnlyHint,
    RouterLink,
    StatusToggle,
    SyncBar,
    Timestamp,
  ],
  templateUrl: './campaigns-page.html',
  styleUrl: './campaigns-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsPage {
  private readonly api = inject(AdsApi);
  private readonly writes = inject(AdStatusWrites);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly syncBar = viewChild(SyncBar);

  protected readonly canManage = inject(AuthStore).hasRole(Role.Manager);
  protected readonly columns = ['select', 'name', 'status', 'delivery', 'objective', 'budget', 'spend', 'leads', 'cpl', 'updatedAt'];
  protected readonly pageSizes = CAMPAIGN_PAGE_SIZES;
  protected readonly objectives = AD_OBJECTIVES;
  protected readonly setStatuses = SET_STATUSES;
  protected readonly deliveryStatuses = DELIVERY_STATUSES;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly view = computed(() => campaignViewFromParams(this.params()));
  protected readonly narrowed = computed(() => narrowsCampaigns(this.view()));

  protected readonly accounts = loadable(() => this.api.adAccounts());
  protected readonly account = computed(() => this.accounts.value()?.find((a) => a.adAccountId === this.view().adAccountId) ?? null);
  protected readonly list = loadable(() => this.api.campaigns(campaignListQuery(this.view())));

  /** Local ids of the selected rows of this page. */
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly bulkSaving = signal(false);
  protected readonly allSelected = computed(() => {
    const items = this.list.value()?.items ?? [];
    return items.length > 0 && items.every((c) => this.selected().has(c.id));
  });

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<StatusFilter>(null);
  protected readonly objective = new FormControl<string | null>(null);

  constructor() {
    this.accounts.load((accounts) => {
      // The first account is the default view; an account in the URL that is gone falls back to it too.
      const current = this.view().adAccountId;
      if (accounts.length > 0 && !accounts.some((a) => a.adAccountId === current)) {
        this.show({ ...this.view(), adAccountId: accounts[0].adAccountId, pageIndex: 0 }, true);
      }
    });

    this.route.queryParamMap
      .pipe(
        map((params) => campaignListQuery(campaignViewFromParams(params))),
        filter((query) => !!query.adAccountId),
        map((query) => JSON.stringify(query)),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loadList());

    // The URL is the truth: a back button or a shared link puts the controls where the filters are.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const view = campaignViewFromParams(params);
      if (this.search.value.trim() !== view.q) {
        this.search.setValue(view.q, { emitEvent: false });
      }
      this.status.setValue(view.status, { emitEvent: false });
      this.objective.setValue(view.objective, { emitEvent: false });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(CAMPAIGN_SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => q !== this.view().q && this.show({ ...this.view(), q, pageIndex: 0 }));
    this.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => this.show({ ...this.view(), status, pageIndex: 0 }));
    this.objective.valueChanges.pipe(takeUntilDestroyed()).subscribe((objective) => this.show({ ...this.view(), objective, pageIndex: 0 }));
  }

  protected loadList(): void {
    this.list.load((page) => {
      // A selection only means the rows it was made on.
      const ids = new Set(page.items.map((c) => c.id));
      this.selected.update((selected) => new Set([...selected].filter((id) => ids.has(id))));
    });
  }

  protected chooseAccount(adAccountId: string): void {
    this.selected.set(new Set());
    this.show({ ...this.view(), adAccountId, pageIndex: 0 });
  }

  protected clearFilters(): void {
    this.show({ ...this.view(), q: '', status: null, objective: null, pageIndex: 0 });
  }

  protected changePage(event: PageEvent): void {
    const pageIndex = event.pageSize === this.view().pageSize ? event.pageIndex : 0;
    this.show({ ...this.view(), pageIndex, pageSize: event.pageSize });
  }

  protected changeSort(sort: Sort): void {
    const order = sort.direction === 'asc' ? 'asc' : 'desc';
    this.show({ ...this.view(), sort: sort.active as CampaignSort, order, pageIndex: 0 });
  }

  protected syncNow(): void {
    this.syncBar()?.syncNow();
  }

  protected toggleRow(id: string): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected toggleAll(): void {
    const items = this.list.value()?.items ?? [];
    this.selected.set(this.allSelected() ? new Set() : new Set(items.map((c) => c.id)));
  }

  /** Pauses or resumes the selected campaigns in one request, then reads the page again for Meta's delivery states. */
  protected setSelectedStatus(status: TargetStatus): void {
    const ids = [...this.selected()];
    if (ids.length === 0) {
      return;
    }
    this.bulkSaving.set(true);
    this.writes.setStatusOfMany('campaign', ids, status).subscribe({
      next: (result) => {
        this.bulkSaving.set(false);
        const done = new Set(result.results.filter((r) => r.ok).map((r) => r.id));
        this.selected.update((selected) => new Set([...selected].filter((id) => !done.has(id))));
        this.loadList();
      },
      error: () => this.bulkSaving.set(false),
    });
  }

  protected replaceRow(saved: AdObject): void {
    const page = this.list.value();
    if (page) {
      this.list.set({ ...page, items: page.items.map((c) => (c.id === saved.id ? (saved as MetaCampaignDto) : c)) });
    }
  }

  protected editBudget(campaign: MetaCampaignDto): void {
    this.dialog
      .open<BudgetDialog, BudgetDialogData, AdObject>(BudgetDialog, {
        data: { level: 'campaign', object: campaign, currency: campaign.currency },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.replaceRow(saved));
  }

  protected readonly hasOwnBudget = (campaign: MetaCampaignDto): boolean => budgetOf(campaign) !== null;
  protected readonly trackById = (_index: number, campaign: MetaCampaignDto): string => campaign.id;

  private show(view: CampaignView, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: campaignViewToParams(view), replaceUrl });
  }
}
