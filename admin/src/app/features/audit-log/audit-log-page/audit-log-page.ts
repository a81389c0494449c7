import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { AuditEntryDto, AuditLogFiltersDto, Page } from '@legeai/contracts';
import { distinctUntilChanged, map } from 'rxjs';

import { loadable } from '../../../shared/data/loadable';
import { EstimatedTotalPaginatorIntl } from '../../../shared/ui/paginator/estimated-total-paginator-intl';
import { describeAuditDetails } from '../../../shared/labels/audit-labels';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { AuditDiffRow, auditDiff } from '../data/audit-diff';
import { AuditLogApi } from '../data/audit-log-api';
import {
  AUDIT_TABS,
  AuditLogFilters,
  AuditLogView,
  AuditTab,
  PAGE_SIZES,
  narrows,
  toQuery,
  viewFromParams,
  viewToParams,
} from '../data/audit-log-view';
import { AuditLogFiltersBar } from '../audit-log-filters-bar/audit-log-filters-bar';

/** An entry with what its detail shows, worked out once per page rather than at every change detection. */
interface Row {
  entry: AuditEntryDto;
  diff: AuditDiffRow[];
  details: string;
  /** What the entry is about by name, when it recorded one (a form's name, a key's name, a user's email). */
  subject: string | null;
}

/**
 * The organisation's append-only audit log, for admins (the only role the route lets in): changes with their before
 * and after, sign-ins and contact-detail access on tabs of their own, filters kept in the URL so a view can be
 * shared, and each entry's request id to find its logs. Nothing here changes anything.
 */
@Component({
  selector: 'lg-audit-log-page',
  imports: [
    AuditLogFiltersBar,
    EmptyState,
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './audit-log-page.html',
  styleUrl: './audit-log-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: MatPaginatorIntl, useClass: EstimatedTotalPaginatorIntl }],
})
export class AuditLogPage {
  private readonly paginatorIntl = inject(MatPaginatorIntl) as EstimatedTotalPaginatorIntl;
  private readonly api = inject(AuditLogApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly tabs = AUDIT_TABS;
  protected readonly columns = ['at', 'actor', 'action', 'target', 'open'];
  protected readonly pageSizes = PAGE_SIZES;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly view = computed(() => viewFromParams(this.params()));
  protected readonly narrowed = computed(() => narrows(this.view().filters));

  protected readonly page = loadable<Page<AuditEntryDto>>(() => this.api.list(toQuery(this.view())));
  protected readonly rows = computed<Row[]>(() =>
    (this.page.value()?.items ?? []).map((entry) => ({
      entry,
      diff: auditDiff(entry.before, entry.after),
      details: describeAuditDetails(entry.details),
      subject: subjectName(entry),
    })),
  );
  /** The pickers' options; without them the filters still work, offering only what the URL holds. */
  protected readonly options = signal<AuditLogFiltersDto | null>(null);
  protected readonly openId = signal<string | null>(null);

  constructor() {
    this.route.queryParamMap
      .pipe(
        map((params) => JSON.stringify(toQuery(viewFromParams(params)))),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.openId.set(null);
        this.page.load((page) => this.paginatorIntl.setEstimated(page.totalExact));
      });
    this.api
      .filters()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (options) => this.options.set(options), error: () => undefined });
  }

  /** The address of a tab: the same filters from its first page, less an action of another category. */
  protected tabParams(tab: AuditTab): Params {
    const { filters } = this.view();
    // An action of another category would leave the new tab empty for no visible reason.
    const action = filters.action && tab !== 'all' && this.categoryOf(filters.action) !== tab ? null : filters.action;
    return viewToParams({ ...this.view(), tab, filters: { ...filters, action }, pageIndex: 0 });
  }

  protected changeFilters(filters: AuditLogFilters): void {
    this.show({ ...this.view(), filters, pageIndex: 0 });
  }

  protected changePage(event: PageEvent): void {
    const pageIndex = event.pageSize === this.view().pageSize ? event.pageIndex : 0;
    this.show({ ...this.view(), pageIndex, pageSize: event.pageSize });
  }

  protected toggle(entry: AuditEntryDto): void {
    this.openId.update((open) => (open === entry.id ? null : entry.id));
  }

  /** Everything the same request or job recorded, on every tab. */
  protected showRequest(correlationId: string): void {
    this.show({ ...this.view(), tab: 'all', filters: { ...this.view().filters, correlationId }, pageIndex: 0 });
  }

  protected readonly trackById = (_index: number, row: Row): string => row.entry.id;

  private categoryOf(action: string): string | undefined {
    return this.options()?.actions.find((a) => a.action === action)?.category;
  }

  private show(view: AuditLogView): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: viewToParams(view) });
  }
}

function subjectName(entry: AuditEntryDto): string | null {
  const named = [entry.details['formName'], entry.details['name'], entry.after?.['name'], entry.details['email']];
  return (named.find((value) => typeof value === 'string' && value !== '') as string | undefined) ?? null;
}
