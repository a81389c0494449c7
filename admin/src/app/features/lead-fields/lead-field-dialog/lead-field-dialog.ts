import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  CHOICE_LEAD_FIELD_TYPES,
  LEAD_FIELD_KEY_PATTERN,
  LEAD_FIELD_TYPES,
  LeadFieldDefinitionDto,
  LeadFieldOptionDto,
  LeadFieldType,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { FIELD_TYPE_NAMES, keyFromLabel, uniqueKey } from '../data/lead-field-words';
import { LeadFieldsApi } from '../data/lead-fields-api';

export interface LeadFieldDialogData {
  /** The field to edit; a new one when absent. */
  field?: LeadFieldDefinitionDto;
}

type OptionGroup = FormGroup<{ key: FormControl<string | null>; label: FormControl<string> }>;

/**
 * Adds a lead field or edits one: its label, its type while no lead holds a value, and the options of a choice.
 * Keys are made from the labels (a field's key never changes once made, an option's neither). Closes with the saved
 * field.
 */
@Component({
  selector: 'lg-lead-field-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './lead-field-dialog.html',
  styleUrl: './lead-field-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadFieldDialog {
  private readonly api = inject(LeadFieldsApi);
  private readonly dialogRef = inject<MatDialogRef<LeadFieldDialog, LeadFieldDefinitionDto>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly existing = inject<LeadFieldDialogData>(MAT_DIALOG_DATA, { optional: true })?.field ?? null;

  protected readonly types = LEAD_FIELD_TYPES;
  protected readonly typeNames = FIELD_TYPE_NAMES;
  protected readonly form = this.fb.group({
    label: [this.existing?.label ?? '', [Validators.required, Validators.maxLength(100)]],
    key: [this.existing?.key ?? '', [Validators.required, Validators.pattern(LEAD_FIELD_KEY_PATTERN)]],
    type: this.fb.control<LeadFieldType>(this.existing?.type ?? 'text'),
  });
  protected readonly options = new FormArray<OptionGroup>((this.existing?.options ?? []).map((o) => this.optionGroup(o)));
  private readonly type = toSignal(this.form.controls.type.valueChanges, { initialValue: this.form.controls.type.value });
  protected readonly choice = computed(() => CHOICE_LEAD_FIELD_TYPES.includes(this.type()));
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** The key follows the label until someone types one of their own. */
  private keyTouched = !!this.existing;

  constructor() {
    if (this.existing) {
      this.form.controls.key.disable();
      // The server refuses a type change once leads hold values; say so with a disabled control rather than a 409.
      if (this.existing.inUse) {
        this.form.controls.type.disable();
      }
    }
    this.form.controls.label.valueChanges.subscribe((label) => {
      if (!this.keyTouched) {
        this.form.controls.key.setValue(keyFromLabel(label, 40, true), { emitEvent: false });
      }
    });
    if (!this.existing) {
      this.addOption();
      this.addOption();
    }
  }

  protected keyEdited(): void {
    this.keyTouched = true;
  }

  protected addOption(): void {
    this.options.push(this.optionGroup({ key: null, label: '' }));
  }

  protected removeOption(index: number): void {
    this.options.removeAt(index);
  }

  protected save(): void {
    const choice = this.choice();
    if (this.form.invalid || (choice && this.options.invalid) || this.saving()) {
      this.form.markAllAsTouched();
      this.options.markAllAsTouched();
      return;
    }
    const { label, key, type } = this.form.getRawValue();
    const options = choice ? this.optionsToSend() : [];
    this.saving.set(true);
    this.errorMessage.set(null);
    const request: Observable<LeadFieldDefinitionDto> = this.existing
      ? this.api.update(this.existing.id, { label: label.trim(), options, ...(this.existing.inUse ? {} : { type }) })
      : this.api.create({ key, label: label.trim(), type, options });
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  /** Existing options keep their key; new ones get one made from their label, distinct from the others. */
  private optionsToSend(): LeadFieldOptionDto[] {
    const groups = this.options.getRawValue();
    const taken = new Set(groups.flatMap((o) => (o.key ? [o.key] : [])));
    return groups.map((o, i) => {
      if (o.key) {
        return { key: o.key, label: o.label.trim() };
      }
      const key = uniqueKey(keyFromLabel(o.label, 60, false) || `option_${i + 1}`, taken, 60);
      taken.add(key);
      return { key, label: o.label.trim() };
    });
  }

  private optionGroup(option: { key: string | null; label: string }): OptionGroup {
    return new FormGroup({
      key: new FormControl<string | null>(option.key),
      label: new FormControl(option.label, { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    });
  }
}
