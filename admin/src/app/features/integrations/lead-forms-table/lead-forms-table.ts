import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { LeadFormReconcileOutcome, MetaLeadFormDto } from '@legeai/contracts';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';

export interface AutoSyncChange {
  form: MetaLeadFormDto;
  autoSync: boolean;
}

/** The lead forms of the granted pages; admins choose which ones bring their leads in automatically. */
@Component({
  selector: 'lg-lead-forms-table',
  imports: [
    DecimalPipe,
    LabelPipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatSlideToggleModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Timestamp,
  ],
  template: `
    <table mat-table [dataSource]="forms()" [trackBy]="trackById" class="lead-forms-table responsive-table" aria-label="Lead forms">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let form">
          {{ form.name }}
          <div class="mono muted">{{ form.formId }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="page">
        <th mat-header-cell *matHeaderCellDef>Page</th>
        <td mat-cell *matCellDef="let form" data-label="Page">{{ form.pageName }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let form" data-label="Status">
          <span class="chip" [class.inactive]="form.status !== 'ACTIVE'">{{ form.status | label: 'formStatus' }}</span>
        </td>
      </ng-container>
      <ng-container matColumnDef="leads">
        <th mat-header-cell *matHeaderCellDef class="number">
          <span matTooltip="Leads LEGEAI stored from this form, test leads included">Stored here</span>
        </th>
        <td mat-cell *matCellDef="let form" class="number" data-label="Stored here">{{ form.leadsStored | number }}</td>
      </ng-container>
      <ng-container matColumnDef="atMeta">
        <th mat-header-cell *matHeaderCellDef class="number">
          <span matTooltip="Leads Meta counts for the form, as of the last refresh of the assets">At Meta</span>
        </th>
        <td mat-cell *matCellDef="let form" class="number" data-label="At Meta">{{ form.leadsAtMeta | number }}</td>
      </ng-container>
      <ng-container matColumnDef="questions">
        <th mat-header-cell *matHeaderCellDef class="number">Questions</th>
        <td mat-cell *matCellDef="let form" class="number" data-label="Questions">
          {{ form.questionCount }}
          @if (form.unmappedQuestions; as count) {
            <span
              class="chip problem"
              [attr.data-testid]="'unmapped-' + form.id"
              [matTooltip]="count + ' of its questions map to no lead field; their answers are only kept raw. Edit the mapping.'"
            >
              {{ count }} unmapped
            </span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="autoSync">
        <th mat-header-cell *matHeaderCellDef>Auto-sync</th>
        <td mat-cell *matCellDef="let form" data-label="Auto-sync">
          <mat-slide-toggle
            [checked]="form.autoSync"
            [disabled]="!canManage() || pending().has(form.id)"
            [aria-label]="'Auto-sync leads of ' + form.name"
            (change)="autoSyncChange.emit({ form, autoSync: $event.checked })"
          />
        </td>
      </ng-container>
      <ng-container matColumnDef="reconciled">
        <th mat-header-cell *matHeaderCellDef>Last reconciled</th>
        <td mat-cell *matCellDef="let form" data-label="Last reconciled" [attr.data-reconciled]="form.formId">
          @if (form.lastReconciledAt) {
            <span class="reconciled" [class]="'reconcile-' + form.lastReconcileOutcome" [matTooltip]="form.lastReconcileNote ?? ''">
              <mat-icon class="inline-icon" [attr.aria-label]="form.lastReconcileOutcome | label: 'reconcileOutcome'">{{
                reconcileIcon(form)
              }}</mat-icon>
              <lg-timestamp [at]="form.lastReconciledAt" />
            </span>
          } @else if (form.autoSync) {
            <span class="muted">Not yet</span>
          } @else {
            <span class="muted">Off</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
        <td mat-cell *matCellDef="let form" class="number">
          <button matIconButton [matMenuTriggerFor]="actions" [aria-label]="'Actions for ' + form.name">
            <mat-icon>more_vert</mat-icon>
          </button>
          <mat-menu #actions="matMenu" xPosition="before">
            <a mat-menu-item [routerLink]="['/integrations/meta/forms', form.id, 'mapping']">
              <mat-icon>account_tree</mat-icon>
              <span>Edit mapping</span>
            </a>
            <button mat-menu-item [disabled]="!canOperate()" (click)="sendTestLead.emit(form)">
              <mat-icon>science</mat-icon>
              <span>Send test lead</span>
            </button>
            <button mat-menu-item [disabled]="!canOperate()" (click)="syncLeads.emit(form)">
              <mat-icon>sync</mat-icon>
              <span>Sync leads now</span>
            </button>
          </mat-menu>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let form; columns: columns"></tr>
    </table>
  `,
  styleUrl: '../asset-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadFormsTable {
  readonly forms = input.required<MetaLeadFormDto[]>();
  /** Whether the viewer may switch auto-sync; others see the setting only. */
  readonly canManage = input(false);
  /** Ids of forms with a change on its way to the server, whose toggles are disabled meanwhile. */
  readonly pending = input<ReadonlySet<string>>(new Set());
  /** Managers and admins send test leads and sync leads on demand; others see both disabled. */
  readonly canOperate = input(false);
  readonly autoSyncChange = output<AutoSyncChange>();
  readonly sendTestLead = output<MetaLeadFormDto>();
  readonly syncLeads = output<MetaLeadFormDto>();

  protected readonly columns = ['name', 'page', 'status', 'leads', 'atMeta', 'questions', 'autoSync', 'reconciled', 'actions'];
  private readonly reconcileIcons: Record<LeadFormReconcileOutcome, string> = { ok: 'check_circle', skipped: 'skip_next', failed: 'error' };

  protected reconcileIcon(form: MetaLeadFormDto): string {
    return this.reconcileIcons[form.lastReconcileOutcome ?? 'ok'];
  }
  /** Keeps a row (and its toggle) in place when the form is replaced by its changed copy. */
  protected readonly trackById = (_index: number, form: MetaLeadFormDto): string => form.id;
}
