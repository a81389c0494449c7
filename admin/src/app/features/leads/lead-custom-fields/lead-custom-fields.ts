import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LeadCustomFieldViewDto, LeadDetailDto, LeadFieldValue } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { formatCalendarDay } from '../../../shared/time/format-time';
import { LeadsApi } from '../data/leads-api';

/** What an edit control holds: text for text, number and date inputs; option keys for the choices. */
type Draft = string | string[] | null;

/**
 * The organisation's own fields on a lead (vehicle year, household size…), under their labels with readable values;
 * managers and admins edit them in place. Saving answers the lead as stored, which the drawer then shows.
 */
@Component({
  selector: 'lg-lead-custom-fields',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  templateUrl: './lead-custom-fields.html',
  styleUrl: './lead-custom-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadCustomFields {
  private readonly api = inject(LeadsApi);

  readonly lead = input.required<LeadDetailDto>();
  readonly canEdit = input(false);
  readonly saved = output<LeadDetailDto>();

  protected readonly fields = computed(() => this.lead().customFields ?? []);
  /** Archived fields are shown (when filled) but no longer edited. */
  protected readonly editable = computed(() => this.fields().filter((f) => !f.archived));
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected form = new FormGroup<Record<string, FormControl<Draft>>>({});

  protected shown(field: LeadCustomFieldViewDto): string {
    if (field.value === null) {
      return '—';
    }
    if (field.type === 'date' && typeof field.value === 'string') {
      return formatCalendarDay(field.value);
    }
    if (field.type === 'number' && typeof field.value === 'number') {
      return field.value.toLocaleString();
    }
    return field.display ?? '—';
  }

  protected edit(): void {
    this.form = new FormGroup<Record<string, FormControl<Draft>>>(
      Object.fromEntries(this.editable().map((f) => [f.key, new FormControl<Draft>(draftOf(f))])),
    );
    this.errorMessage.set(null);
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    const values: Record<string, LeadFieldValue | null> = {};
    for (const field of this.editable()) {
      const next = valueOf(field, this.form.controls[field.key].value);
      if (JSON.stringify(next) !== JSON.stringify(field.value)) {
        values[field.key] = next;
      }
    }
    if (Object.keys(values).length === 0) {
      this.editing.set(false);
      return;
    }
    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.updateCustomFields(this.lead().id, { values }).subscribe({
      next: (lead) => {
        this.saving.set(false);
        this.editing.set(false);
        this.saved.emit(lead);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }
}

function draftOf(field: LeadCustomFieldViewDto): Draft {
  if (field.value === null) {
    return field.type === 'multi_choice' ? [] : null;
  }
  return Array.isArray(field.value) ? [...field.value] : String(field.value);
}

/** An edit control's content as the API takes it; empty clears the value. A number that is not one is sent as text, for the server to refuse with its reason. */
function valueOf(field: LeadCustomFieldViewDto, draft: Draft): LeadFieldValue | null {
  if (Array.isArray(draft)) {
    return draft.length > 0 ? draft : null;
  }
  const text = draft?.toString().trim() ?? '';
  if (text === '') {
    return null;
  }
  if (field.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}
