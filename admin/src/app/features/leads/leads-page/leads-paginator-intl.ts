import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/**
 * The leads paginator's wording: past 1,000 leads the server's total is an estimate, and the range label says
 * "about" rather than a precise figure it does not have.
 */
@Injectable()
export class LeadsPaginatorIntl extends MatPaginatorIntl {
  private estimated = false;

  override itemsPerPageLabel = 'Leads per page';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const count = length.toLocaleString();
    if (length === 0) {
      return `0 of ${count}`;
    }
    const start = page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    return `${start.toLocaleString()} – ${end.toLocaleString()} of ${this.estimated ? 'about ' : ''}${count}`;
  };

  setEstimated(estimated: boolean): void {
    if (estimated !== this.estimated) {
      this.estimated = estimated;
      this.changes.next();
    }
  }
}
