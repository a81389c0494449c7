import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  LeadDetailDto,
  LeadFieldDefinitionDto,
  LeadListQuery,
  LeadPage,
  LeadSummaryDto,
  ReopenLeadRequest,
  Role,
  UpdateLeadStatusRequest,
} from '@legeai/contracts';
import { catchError, distinctUntilChanged, exhaustMap, filter, map, of } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { VisibleInterval } from '../../../shared/data/visible-interval';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { EstimatedTotalPaginatorIntl } from '../../../shared/ui/paginator/estimated-total-paginator-intl';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import {
  LeadFilters,
  LeadView,
  PAGE_SIZES,
  narrowsList,
  toFilterQuery,
  toListQuery,
  toDay,
  viewFromParams,
  viewToParams,
} from '../data/lead-filters';
import { LeadFieldsApi } from '../../lead-fields/data/lead-fields-api';
import { LeadExportFormat, LeadsApi } from '../data/leads-api';
import { FileSaver } from '../data/save-file';
import { leadConversionEvents } from '../../conversions/data/lead-conversion-events';
import { LeadDetail } from '../lead-detail/lead-detail';
import { FilterOption, LeadFiltersBar } from '../lead-filters-bar/lead-filters-bar';
import { LeadStatusChip } from '../lead-status-chip/lead-status-chip';
import { LeadPageCursors } from './lead-page-cursors';

/** How often the first page asks whether leads newer than the newest shown have arrived. */
export const LIVE_LEADS_MS = 5_000;

/** Leads that arrived since the list was read, waiting to be shown. */
interface Incoming {
  leads: LeadSummaryDto[];
  /** How many there are; more than `leads` when over a page arrived. */
  count: number;
}

/**
 * The organisation's leads: search and filter them, open one in a drawer, move it along the pipeline and export
 * what is shown. The view lives in the URL, so it can be shared and survives a reload.
 */
