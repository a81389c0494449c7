import { BudgetType, CreateLeadCampaignRequest, LeadAdCallToAction, LeadCampaignTargeting, LeadOptimizationGoal } from '@legeai/contracts';

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

/** A draft's request as the guardrail check takes it, and the fields filled with stand-ins to get there. */
export interface CheckRequest {
  request: CreateLeadCampaignRequest;
  /** Dotted paths whose values are stand-ins: what the check says about them is about the stand-in, not the draft. */
  standIns: string[];
}

/** A Meta id no Page or form has: numeric as the API wants it, found by nothing. */
const NO_ID = '0';
const PLACEHOLDER_TEXT = 'Draft';
/** An image hash of the right shape, so the check looks at the rest; the flow uploads the real image on submit. */
const PLACEHOLDER_IMAGE_HASH = '00000000';

/**
 * The request for `campaigns/validate` while the draft is still being filled in. The check takes the same strict
 * request as the creation, so the parts not filled in yet (a later step's lead form, a headline) get stand-ins that
 * pass its validation, and the caller drops the findings on them; the form's own required markers speak for them.
 * The image never goes along: it is large, and no guardrail looks at it. `null` until the draft can be checked at all
 * (an ad account and a country).
 */
export function checkRequest(request: CreateLeadCampaignRequest): CheckRequest | null {
  if (!request.adAccountId || request.adSet.targeting.countries.length === 0) {
    return null;
  }
  const standIns: string[] = [];
  const standIn = <T>(field: string, value: T, missing: boolean, placeholder: T): T => {
    if (!missing) {
      return value;
    }
    standIns.push(field);
    return placeholder;
  };
  const { imageBase64: _image, imageHash, ...ad } = request.ad;
  return {
    request: {
      ...request,
      campaign: { name: standIn('campaign.name', request.campaign.name, !request.campaign.name, PLACEHOLDER_TEXT) },
      adSet: {
        ...request.adSet,
        pageId: standIn('adSet.pageId', request.adSet.pageId, !request.adSet.pageId, NO_ID),
        budget: {
          ...request.adSet.budget,
          amountMinor: standIn('adSet.budget', request.adSet.budget.amountMinor, request.adSet.budget.amountMinor < 1, 1),
        },
      },
      ad: {
        ...ad,
        leadFormId: standIn('ad.leadFormId', ad.leadFormId, !ad.leadFormId, NO_ID),
        primaryText: standIn('ad.primaryText', ad.primaryText, !ad.primaryText, PLACEHOLDER_TEXT),
        headline: standIn('ad.headline', ad.headline, !ad.headline, PLACEHOLDER_TEXT),
        imageHash: standIn('ad.imageHash', imageHash ?? '', !imageHash, PLACEHOLDER_IMAGE_HASH),
      },
    },
    standIns: imageHash ? standIns : [...standIns, 'ad.imageBase64'],
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
    // readAsDataURL always yields a string.
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read'));
    reader.readAsDataURL(file);
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
