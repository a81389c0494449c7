import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/**
 * Paginator wording for lists whose server estimates large totals (leads, audit log: past 1,000 rows the total is
 * PostgreSQL's estimate): the range label says "about" rather than a precise figure the server does not have.
 * Provide it on the page's component and call `setEstimated` with each page read.
 */
@Injectable()
export class EstimatedTotalPaginatorIntl extends MatPaginatorIntl {
  private estimated = false;

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const count = length.toLocaleString();
    if (length === 0) {
      return `0 of ${count}`;
    }
    const start = page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    return `${start.toLocaleString()} – ${end.toLocaleString()} of ${this.estimated ? 'about ' : ''}${count}`;
  };

  /** `totalExact` of the page just read; a missing flag means exact. */
  setEstimated(totalExact: boolean | undefined): void {
    const estimated = totalExact === false;
    if (estimated !== this.estimated) {
      this.estimated = estimated;
      this.changes.next();
    }
  }
}
