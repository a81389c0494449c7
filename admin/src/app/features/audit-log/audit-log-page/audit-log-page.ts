import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditEntryDto, Page } from '@legeai/contracts';

import { loadable } from '../../../shared/data/loadable';
import { describeAuditDetails } from '../../../shared/labels/audit-labels';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { AuditLogApi } from '../data/audit-log-api';

/** Read-only, paged view of the organisation's append-only audit log. */
@Component({
  selector: 'lg-audit-log-page',
  imports: [EmptyState, ErrorState, LabelPipe, MatPaginatorModule, MatProgressBarModule, MatTableModule, Timestamp],
  templateUrl: './audit-log-page.html',
  styleUrl: './audit-log-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly auditLogApi = inject(AuditLogApi);

  protected readonly columns = ['at', 'actor', 'action', 'target', 'details'];
  protected readonly pageSizes = [25, 50, 100];
  protected readonly pageSize = signal(25);
  protected readonly pageIndex = signal(0);
  /** The page currently asked for; paging again drops an answer still on its way for the previous one. */
  protected readonly page = loadable<Page<AuditEntryDto>>(() => {
    const limit = this.pageSize();
    return this.auditLogApi.list({ limit, offset: this.pageIndex() * limit });
  });

  constructor() {
    this.page.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
    this.page.load();
  }

  /** Enough of a UUID to tell entries apart at a glance; the full id is in the tooltip. */
  protected shortId(id: string): string {
    return id.length > 8 ? `${id.slice(0, 8)}…` : id;
  }

  /** The entry's details on one line, e.g. "Role: manager · Active: no". */
  protected describeDetails(entry: AuditEntryDto): string {
    return describeAuditDetails(entry.details);
  }
}
