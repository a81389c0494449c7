import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  LEAD_FIELD_NAMES,
  LeadFieldName,
  LeadFormMapping,
  LeadFormMappingDto,
  MappingPreviewDto,
  MetaLeadFormDto,
  Role,
} from '@legeai/contracts';
import { Subject, catchError, filter, map, of, switchMap, tap, timer } from 'rxjs';

import { AuthStore } from '../../../core/auth/auth-store';
import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { LEAD_FIELD_LABELS, describeReviewReason } from '../../../shared/labels/lead-labels';
import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { ReadOnlyHint } from '../../../shared/ui/read-only-hint/read-only-hint';
import { Timestamp } from '../../../shared/ui/timestamp/timestamp';
import { LeadFormApi } from '../data/lead-form-api';
import { MetaIntegrationApi } from '../data/meta-integration-api';
import {
  MappingChoice,
  STANDARD_MAPPING,
  choiceOf,
  sameMapping,
  toMappingRequest,
  unmappedQuestions,
  withChoice,
  withDefault,
  withRequired,
} from './mapping-draft';
import { HoldsEdits } from './unsaved-changes-guard';

/** Edits wait this long before the preview is asked for, so typing a default does not call the API per keystroke. */
export const PREVIEW_DEBOUNCE_MS = 400;

type PreviewState = { kind: 'loading' } | { kind: 'ready'; preview: MappingPreviewDto } | { kind: 'error'; message: string };

/**
 * Integrations → Meta → a lead form's mapping: which question fills which lead field, per-form defaults and the
 * fields a lead must have, with a live preview on the form's most recent lead. Admins change it; others read it.
 */
