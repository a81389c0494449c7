import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatStepperModule } from '@angular/material/stepper';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ADS_ERROR_CODES,
  CampaignCreationCleanup,
  ErrorEnvelope,
  GuardrailFinding,
  LEAD_AD_CALLS_TO_ACTION,
  ValidateLeadCampaignResult,
} from '@legeai/contracts';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, startWith, switchMap, tap } from 'rxjs';

import { httpErrorMessage, isErrorEnvelope } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { loadable } from '../../../shared/data/loadable';
import { LabelPipe } from '../../../shared/labels/label.pipe';
import { label } from '../../../shared/labels/labels';
import { ErrorState } from '../../../shared/ui/error-state/error-state';
import { AudienceFields } from '../audience-fields/audience-fields';
import { AdsApi } from '../data/ads-api';
import { CheckRequest, checkRequest, draftToRequest, readFileAsBase64 } from '../data/campaign-draft';
import { countryName } from '../data/countries';
import {
  DRAFT_FIELDS,
  DRAFT_STEPS,
  DraftStep,
  envelopeFindings,
  findingsByStep,
  findingsFor,
  hasErrors,
  stepOfField,
  unplacedFindings,
} from '../data/guardrail-findings';
import { IdempotencyKeys } from '../data/idempotency';
import { currencySymbol, formatMoney, formatMoneyInput } from '../data/money';
import { Findings } from '../findings/findings';
import { buildDraftForm, formToDraft } from './draft-form';
import { provideAdsFieldDefaults } from '../field-defaults';

/** Typing pauses this long before the draft is checked against the guardrails. */
export const VALIDATE_DEBOUNCE_MS = 500;
/**
 * Largest image the flow uploads. The API's JSON body limit is 1 MB by default (BODY_LIMIT) and base64 makes an image
 * a third larger, so 700 kB of image leaves room for the rest of the request.
 */
export const MAX_IMAGE_BYTES = 700_000;
const IMAGE_TYPES = ['image/jpeg', 'image/png'];

/** What a refused submit left to show on the review step. */
interface SubmitError {
  message: string;
  /** Meta's own words (error_user_title / error_user_msg), when the envelope carries them apart from the message. */
  metaTitle: string | null;
  metaMessage: string | null;
  /** What a creation that failed half-way made, and whether each part was deleted again (META_CAMPAIGN_PARTIAL). */
  cleanup: CampaignCreationCleanup | null;
}

/**
 * Creates a lead campaign, its ad set and its ad in four steps. The draft is checked against the insurance guardrails
 * while it is filled in (debounced), and each finding stands next to its field; the financial-products category is
 * set by the product and explained in a banner. Everything is created paused unless the user switches on "start
 * active" on the review step.
 */
