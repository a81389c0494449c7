import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AuditLogFiltersDto } from '@legeai/contracts';
import { debounceTime, map } from 'rxjs';

import { label } from '../../../shared/labels/labels';
import { AuditLogFilters, AuditTab, NO_FILTERS, actorKey, narrows, startOfDay, toDay } from '../data/audit-log-view';

/** Typing pauses this long before an id filter applies, so each keystroke does not hit the API. */
export const ID_DEBOUNCE_MS = 400;

interface Option {
  value: string;
  name: string;
  hint?: string | null;
}

/** The audit log's filters: who, what, about what, when and which request. It reports choices; the page owns the URL. */
@Component({
  selector: 'lg-audit-log-filters-bar',
  imports: [MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  providers: [provideNativeDateAdapter()],
  templateUrl: './audit-log-filters-bar.html',
  styleUrl: './audit-log-filters-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogFiltersBar {
  readonly filters = input.required<AuditLogFilters>();
  readonly tab = input.required<AuditTab>();
  /** What occurs in the log; `null` while unknown (the pickers then offer only "anyone" and the current choice). */
  readonly options = input<AuditLogFiltersDto | null>(null);
  readonly filtersChange = output<AuditLogFilters>();

  protected readonly form = new FormGroup({
    actor: new FormControl<string | null>(null),
    action: new FormControl<string | null>(null),
    targetType: new FormControl<string | null>(null),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly targetId = new FormControl('', { nonNullable: true });
  protected readonly correlationId = new FormControl('', { nonNullable: true });

  protected readonly actors = computed<Option[]>(() => {
    const known = (this.options()?.actors ?? []).map((a) => ({
      value: actorKey(a.type, a.id),
      name: a.type === 'api_key' ? `${a.name} (API key)` : a.name,
      hint: a.detail,
    }));
    return withCurrent(known, this.filters().actor, 'Someone else');
  });

  /** The actions of the tab's category (all of them on "All"), by their words. */
  protected readonly actions = computed<Option[]>(() => {
    const tab = this.tab();
    const known = (this.options()?.actions ?? [])
      .filter((a) => tab === 'all' || a.category === tab)
      .map((a) => ({ value: a.action, name: label('auditAction', a.action) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const current = this.filters().action;
    return withCurrent(known, current, current ? label('auditAction', current) : '');
  });

  protected readonly targetTypes = computed<Option[]>(() => {
    const known = (this.options()?.targetTypes ?? [])
      .map((type) => ({ value: type, name: label('auditKind', type) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const current = this.filters().targetType;
    return withCurrent(known, current, current ? label('auditKind', current) : '');
  });

  protected readonly narrowed = computed(() => narrows(this.filters()));

  constructor() {
    // The URL is the truth: back, a shared link or "Clear" put the controls where the filters are, silently.
    effect(() => {
      const f = this.filters();
      this.form.setValue(
        {
          actor: f.actor,
          action: f.action,
          targetType: f.targetType,
          from: f.from ? startOfDay(f.from) : null,
          to: f.to ? startOfDay(f.to) : null,
        },
        { emitEvent: false },
      );
      if (this.targetId.value.trim() !== (f.targetId ?? '')) {
        this.targetId.setValue(f.targetId ?? '', { emitEvent: false });
      }
      if (this.correlationId.value.trim() !== (f.correlationId ?? '')) {
        this.correlationId.setValue(f.correlationId ?? '', { emitEvent: false });
      }
    });

    const destroyRef = inject(DestroyRef);
    this.form.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.emit());
    for (const [control, field] of [
      [this.targetId, 'targetId'],
      [this.correlationId, 'correlationId'],
    ] as const) {
      control.valueChanges
        .pipe(
          debounceTime(ID_DEBOUNCE_MS),
          map((value) => value.trim() || null),
          takeUntilDestroyed(destroyRef),
        )
        .subscribe((value) => {
          if (value !== this.filters()[field]) {
            this.filtersChange.emit({ ...this.filters(), [field]: value });
          }
        });
    }
  }

  protected clear(): void {
    this.filtersChange.emit(NO_FILTERS);
  }

  private emit(): void {
    const v = this.form.getRawValue();
    // The date range input reports an invalid date while a day is being typed; that is not a choice yet.
    if ((v.from && Number.isNaN(v.from.getTime())) || (v.to && Number.isNaN(v.to.getTime()))) {
      return;
    }
    const next: AuditLogFilters = {
      ...this.filters(),
      actor: v.actor,
      action: v.action,
      targetType: v.targetType,
      from: v.from ? toDay(v.from) : null,
      to: v.to ? toDay(v.to) : null,
    };
    if (JSON.stringify(next) !== JSON.stringify(this.filters())) {
      this.filtersChange.emit(next);
    }
  }
}

/** The options, plus the chosen value when they do not hold it (a shared link, options not loaded yet). */
function withCurrent(options: Option[], current: string | null, name: string): Option[] {
  return current && !options.some((o) => o.value === current) ? [{ value: current, name }, ...options] : options;
}
