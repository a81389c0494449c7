import { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { BudgetType, LeadAdCallToAction, LeadOptimizationGoal } from '@legeai/contracts';

import { CampaignDraft, CityDraft, RegionDraft, emptyDraft } from '../data/campaign-draft';
import { parseMoneyInput } from '../data/money';

export type RegionForm = FormGroup<{ key: FormControl<string>; name: FormControl<string> }>;
export type CityForm = FormGroup<{
  key: FormControl<string>;
  name: FormControl<string>;
  radius: FormControl<number | null>;
  distanceUnit: FormControl<CityDraft['distanceUnit']>;
}>;

/** Meta's widest age range: 18 to 65 and older. */
export const AGE_MIN = 18;
export const AGE_MAX = 65;

/** The creation flow's form, one group per step so each step can hold the stepper until it is filled in. */
export function buildDraftForm(fb: NonNullableFormBuilder, currency: () => string) {
  const draft = emptyDraft();
  return fb.group({
    campaign: fb.group({
      adAccountId: fb.control<string | null>(null, Validators.required),
      campaignName: fb.control('', [Validators.required, Validators.maxLength(200)]),
    }),
    adSet: fb.group({
      adSetName: fb.control('', Validators.maxLength(200)),
      pageId: fb.control<string | null>(null, Validators.required),
      optimizationGoal: fb.control<LeadOptimizationGoal>(draft.optimizationGoal),
      budgetType: fb.control<BudgetType>(draft.budgetType),
      budgetAmount: fb.control('', [Validators.required, moneyIn(currency)]),
      startTime: fb.control(''),
      endTime: fb.control(''),
      countries: fb.control<string[]>(draft.countries, Validators.required),
      regions: fb.array<RegionForm>([]),
      cities: fb.array<CityForm>([]),
      /** Comma-separated as typed. */
      zips: fb.control(''),
      narrowAge: fb.control(false),
      ageMin: fb.control<number | null>(AGE_MIN),
      ageMax: fb.control<number | null>(AGE_MAX),
      genders: fb.control<number[]>([]),
    }),
    ad: fb.group({
      adName: fb.control('', Validators.maxLength(200)),
      leadFormId: fb.control<string | null>(null, Validators.required),
      imageBase64: fb.control<string | null>(null, Validators.required),
      imageName: fb.control<string | null>(null),
      primaryText: fb.control('', [Validators.required, Validators.maxLength(2000)]),
      headline: fb.control('', [Validators.required, Validators.maxLength(255)]),
      description: fb.control('', Validators.maxLength(255)),
      callToAction: fb.control<LeadAdCallToAction>(draft.callToAction),
    }),
    startActive: fb.control(false),
  });
}

export type DraftForm = ReturnType<typeof buildDraftForm>;

export function regionForm(fb: NonNullableFormBuilder, region: RegionDraft = { key: '', name: '' }): RegionForm {
  return fb.group({ key: fb.control(region.key, Validators.required), name: fb.control(region.name) });
}

export function cityForm(fb: NonNullableFormBuilder, city: CityDraft = { key: '', name: '', radius: 25, distanceUnit: 'mile' }): CityForm {
  return fb.group({
    key: fb.control(city.key, Validators.required),
    name: fb.control(city.name),
    radius: fb.control<number | null>(city.radius, [Validators.min(1), Validators.max(500)]),
    distanceUnit: fb.control(city.distanceUnit),
  });
}

/** The form as the draft the request is made from. */
export function formToDraft(form: DraftForm, currency: string): CampaignDraft {
  const { campaign, adSet, ad, startActive } = form.getRawValue();
  return {
    adAccountId: campaign.adAccountId,
    currency,
    campaignName: campaign.campaignName,
    adSetName: adSet.adSetName,
    pageId: adSet.pageId,
    optimizationGoal: adSet.optimizationGoal,
    budgetType: adSet.budgetType,
    budgetAmount: adSet.budgetAmount,
    startTime: adSet.startTime,
    endTime: adSet.endTime,
    countries: adSet.countries,
    regions: adSet.regions,
    cities: adSet.cities,
    zips: adSet.zips.split(/[,;\s]+/).filter(Boolean),
    narrowAge: adSet.narrowAge,
    ageMin: adSet.ageMin,
    ageMax: adSet.ageMax,
    genders: adSet.genders,
    adName: ad.adName,
    leadFormId: ad.leadFormId,
    imageBase64: ad.imageBase64,
    imageName: ad.imageName,
    primaryText: ad.primaryText,
    headline: ad.headline,
    description: ad.description,
    callToAction: ad.callToAction,
    startActive,
  };
}

/** An amount above 0 of the account's currency, typed in the reader's locale. */
function moneyIn(currency: () => string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (!control.value) {
      return null;
    }
    const minor = parseMoneyInput(control.value, currency());
    return minor !== null && minor > 0 ? null : { money: true };
  };
}
