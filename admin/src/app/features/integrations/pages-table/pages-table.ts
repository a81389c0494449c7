import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MetaPageDto } from '@legeai/contracts';

/** The Facebook Pages the user granted, and whether each sends its new leads to us. */
@Component({
  selector: 'lg-pages-table',
  imports: [DecimalPipe, MatTableModule, MatTooltipModule],
  template: `
    <table mat-table [dataSource]="pages()" class="pages-table responsive-table" aria-label="Pages">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let page">
          {{ page.name }}
          <div class="mono muted">{{ page.pageId }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="category">
        <th mat-header-cell *matHeaderCellDef>Category</th>
        <td mat-cell *matCellDef="let page" data-label="Category">{{ page.category ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="followers">
        <th mat-header-cell *matHeaderCellDef class="number">Followers</th>
        <td mat-cell *matCellDef="let page" class="number" data-label="Followers">
          {{ page.followersCount === null ? '—' : (page.followersCount | number) }}
        </td>
      </ng-container>
      <ng-container matColumnDef="subscription">
        <th mat-header-cell *matHeaderCellDef>Lead webhook</th>
        <td mat-cell *matCellDef="let page" data-label="Lead webhook">
          @if (page.connectedElsewhere) {
            <span
              class="chip problem"
              data-testid="page-connected-elsewhere"
              matTooltip="Another organisation on this platform has this Page connected; a Page is connected by one organisation at a time. Once they disconnect it, refresh here."
            >
              Connected by another organisation
            </span>
          } @else if (page.subscribed) {
            <span class="chip">Subscribed</span>
          } @else {
            <span
              class="chip problem"
              matTooltip="New leads of this page are not pushed to us. The health check re-subscribes it; run it now or reconnect."
            >
              Not subscribed
            </span>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let page; columns: columns"></tr>
    </table>
  `,
  styleUrl: '../asset-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagesTable {
  readonly pages = input.required<MetaPageDto[]>();

  protected readonly columns = ['name', 'category', 'followers', 'subscription'];
}