@Component({
  selector: 'lg-leads-page',
  imports: [
    EmptyState,
    ErrorState,
    LabelPipe,
    LeadDetail,
    LeadFiltersBar,
    LeadStatusChip,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSidenavModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './leads-page.html',
  styleUrl: './leads-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: MatPaginatorIntl, useClass: EstimatedTotalPaginatorIntl }],
})
export class LeadsPage {
  private readonly api = inject(LeadsApi);
  private readonly leadFields = inject(LeadFieldsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly fileSaver = inject(FileSaver);
  private readonly paginatorIntl = inject(MatPaginatorIntl) as EstimatedTotalPaginatorIntl;
  /** Where the pages already reached start, so the next page is read by cursor rather than by a deep offset. */
  private readonly cursors = new LeadPageCursors();

  private readonly auth = inject(AuthStore);
  protected readonly canManage = this.auth.hasRole(Role.Manager);
  protected readonly isAdmin = this.auth.hasRole(Role.Admin);
  /** Exports carry contact details: admins, managers and viewers an admin granted it to. */
  protected readonly canExport = computed(() => this.auth.user()?.canSeeContacts === true);
  protected readonly columns = ['name', 'email', 'phone', 'form', 'campaign', 'status', 'flags', 'receivedAt'];
  protected readonly pageSizes = PAGE_SIZES;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly view = computed(() => viewFromParams(this.params()));
  protected readonly selectedId = computed(() => this.params().get('lead'));

  // Both read the params through the signals above, which toSignal subscribed to before the constructor did.
  protected readonly list = loadable(() => this.api.list(this.cursors.query(toListQuery(this.view()))));
  protected readonly narrowed = computed(() => narrowsList(this.view().filters));

  /** Read only while a lead is selected. */
  protected readonly detail = loadable(() => this.api.get(this.selectedId()!));
  /** The selected lead's stages sent to Meta, merged into its timeline. */
  protected readonly conversionEvents = leadConversionEvents();
  protected readonly savingStatus = signal(false);

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  /** Forms the organisation has at Meta, plus any seen on a lead (a form deleted at Meta still has leads). */
  private readonly metaForms = signal<FilterOption[]>([]);
  private readonly seenForms = signal<ReadonlyMap<string, string>>(new Map());
  /** There is no campaign list endpoint for the console yet: campaigns are learnt from the leads shown so far. */
  private readonly seenCampaigns = signal<ReadonlyMap<string, string>>(new Map());
  /** The organisation's custom lead fields, for their filters; without them the other filters still work. */
  protected readonly customFields = signal<LeadFieldDefinitionDto[]>([]);
  protected readonly formOptions = computed(() => mergeOptions(this.metaForms(), this.seenForms()));
  protected readonly campaignOptions = computed(() => mergeOptions([], this.seenCampaigns()));

  protected readonly incoming = signal<Incoming | null>(null);
  /** Rows added by "show new leads", highlighted until the list is read again. */
  protected readonly freshIds = signal<ReadonlySet<string>>(new Set());

  constructor() {
    const queryParams = this.route.queryParamMap;
    // Opening or closing the drawer changes the URL too; only changes to the list's own query reload it.
    queryParams
      .pipe(
        map((params) => JSON.stringify(toListQuery(viewFromParams(params)))),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loadList());

    this.watchForNewLeads();

    queryParams
      .pipe(
        map((params) => params.get('lead')),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        this.detail.reset();
        this.conversionEvents.watch(id);
        if (id) {
          this.detail.load();
        }
      });

    this.leadFields
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (fields) => this.customFields.set(fields), error: () => undefined });

    this.api
      .leadForms()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (forms) => this.metaForms.set(forms.map((f) => ({ id: f.formId, name: f.name }))),
        // The filter still offers the forms seen on leads; the Meta page explains what is wrong with the connection.
        error: () => undefined,
      });
  }

  /** Puts the leads that arrived on top of the list, highlighted; over a page of them reads the list again. */
  protected showIncoming(): void {
    const incoming = this.incoming();
    if (!incoming) {
      return;
    }
    if (incoming.count > incoming.leads.length) {
      this.loadList();
      return;
    }
    const page = this.list.value();
    if (page) {
      const items = [...incoming.leads, ...page.items].slice(0, this.view().pageSize);
      this.list.set({ ...page, items, total: page.total + incoming.count });
    }
    this.learnOptions(incoming.leads);
    this.freshIds.set(new Set(incoming.leads.map((l) => l.id)));
    this.incoming.set(null);
  }

  /** Reads the list of the view in the URL; a "new leads" offer and highlights belong to the list it replaces. */
  protected loadList(): void {
    this.incoming.set(null);
    this.freshIds.set(new Set());
    this.list.load((page) => this.pageRead(page));
  }

  protected changeFilters(filters: LeadFilters): void {
    // The date inputs report their value again when the URL puts it there; that must not reset the page.
    if (JSON.stringify(filters) === JSON.stringify(this.view().filters)) {
      return;
    }
    this.show({ ...this.view(), filters, pageIndex: 0 });
  }

  protected changePage(event: PageEvent): void {
    const pageIndex = event.pageSize === this.view().pageSize ? event.pageIndex : 0;
    this.show({ ...this.view(), pageIndex, pageSize: event.pageSize });
  }

  protected changeSort(sort: Sort): void {
    this.show({ ...this.view(), sort: sort.direction === 'asc' ? 'asc' : 'desc', pageIndex: 0 });
  }

  protected openLead(id: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { lead: id },
      queryParamsHandling: 'merge',
    });
  }

  protected closeLead(): void {
    if (this.selectedId()) {
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { lead: null },
        queryParamsHandling: 'merge',
      });
    }
  }

  /**
   * Shows the move (or the corrected premium) at once and puts the lead back if the server refuses it (e.g. 409 when
   * someone else moved it first); the error interceptor's snack bar carries the server's reason.
   */
  protected changeStatus(request: UpdateLeadStatusRequest): void {
    const before = this.detail.value();
    if (!before) {
      return;
    }
    // The same status corrects the premium only; the stage and its time stay.
    const moves = request.status !== before.status;
    const optimistic: LeadDetailDto = {
      ...before,
      status: request.status,
      statusChangedAt: moves ? new Date().toISOString() : before.statusChangedAt,
      premiumValue: request.premiumUnknown ? null : (request.premiumValue ?? before.premiumValue),
      premiumCurrency: request.premiumUnknown ? null : (request.premiumCurrency ?? before.premiumCurrency),
      premiumUnknown: request.premiumUnknown === true,
    };
    this.showLead(optimistic);
    this.savingStatus.set(true);
    this.api.updateStatus(before.id, request).subscribe({
      next: (saved) => {
        this.savingStatus.set(false);
        this.showLead(saved);
        this.conversionEvents.refresh();
        this.notifier.info(moves ? `Lead moved to ${label('leadStatus', saved.status)}.` : 'Premium saved.');
      },
      error: () => {
        this.savingStatus.set(false);
        this.showLead(before);
      },
    });
  }

  /** Reopens a won or lost lead with the reason given in the dialog; the drawer shows the server's answer. */
  protected reopen(request: ReopenLeadRequest): void {
    const lead = this.detail.value();
    if (!lead) {
      return;
    }
    this.savingStatus.set(true);
    this.api.reopen(lead.id, request).subscribe({
      next: (saved) => {
        this.savingStatus.set(false);
        this.showLead(saved);
        this.conversionEvents.refresh();
        this.notifier.info(`Lead reopened as ${label('leadStatus', saved.status)}.`);
      },
      error: () => this.savingStatus.set(false),
    });
  }

  /** A duplicate link was unlinked or confirmed: the drawer shows the server's answer, the list's badges are read again. */
  protected duplicatesChanged(lead: LeadDetailDto): void {
    this.showLead(lead);
    this.loadList();
  }

  protected exportLeads(format: LeadExportFormat): void {
    const { filters, sort } = this.view();
    this.exporting.set(true);
    this.exportError.set(null);
    this.api.export(toFilterQuery(filters, sort), format).subscribe({
      next: (file) => {
        this.exporting.set(false);
        this.fileSaver.save(file, `leads-${toDay(new Date())}.${format}`);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.exportError.set(httpErrorMessage(error));
      },
    });
  }

  protected readonly trackById = (_index: number, lead: LeadSummaryDto): string => lead.id;

  /**
   * While the first page is shown newest first, asks every few seconds (only while the tab is visible) for leads
   * received since the newest one shown: one small request, answered from the receivedAt index.
   */
  private watchForNewLeads(): void {
    inject(VisibleInterval)
      .every(LIVE_LEADS_MS)
      .pipe(
        map(() => this.newerQuery()),
        filter((query): query is NonNullable<typeof query> => query !== null),
        exhaustMap(({ key, query }) =>
          this.api.list(query).pipe(
            map((page) => ({ key, page })),
            // A missed poll is not worth a message; the next one tries again.
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        const shown = this.list.value();
        // An answer that arrives while the list is read again would be counted against the list being replaced.
        if (!answer || !shown || this.list.loading() || answer.key !== this.listKey()) {
          return;
        }
        const ids = new Set(shown.items.map((l) => l.id));
        const leads = answer.page.items.filter((l) => !ids.has(l.id));
        const alreadyShown = answer.page.items.length - leads.length;
        const count = answer.page.total - alreadyShown;
        this.incoming.set(count > 0 ? { leads, count } : null);
      });
  }

  /** The query for leads newer than the newest shown, or `null` when the view does not show the newest leads. */
  private newerQuery(): { key: string; query: LeadListQuery } | null {
    const view = this.view();
    const page = this.list.value();
    if (view.pageIndex !== 0 || view.sort !== 'desc' || !page || this.list.loading() || this.list.error()) {
      return null;
    }
    const query = toListQuery(view);
    const newest = page.items[0]?.receivedAt;
    return { key: this.listKey(), query: { ...query, offset: 0, from: newest ?? query.from } };
  }

  private listKey(): string {
    return JSON.stringify(toListQuery(this.view()));
  }

  private show(view: LeadView): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...viewToParams(view), lead: this.selectedId() },
    });
  }

  protected leadEdited(lead: LeadDetailDto): void {
    this.showLead(lead);
    this.notifier.info('Lead fields saved.');
  }

  /** The drawer and the lead's table row show the same state. */
  private showLead(lead: LeadDetailDto): void {
    if (this.detail.value()?.id === lead.id) {
      this.detail.set(lead);
    }
    const page = this.list.value();
    if (page) {
      const { status, premiumValue, premiumCurrency } = lead;
      const items = page.items.map((row) => (row.id === lead.id ? { ...row, status, premiumValue, premiumCurrency } : row));
      this.list.set({ ...page, items });
    }
  }

  /** A page arrived: its next page's cursor is kept, the paginator says whether the total is exact. */
  private pageRead(page: LeadPage): void {
    this.cursors.remember(toListQuery(this.view()), page.nextCursor);
    this.paginatorIntl.setEstimated(page.totalExact);
    this.learnOptions(page.items);
  }

  private learnOptions(leads: LeadSummaryDto[]): void {
    const learn = (known: ReadonlyMap<string, string>, pairs: [string | null, string | null][]) => {
      const next = new Map(known);
      for (const [id, name] of pairs) {
        if (id && (!next.has(id) || (name && next.get(id) === id))) {
          next.set(id, name || id);
        }
      }
      return next;
    };
    this.seenForms.update((known) =>
      learn(
        known,
        leads.map((l) => [l.formId, l.formName]),
      ),
    );
    this.seenCampaigns.update((known) =>
      learn(
        known,
        leads.map((l) => [l.campaignId, l.campaignName]),
      ),
    );
  }
}

function mergeOptions(first: FilterOption[], seen: ReadonlyMap<string, string>): FilterOption[] {
  const ids = new Set(first.map((o) => o.id));
  const extra = [...seen].filter(([id]) => !ids.has(id)).map(([id, name]) => ({ id, name }));
  return [...first, ...extra].sort((a, b) => a.name.localeCompare(b.name));
}
