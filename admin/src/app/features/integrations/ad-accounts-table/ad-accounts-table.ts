import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MetaAdAccountDto } from '@legeai/contracts';

import { AD_ACCOUNT_STATUS_LABELS } from '../../../shared/labels/meta-labels';

/** The ad accounts the connected Meta user granted access to. */
@Component({
  selector: 'lg-ad-accounts-table',
  imports: [MatTableModule],
  template: `
    <table mat-table [dataSource]="accounts()" class="ad-accounts-table responsive-table" aria-label="Ad accounts">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let account">{{ account.name }}</td>
      </ng-container>
      <ng-container matColumnDef="adAccountId">
        <th mat-header-cell *matHeaderCellDef>Account id</th>
        <td mat-cell *matCellDef="let account" class="mono" data-label="Account id">{{ account.adAccountId }}</td>
      </ng-container>
      <ng-container matColumnDef="currency">
        <th mat-header-cell *matHeaderCellDef>Currency</th>
        <td mat-cell *matCellDef="let account" data-label="Currency">{{ account.currency }}</td>
      </ng-container>
      <ng-container matColumnDef="timezone">
        <th mat-header-cell *matHeaderCellDef>Time zone</th>
        <td mat-cell *matCellDef="let account" data-label="Time zone">{{ account.timezone }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let account" data-label="Status">
          <span class="chip" [class.inactive]="!account.isActive">{{ statusLabel(account) }}</span>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let account; columns: columns"></tr>
    </table>
  `,
  styleUrl: '../asset-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdAccountsTable {
  readonly accounts = input.required<MetaAdAccountDto[]>();

  protected readonly columns = ['name', 'adAccountId', 'currency', 'timezone', 'status'];

  protected statusLabel(account: MetaAdAccountDto): string {
    if (account.accountStatus === null) {
      return account.isActive ? 'Active' : 'Inactive';
    }
    return AD_ACCOUNT_STATUS_LABELS[account.accountStatus] ?? `Status ${account.accountStatus}`;
  }
}