@Component({
  selector: 'lg-lead-form-mapping-page',
  imports: [
    ErrorState,
    LabelPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    ReadOnlyHint,
    RouterLink,
    Timestamp,
  ],
  templateUrl: './lead-form-mapping-page.html',
  styleUrl: './lead-form-mapping-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class LeadFormMappingPage implements HoldsEdits, OnInit {
  private readonly api = inject(LeadFormApi);
  private readonly integrationApi = inject(MetaIntegrationApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** Our lead form id, from the route. */
  readonly id = input.required<string>();

  protected readonly canEdit = inject(AuthStore).hasRole(Role.Admin);
  protected readonly fieldNames = LEAD_FIELD_NAMES;
  protected readonly fieldLabels = LEAD_FIELD_LABELS;
  protected readonly describeReviewReason = describeReviewReason;

  protected readonly loaded = loadable(() => this.api.mapping(this.id()));
  /** The form's name and page for the heading; the editor works without them. */
  private readonly forms = loadable(() => this.integrationApi.leadForms());
  protected readonly form = computed<MetaLeadFormDto | null>(() => this.forms.value()?.find((f) => f.id === this.id()) ?? null);

  /** The mapping as edited; `null` until loaded. */
  protected readonly draft = signal<LeadFormMapping | null>(null);
  protected readonly questions = computed(() => this.loaded.value()?.questions ?? []);
  /** The organisation's own lead fields (not archived) a question can fill. */
  protected readonly customTargets = computed(() => this.loaded.value()?.customFields ?? []);
  protected readonly unmapped = computed(() => {
    const draft = this.draft();
    return new Set(draft ? unmappedQuestions(this.questions(), draft).map((q) => q.key) : []);
  });
  protected readonly dirty = computed(() => {
    const saved = this.loaded.value();
    const draft = this.draft();
    return !!saved && !!draft && !sameMapping(saved.mapping, draft, saved.questions);
  });

  protected readonly preview = signal<PreviewState>({ kind: 'loading' });
  /** Mapped fields of the preview that hold a value, in the usual field order. */
  protected readonly previewFields = computed(() => {
    const state = this.preview();
    if (state.kind !== 'ready') {
      return [];
    }
    const fields = state.preview.fields;
    const custom = new Map(this.customTargets().map((f) => [f.key, f]));
    return [
      ...LEAD_FIELD_NAMES.filter((f) => fields[f] !== null).map((f) => ({
        label: LEAD_FIELD_LABELS[f],
        value: f === 'phone' && fields.phoneE164 ? fields.phoneE164 : (fields[f] as string),
      })),
      ...Object.entries(state.preview.customFields ?? {}).map(([key, value]) => {
        const field = custom.get(key);
        const label = (k: string) => field?.options.find((o) => o.key === k)?.label ?? k;
        return { label: field?.label ?? key, value: Array.isArray(value) ? value.map(label).join(', ') : label(String(value)) };
      }),
    ];
  });

  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);

  private readonly previewRequests = new Subject<{ mapping: LeadFormMapping; debounce: boolean }>();

  constructor() {
    this.previewRequests
      .pipe(
        // An immediate request (the first one) goes out at once; edits wait for a pause.
        switchMap((request) => (request.debounce ? timer(PREVIEW_DEBOUNCE_MS).pipe(map(() => request)) : of(request))),
        tap(() => this.preview.set({ kind: 'loading' })),
        switchMap(({ mapping }) =>
          this.api.previewMapping(this.id(), toMappingRequest(mapping, this.questions())).pipe(
            map((preview): PreviewState => ({ kind: 'ready', preview })),
            catchError((error: unknown) => of<PreviewState>({ kind: 'error', message: httpErrorMessage(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.preview.set(state));
  }

  ngOnInit(): void {
    this.load();
    this.forms.load();
  }

  hasUnsavedChanges(): boolean {
    return this.dirty();
  }

  protected load(): void {
    this.loaded.load((dto) => this.startFrom(dto));
  }

  protected choiceOf(key: string): MappingChoice {
    const draft = this.draft();
    return draft ? choiceOf(draft, key) : null;
  }

  protected defaultOf(field: LeadFieldName): string {
    return this.draft()?.defaults[field] ?? '';
  }

  protected isRequired(field: LeadFieldName): boolean {
    return this.draft()?.required.includes(field) ?? false;
  }

  protected choose(key: string, choice: MappingChoice): void {
    this.edit((draft) => withChoice(draft, key, choice));
  }

  protected setDefault(field: LeadFieldName, value: string): void {
    this.edit((draft) => withDefault(draft, field, value));
  }

  protected setRequired(field: LeadFieldName, required: boolean): void {
    this.edit((draft) => withRequired(draft, field, required));
  }

  protected discard(): void {
    const saved = this.loaded.value();
    if (saved) {
      this.startFrom(saved);
    }
  }

  protected save(): void {
    const draft = this.draft();
    if (!draft) {
      return;
    }
    this.store(toMappingRequest(draft, this.questions()), 'Mapping saved. It applies to leads received from now on.');
  }

  /** Drops the form's own mapping after asking: its questions follow Meta's standard defaults again. */
  protected resetToDefaults(): void {
    if (!this.canEdit) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Reset to the standard mapping?',
      message:
        "The form's own choices, default values and required fields are removed; its questions map to lead fields " +
        "by Meta's standard field names again. Leads already stored keep their values.",
      confirmLabel: 'Reset',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.store(STANDARD_MAPPING, 'Mapping reset to the standard defaults.'));
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.dirty()) {
      event.preventDefault();
    }
  }

  private store(mapping: LeadFormMapping, done: string): void {
    this.saving.set(true);
    this.saveError.set(null);
    this.api.updateMapping(this.id(), mapping).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.loaded.set(saved);
        this.startFrom(saved);
        this.notifier.info(done);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(httpErrorMessage(error));
      },
    });
  }

  private startFrom(dto: LeadFormMappingDto): void {
    this.draft.set(dto.mapping);
    this.saveError.set(null);
    this.previewRequests.next({ mapping: dto.mapping, debounce: false });
  }

  private edit(change: (draft: LeadFormMapping) => LeadFormMapping): void {
    const draft = this.draft();
    if (!draft || !this.canEdit) {
      return;
    }
    const next = change(draft);
    this.draft.set(next);
    this.previewRequests.next({ mapping: next, debounce: true });
  }
}