@Component({
  selector: 'lg-create-campaign-page',
  imports: [
    AudienceFields,
    ErrorState,
    Findings,
    LabelPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatStepperModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideAdsFieldDefaults()],
  templateUrl: './create-campaign-page.html',
  styleUrl: './create-campaign-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateCampaignPage {
  private readonly api = inject(AdsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly keys = new IdempotencyKeys();

  protected readonly callsToAction = LEAD_AD_CALLS_TO_ACTION;
  protected readonly fields = DRAFT_FIELDS;
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(Breakpoints.XSmall)
      .pipe(map((result) => result.matches)),
    { initialValue: false },
  );

  protected readonly accounts = loadable(() => this.api.adAccounts());
  protected readonly pages = loadable(() => this.api.pages());
  protected readonly leadForms = loadable(() => this.api.leadForms());
  protected readonly guardrails = loadable(() => this.api.guardrails());

  protected readonly form = buildDraftForm(inject(NonNullableFormBuilder), () => this.currency());
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly account = computed(
    () => this.accounts.value()?.find((a) => a.adAccountId === this.value().campaign.adAccountId) ?? null,
  );
  protected readonly currency = computed(() => this.account()?.currency ?? 'USD');
  protected readonly symbol = computed(() => currencySymbol(this.currency()));
  protected readonly moneyExample = computed(() => formatMoneyInput(2500, this.currency()));
  protected readonly activePages = computed(() => (this.pages.value() ?? []).filter((p) => p.isActive));
  /** The chosen Page's lead forms that can take leads. */
  protected readonly pageForms = computed(() =>
    (this.leadForms.value() ?? []).filter((f) => f.pageId === this.value().adSet.pageId && f.status === 'ACTIVE'),
  );

  /** The last answer of the guardrail check, for the draft as it was then. */
  protected readonly validation = signal<ValidateLeadCampaignResult | null>(null);
  /** The fields that check got stand-ins for. */
  private readonly checkedStandIns = signal<string[]>([]);
  protected readonly checking = signal(false);
  /** Field problems of a refused check or submit (an incomplete draft), shown only on steps already reached. */
  private readonly refusedFields = signal<GuardrailFinding[]>([]);
  /** The furthest step the user has opened. */
  protected readonly reached = signal(0);

  protected readonly findings = computed(() => {
    const reached = this.reached();
    const refused = this.refusedFields().filter((f) => DRAFT_STEPS.indexOf(stepOfField(f.field)) <= reached);
    // What the check said about its stand-ins (a lead form not chosen yet) is not about the draft.
    const standIns = this.checkedStandIns();
    const checked = (this.validation()?.findings ?? []).filter((f) => findingsFor([f], ...standIns).length === 0);
    return [...checked, ...refused];
  });
  protected readonly byStep = computed(() => findingsByStep(this.findings()));
  protected readonly blocking = computed(() => hasErrors(this.findings()));

  /** Countries of the draft where the financial-products category applies. */
  protected readonly financialCountries = computed(() => {
    const apply = new Set(this.guardrails.value()?.financialCategoryCountries ?? []);
    const fromCheck = this.validation()?.specialAdCategoryCountry ?? [];
    const targeted = this.value().adSet.countries.filter((c) => apply.has(c));
    return targeted.length > 0 || fromCheck.length === 0 ? targeted : fromCheck;
  });
  protected readonly financial = computed(() => this.financialCountries().length > 0);
  protected readonly financialCountryNames = computed(() =>
    this.financialCountries()
      .map((c) => countryName(c))
      .join(', '),
  );
  /** The special ad categories the product will set, as the last check said (or the rule, before it answered). */
  protected readonly specialCategories = computed(() => {
    const fromCheck = this.validation()?.specialAdCategories;
    if (fromCheck && fromCheck.length > 0) {
      return fromCheck;
    }
    return this.financial() ? ['FINANCIAL_PRODUCTS_SERVICES'] : [];
  });

  protected readonly imagePreview = signal<string | null>(null);
  protected readonly imageError = signal<string | null>(null);

  protected readonly submitting = signal(false);
  protected readonly submitError = signal<SubmitError | null>(null);

  /** The request as it will be sent, for the review step. */
  protected readonly request = computed(() => {
    this.value();
    return draftToRequest(formToDraft(this.form, this.currency()));
  });
  protected readonly budgetText = computed(() => {
    const budget = this.request().adSet.budget;
    const amount = formatMoney(budget.amountMinor, this.currency());
    return budget.type === 'daily' ? `${amount} per day` : `${amount} in total`;
  });

  constructor() {
    const preselected = inject(ActivatedRoute).snapshot.queryParamMap.get('account');
    this.accounts.load((accounts) => {
      const chosen = accounts.find((a) => a.adAccountId === preselected) ?? (accounts.length === 1 ? accounts[0] : null);
      if (chosen && !this.form.controls.campaign.controls.adAccountId.value) {
        this.form.controls.campaign.controls.adAccountId.setValue(chosen.adAccountId);
      }
    });
    this.pages.load((pages) => {
      const active = pages.filter((p) => p.isActive);
      if (active.length === 1 && !this.form.controls.adSet.controls.pageId.value) {
        this.form.controls.adSet.controls.pageId.setValue(active[0].pageId);
      }
    });
    this.leadForms.load();
    this.guardrails.load();

    // A lead form belongs to one Page: choosing another Page clears a form of the old one.
    this.form.controls.adSet.controls.pageId.valueChanges.pipe(takeUntilDestroyed()).subscribe((pageId) => {
      const formId = this.form.controls.ad.controls.leadFormId.value;
      const form = this.leadForms.value()?.find((f) => f.formId === formId);
      if (form && form.pageId !== pageId) {
        this.form.controls.ad.controls.leadFormId.setValue(null);
      }
    });
    // The budget is typed in the account's currency: its check follows the account.
    this.form.controls.campaign.controls.adAccountId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.adSet.controls.budgetAmount.updateValueAndValidity());

    this.checkWhileFilling();
  }

  protected stepChanged(index: number): void {
    this.reached.update((reached) => Math.max(reached, index));
  }

  protected stepHasErrors(step: DraftStep): boolean {
    return hasErrors(this.byStep()[step]);
  }

  /** The findings of a step that stand next to no field of it: its banner shows them. */
  protected stepBanner(step: DraftStep): GuardrailFinding[] {
    return unplacedFindings(this.byStep()[step]);
  }

  protected fieldFindings(...paths: string[]): GuardrailFinding[] {
    return findingsFor(this.findings(), ...paths);
  }

  protected async chooseImage(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    if (!IMAGE_TYPES.includes(file.type)) {
      this.imageError.set('Choose a JPEG or PNG image.');
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      this.imageError.set(`This image is ${Math.round(file.size / 1000)} kB; choose one under ${MAX_IMAGE_BYTES / 1000} kB.`);
      return;
    }
    this.imageError.set(null);
    const base64 = await readFileAsBase64(file);
    this.form.controls.ad.patchValue({ imageBase64: base64, imageName: file.name });
    this.form.controls.ad.controls.imageBase64.markAsTouched();
    this.imagePreview.set(`data:${file.type};base64,${base64}`);
  }

  protected removeImage(): void {
    this.form.controls.ad.patchValue({ imageBase64: null, imageName: null });
    this.imagePreview.set(null);
  }

  protected pageName(pageId: string | null): string {
    return this.pages.value()?.find((p) => p.pageId === pageId)?.name ?? '—';
  }

  protected formName(formId: string | null): string {
    return this.leadForms.value()?.find((f) => f.formId === formId)?.name ?? '—';
  }

  protected countryNames(codes: string[]): string {
    return codes.map((c) => countryName(c)).join(', ') || '—';
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.blocking() || this.submitting()) {
      return;
    }
    const request = this.request();
    // The same draft submitted again (after a failure) is the same action: its key comes back with it.
    const key = this.keys.keyFor('create', request);
    this.submitting.set(true);
    this.submitError.set(null);
    this.api.create(request, key).subscribe({
      next: (result) => {
        this.keys.settle('create');
        this.submitting.set(false);
        const status = label('adStatus', result.campaign.status).toLowerCase();
        this.notifier.info(`${result.campaign.name} created, ${status}.`);
        void this.router.navigate(['/ads'], { queryParams: { account: request.adAccountId } });
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.showSubmitError(error);
      },
    });
  }

  private showSubmitError(error: unknown): void {
    const envelope: ErrorEnvelope | null = error instanceof HttpErrorResponse && isErrorEnvelope(error.error) ? error.error : null;
    const details = envelope?.error.details ?? {};
    const code = envelope?.error.code;
    // A guardrail refusal carries its findings; validation problems carry fields. Both stand next to their fields.
    const guardrailFindings = Array.isArray(details['findings']) ? (details['findings'] as GuardrailFinding[]) : [];
    if (guardrailFindings.length > 0) {
      this.checkedStandIns.set([]);
      this.validation.update((v) => ({
        specialAdCategories: v?.specialAdCategories ?? [],
        specialAdCategoryCountry: v?.specialAdCategoryCountry ?? [],
        findings: guardrailFindings,
      }));
    }
    this.refusedFields.set(envelopeFindings(envelope));
    const metaTitle = typeof details['userTitle'] === 'string' ? details['userTitle'] : null;
    const metaMessage = typeof details['userMessage'] === 'string' ? details['userMessage'] : null;
    this.submitError.set({
      message: httpErrorMessage(error),
      metaTitle: metaTitle && !httpErrorMessage(error).includes(metaTitle) ? metaTitle : null,
      metaMessage: metaMessage && !httpErrorMessage(error).includes(metaMessage) ? metaMessage : null,
      cleanup:
        code === ADS_ERROR_CODES.campaignPartial && Array.isArray(details['objects'])
          ? (details as unknown as CampaignCreationCleanup)
          : null,
    });
  }

  /**
   * Checks the draft against the guardrails as it changes: debounced, once an account and a country are chosen, never
   * twice for the same draft, and a newer draft cancels the check of an older one. Parts not filled in yet go as
   * stand-ins (see `checkRequest`). A failed check keeps the last findings; submit checks again anyway.
   */
  private checkWhileFilling(): void {
    this.form.valueChanges
      .pipe(
        startWith(null),
        debounceTime(VALIDATE_DEBOUNCE_MS),
        map(() => checkRequest(draftToRequest(formToDraft(this.form, this.currency())))),
        filter((check): check is CheckRequest => check !== null),
        distinctUntilChanged((a, b) => JSON.stringify(a.request) === JSON.stringify(b.request)),
        tap(() => this.checking.set(true)),
        switchMap((check) =>
          this.api.validate(check.request).pipe(
            map((result) => ({ check, result, error: null })),
            catchError((error: unknown) => of({ check, result: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ check, result, error }) => {
        this.checking.set(false);
        if (result) {
          this.validation.set(result);
          this.checkedStandIns.set(check.standIns);
          this.refusedFields.set([]);
        } else if (error instanceof HttpErrorResponse && isErrorEnvelope(error.error)) {
          this.refusedFields.set(envelopeFindings(error.error));
        }
      });
  }
}
