import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CHOICE_LEAD_FIELD_TYPES, LEAD_STATUSES, LeadFieldDefinitionDto, LeadStatus } from '@legeai/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { LabelPipe } from '../../../shared/labels/label.pipe';
import { DuplicateFilter, LeadFilters, NO_FILTERS, narrowsList, startOfDay, toDay } from '../data/lead-filters';

/** An option of the form or campaign filter. */
export interface FilterOption {
  id: string;
  name: string;
}

/** Typing pauses this long before the search runs, so each keystroke does not hit the API. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Search and filters above the leads table. It only reports what people chose; the page owns the URL. */
@Component({
  selector: 'lg-lead-filters-bar',
  imports: [
    LabelPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  templateUrl: './lead-filters-bar.html',
  styleUrl: './lead-filters-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadFiltersBar {
  readonly filters = input.required<LeadFilters>();
  readonly forms = input<FilterOption[]>([]);
  readonly campaigns = input<FilterOption[]>([]);
  /** The organisation's custom lead fields; the choice ones (not archived) get a filter each. */
  readonly customFields = input<LeadFieldDefinitionDto[]>([]);
  readonly filtersChange = output<LeadFilters>();

  protected readonly choiceFields = computed(() =>
    this.customFields().filter((f) => !f.archived && CHOICE_LEAD_FIELD_TYPES.includes(f.type)),
  );

  protected readonly statuses = LEAD_STATUSES;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({
    status: new FormControl<LeadStatus | null>(null),
    formId: new FormControl<string | null>(null),
    campaignId: new FormControl<string | null>(null),
    duplicate: new FormControl<DuplicateFilter>('all', { nonNullable: true }),
    needsReview: new FormControl(false, { nonNullable: true }),
    includeTest: new FormControl(false, { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });

  protected readonly narrowed = computed(() => narrowsList(this.filters()));

  constructor() {
    // The URL is the truth: a back button, a shared link or "Clear" puts the controls where the filters are,
    // without reporting that as a new choice.
    effect(() => {
      const f = this.filters();
      if (this.search.value.trim() !== f.q) {
        this.search.setValue(f.q, { emitEvent: false });
      }
      this.form.setValue(
        {
          status: f.status,
          formId: f.formId,
          campaignId: f.campaignId,
          duplicate: f.duplicate,
          needsReview: f.needsReview,
          includeTest: f.includeTest,
          from: f.from ? startOfDay(f.from) : null,
          to: f.to ? startOfDay(f.to) : null,
        },
        { emitEvent: false },
      );
    });

    const destroyRef = inject(DestroyRef);
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.filters().q) {
          this.filtersChange.emit({ ...this.filters(), q });
        }
      });
    this.form.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.emitForm());
  }

  /** A custom field filter chosen (an option key) or cleared (null). */
  protected setField(key: string, value: string | null): void {
    const { [key]: _previous, ...others } = this.filters().fields ?? {};
    const fields = value ? { ...others, [key]: value } : others;
    const { fields: _old, ...rest } = this.filters();
    this.filtersChange.emit(Object.keys(fields).length > 0 ? { ...rest, fields } : rest);
  }

  protected clear(): void {
    this.filtersChange.emit({ ...NO_FILTERS, includeTest: this.filters().includeTest });
  }

  private emitForm(): void {
    const v = this.form.getRawValue();
    // The date range input reports an invalid date while a day is being typed; that is not a choice yet.
    if ((v.from && Number.isNaN(v.from.getTime())) || (v.to && Number.isNaN(v.to.getTime()))) {
      return;
    }
    this.filtersChange.emit({
      ...(this.filters().fields ? { fields: this.filters().fields } : {}),
      q: this.filters().q,
      status: v.status,
      formId: v.formId,
      campaignId: v.campaignId,
      duplicate: v.duplicate,
      needsReview: v.needsReview,
      includeTest: v.includeTest,
      from: v.from ? toDay(v.from) : null,
      to: v.to ? toDay(v.to) : null,
    });
  }
}
