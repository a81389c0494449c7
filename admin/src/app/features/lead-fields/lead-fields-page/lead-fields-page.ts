import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { LeadFieldDefinitionDto, Role } from '@legeai/contracts';
import { filter } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { EmptyState } from '../../../shared/ui/empty-state/empty-state';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { FIELD_TYPE_NAMES } from '../data/lead-field-words';
import { LeadFieldsApi } from '../data/lead-fields-api';
import { LeadFieldDialog, LeadFieldDialogData } from '../lead-field-dialog/lead-field-dialog';

/**
 * The organisation's own lead fields (vehicle year, coverage wanted, household size…): admins add, rename and archive
 * them; everyone else sees them read-only. Lead form mappings fill them, the lead drawer shows them.
 */
@Component({
  selector: 'lg-lead-fields-page',
  imports: [EmptyState, ErrorState, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, ReadOnlyHint],
  templateUrl: './lead-fields-page.html',
  styleUrl: './lead-fields-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadFieldsPage {
  private readonly api = inject(LeadFieldsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly isAdmin = inject(AuthStore).hasRole(Role.Admin);

  protected readonly fields = loadable(() => this.api.list());
  protected readonly rows = computed(() => this.fields.value() ?? []);
  protected readonly columns = this.isAdmin ? ['label', 'type', 'options', 'status', 'actions'] : ['label', 'type', 'options', 'status'];

  constructor() {
    this.fields.load();
  }

  protected typeName(field: LeadFieldDefinitionDto): string {
    return FIELD_TYPE_NAMES[field.type];
  }

  protected optionLabels(field: LeadFieldDefinitionDto): string {
    return field.options.map((o) => o.label).join(', ') || '—';
  }

  protected openDialog(field?: LeadFieldDefinitionDto): void {
    this.dialog
      .open<LeadFieldDialog, LeadFieldDialogData, LeadFieldDefinitionDto>(LeadFieldDialog, {
        width: '520px',
        maxWidth: '95vw',
        data: { field },
      })
      .afterClosed()
      .pipe(filter((saved): saved is LeadFieldDefinitionDto => !!saved))
      .subscribe((saved) => {
        this.replace(saved);
        this.notifier.info(field ? `“${saved.label}” saved.` : `“${saved.label}” added.`);
      });
  }

  protected setArchived(field: LeadFieldDefinitionDto, archived: boolean): void {
    this.api.setArchived(field.id, archived).subscribe((saved) => {
      this.replace(saved);
      this.notifier.info(archived ? `“${saved.label}” archived: leads keep its values.` : `“${saved.label}” restored.`);
    });
  }

  private replace(saved: LeadFieldDefinitionDto): void {
    const rows = this.rows();
    const next = rows.some((f) => f.id === saved.id) ? rows.map((f) => (f.id === saved.id ? saved : f)) : [...rows, saved];
    this.fields.set([...next].sort((a, b) => a.position - b.position));
  }
}
