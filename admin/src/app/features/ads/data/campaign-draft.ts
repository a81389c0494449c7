import {
  BudgetType,
  CreateLeadCampaignRequest,
  LeadAdCallToAction,
  LeadCampaignTargeting,
  LeadOptimizationGoal,
} from '@legeai/contracts';

import { Locale, parseMoneyInput } from './money';

export interface RegionDraft {
  /** Meta's targeting key of the region, e.g. "3847". */
  key: string;
  name: string;
}

export interface CityDraft {
  key: string;
  name: string;
  /** As typed; empty means Meta's default radius. */
  radius: number | null;
  distanceUnit: 'mile' | 'kilometer';
}

/** The creation flow's form as people fill it in: text as typed, money in major units of the locale. */
export interface CampaignDraft {
  adAccountId: string | null;
  /** The chosen account's currency, which the budget is typed in. */
  currency: string;
  campaignName: string;
  /** Optional; derived from the campaign name when empty. */
  adSetName: string;
  pageId: string | null;
  optimizationGoal: LeadOptimizationGoal;
  budgetType: BudgetType;
  /** Major units as typed, in the reader's locale ("25", "1.250,50"). */
  budgetAmount: string;
  /** `YYYY-MM-DDTHH:mm` in the reader's time zone (a `datetime-local` input), or empty. */
  startTime: string;
  endTime: string;
  countries: string[];
  regions: RegionDraft[];
  cities: CityDraft[];
  zips: string[];
  /** Whether an age range other than Meta's 18–65+ is asked for; the guardrails flag it under financial products. */
  narrowAge: boolean;
  ageMin: number | null;
  ageMax: number | null;
  /** Meta's codes: 1 men, 2 women; empty is everyone. */
  genders: number[];
  adName: string;
  leadFormId: string | null;
  /** The chosen image as base64 (no `data:` prefix), and its file name for the review. */
  imageBase64: string | null;
  imageName: string | null;
  primaryText: string;
  headline: string;
  description: string;
  callToAction: LeadAdCallToAction;
  /** Off unless the user explicitly starts the campaign active: everything is created paused by default. */
  startActive: boolean;
}

export function emptyDraft(): CampaignDraft {
  return {
    adAccountId: null,
    currency: 'USD',
    campaignName: '',
    adSetName: '',
    pageId: null,
    optimizationGoal: 'LEAD_GENERATION',
    budgetType: 'daily',
    budgetAmount: '',
    startTime: '',
    endTime: '',
    countries: ['US'],
    regions: [],
    cities: [],
    zips: [],
    narrowAge: false,
    ageMin: null,
    ageMax: null,
    genders: [],
    adName: '',
    leadFormId: null,
    imageBase64: null,
    imageName: null,
    primaryText: '',
    headline: '',
    description: '',
    callToAction: 'GET_QUOTE',
    startActive: false,
  };
}

/**
 * The request `POST integrations/meta/campaigns` (and `campaigns/validate`) takes for a draft. Optional parts that are
 * empty are left out rather than sent empty, so the server applies its defaults; a budget that is no amount yet goes
 * as 0, which the server's checks refuse with a finding on the budget field. Times go as instants (ISO-8601, UTC) of
 * the reader's local times.
 */
export function draftToRequest(draft: CampaignDraft, locale?: Locale): CreateLeadCampaignRequest {
  const campaignName = draft.campaignName.trim();
  const amountMinor = parseMoneyInput(draft.budgetAmount, draft.currency, locale) ?? 0;
  return {
    adAccountId: draft.adAccountId ?? '',
    status: draft.startActive ? 'ACTIVE' : 'PAUSED',
    campaign: { name: campaignName },
    adSet: {
      name: draft.adSetName.trim() || derivedName(campaignName, 'Ad set'),
      pageId: draft.pageId ?? '',
      optimizationGoal: draft.optimizationGoal,
      budget: { type: draft.budgetType, amountMinor },
      ...optional('startTime', localTimeToInstant(draft.startTime)),
      ...optional('endTime', localTimeToInstant(draft.endTime)),
      targeting: draftTargeting(draft),
    },
    ad: {
      name: draft.adName.trim() || derivedName(campaignName, 'Ad'),
      leadFormId: draft.leadFormId ?? '',
      ...optional('imageBase64', draft.imageBase64 ?? undefined),
      primaryText: draft.primaryText.trim(),
      headline: draft.headline.trim(),
      ...optional('description', draft.description.trim() || undefined),
      callToAction: draft.callToAction,
    },
  };
}

function draftTargeting(draft: CampaignDraft): LeadCampaignTargeting {
  const regions = draft.regions
    .filter((r) => r.key.trim() !== '')
    .map((r) => ({ key: r.key.trim(), ...optional('name', r.name.trim() || undefined) }));
  const cities = draft.cities
    .filter((c) => c.key.trim() !== '')
    .map((c) => ({
      key: c.key.trim(),
      ...optional('name', c.name.trim() || undefined),
      ...(c.radius !== null ? { radius: c.radius, distanceUnit: c.distanceUnit } : {}),
    }));
  const zips = draft.zips.map((z) => z.trim()).filter(Boolean);
  return {
    countries: [...draft.countries],
    ...(regions.length ? { regions } : {}),
    ...(cities.length ? { cities } : {}),
    ...(zips.length ? { zips } : {}),
    ...(draft.narrowAge && draft.ageMin !== null ? { ageMin: draft.ageMin } : {}),
    ...(draft.narrowAge && draft.ageMax !== null ? { ageMax: draft.ageMax } : {}),
    ...(draft.genders.length ? { genders: [...draft.genders] } : {}),
  };
}

/** "Home insurance NJ" → "Home insurance NJ · Ad set"; without a campaign name, just "Ad set". */
export function derivedName(campaignName: string, what: string): string {
  return campaignName ? `${campaignName} · ${what}` : what;
}

/** `2026-12-24T09:30` in the reader's time zone → `2026-12-24T08:30:00.000Z` (in Berlin); empty or invalid → undefined. */
export function localTimeToInstant(local: string): string | undefined {
  if (!local) {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An instant from the API as a `datetime-local` value in the reader's time zone. */
export function instantToLocalTime(instant: string | null): string {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The chosen image file as base64 without the `data:…;base64,` prefix, as the API takes it. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
