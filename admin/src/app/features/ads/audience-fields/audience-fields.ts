import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { AdsGuardrailsDto, GuardrailFinding } from '@legeai/contracts';

import { AGE_MAX, AGE_MIN, DraftForm, cityForm, regionForm } from '../create-campaign-page/draft-form';
import { countries } from '../data/countries';
import { DRAFT_FIELDS, findingsFor, findingsForRow, normaliseField } from '../data/guardrail-findings';
import { Findings } from '../findings/findings';

/** Gender choices as the select offers them; Meta's codes are 1 men, 2 women, none = everyone. */
const GENDER_CHOICES = [
  { value: 'all', genders: [] as number[], label: 'All genders' },
  { value: 'men', genders: [1], label: 'Men only' },
  { value: 'women', genders: [2], label: 'Women only' },
];

/** A new city's radius: comfortably above the smallest the financial-products category allows (15 mi). */
const NEW_CITY_RADIUS_MILES = 25;

/**
 * Who the ad set reaches: countries, regions and cities (with a radius) by Meta's targeting keys, and the optional
 * narrowing by ZIP code, age and gender. The optional parts are flagged where the financial-products category applies,
 * since Meta refuses them there; the guardrail check's findings stand next to each part.
 */
@Component({
  selector: 'lg-audience-fields',
  imports: [
    Findings,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
  ],
  templateUrl: './audience-fields.html',
  styleUrl: './audience-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AudienceFields {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly group = input.required<DraftForm['controls']['adSet']>();
  readonly findings = input<GuardrailFinding[]>([]);
  readonly guardrails = input<AdsGuardrailsDto | null>(null);
  /** Whether the targeted countries put the campaign under the financial-products category. */
  readonly financial = input(false);

  protected readonly countries = countries();
  protected readonly genderChoices = GENDER_CHOICES;
  protected readonly ageBounds = { min: AGE_MIN, max: AGE_MAX };

  protected readonly countryFindings = computed(() => findingsFor(this.findings(), DRAFT_FIELDS.countries));
  protected readonly regionFindings = computed(() => findingsFor(this.findings(), DRAFT_FIELDS.regions));
  protected readonly zipFindings = computed(() => findingsFor(this.findings(), DRAFT_FIELDS.zips));
  protected readonly ageFindings = computed(() => findingsFor(this.findings(), DRAFT_FIELDS.ageMin, DRAFT_FIELDS.ageMax));
  protected readonly genderFindings = computed(() => findingsFor(this.findings(), DRAFT_FIELDS.genders));
  /** Findings on the cities as a whole; those on one city stand under its row. */
  protected readonly cityListFindings = computed(() =>
    findingsFor(this.findings(), DRAFT_FIELDS.cities).filter((f) => !/^adSet\.targeting\.cities\.\d+/.test(normaliseField(f.field))),
  );
  protected readonly minRadius = computed(() => {
    const g = this.guardrails();
    return g ? `${g.minRadiusMiles} mi (${g.minRadiusKm} km)` : '15 mi (24 km)';
  });

  protected cityFindings(index: number): GuardrailFinding[] {
    return findingsForRow(this.findings(), DRAFT_FIELDS.cities, index);
  }

  protected genderChoice(): string {
    const genders = [...this.group().controls.genders.value].sort().join();
    return GENDER_CHOICES.find((c) => c.genders.join() === genders)?.value ?? 'all';
  }

  protected chooseGender(value: string): void {
    const choice = GENDER_CHOICES.find((c) => c.value === value) ?? GENDER_CHOICES[0];
    this.group().controls.genders.setValue(choice.genders);
  }

  protected addRegion(): void {
    this.group().controls.regions.push(regionForm(this.fb));
  }

  protected removeRegion(index: number): void {
    this.group().controls.regions.removeAt(index);
  }

  protected addCity(): void {
    this.group().controls.cities.push(cityForm(this.fb, { key: '', name: '', radius: NEW_CITY_RADIUS_MILES, distanceUnit: 'mile' }));
  }

  protected removeCity(index: number): void {
    this.group().controls.cities.removeAt(index);
  }
}
