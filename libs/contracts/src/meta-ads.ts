/**
 * MetaAds: the mirror of the connected ad accounts' campaigns, ad sets and ads, and the writes the console and API
 * consumers make to them. Money is always in the ad account's currency, in minor units as Meta sends budgets
 * (https://developers.facebook.com/docs/marketing-api/currencies): 1250 in USD is $12.50. The console shows major units.
 */

/** The status a user sets (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group). */
export type AdObjectStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';
/** The level of a Marketing API object. */
export type AdObjectLevel = 'campaign' | 'adset' | 'ad';
/** What a lead campaign's ad set optimises for. */
export type LeadOptimizationGoal = 'LEAD_GENERATION' | 'QUALITY_LEAD';
export type BudgetType = 'daily' | 'lifetime';
export const LEAD_AD_CALLS_TO_ACTION = ['SIGN_UP', 'LEARN_MORE', 'GET_QUOTE', 'APPLY_NOW', 'SUBSCRIBE', 'CONTACT_US'] as const;
export type LeadAdCallToAction = (typeof LEAD_AD_CALLS_TO_ACTION)[number];

/** A problem Meta reports on an object: review rejection (`ad_review_feedback`) or delivery issue (`issues_info`). */
export interface AdReviewProblem {
  level: AdObjectLevel;
  /** The Meta id of the object the problem is on. */
  objectId: string;
  kind: 'review_rejected' | 'delivery_issue';
  /** Meta's own summary or policy name, e.g. "Financial services". */
  title: string;
  /** Meta's explanation, as sent. */
  message: string;
}

export interface AdMoney {
  /** Minor units of `currency`, as Meta sends budgets. */
  amountMinor: number;
  currency: string;
}

/** Results from the insights pulls; `null` until the first pull has data for the object. */
export interface AdObjectResults {
  spend: AdMoney;
  leads: number;
  /** Spend / leads in minor units; null when there are no leads. */
  costPerLeadMinor: number | null;
  /** Inclusive date range the figures cover, in the ad account's time zone (YYYY-MM-DD). */
  since: string;
  until: string;
}

export interface MetaCampaignDto {
  /** Local id. */
  id: string;
  /** Meta's campaign id. */
  campaignId: string;
  /** Meta's ad account id, `act_…`. */
  adAccountId: string;
  adAccountName: string;
  name: string;
  status: AdObjectStatus;
  /** Meta's `effective_status` (ACTIVE, PAUSED, CAMPAIGN_PAUSED, IN_PROCESS, WITH_ISSUES, DISAPPROVED, …). */
  effectiveStatus: string;
  objective: string;
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
  currency: string;
  /** Campaign budget (Advantage+ campaign budget), minor units; null when budgets are on the ad sets. */
  dailyBudgetMinor: number | null;
  lifetimeBudgetMinor: number | null;
  bidStrategy: string | null;
  startTime: string | null;
  stopTime: string | null;
  adSetCount: number;
  adCount: number;
  problems: AdReviewProblem[];
  results: AdObjectResults | null;
  /** Meta's `updated_time`. */
  updatedAt: string | null;
  /** When LEGEAI last read it from Meta. */
  syncedAt: string;
}

/** A readable summary of an ad set's targeting, plus the parts the guardrails look at. */
export interface TargetingSummary {
  /** e.g. "United States · Texas, Ohio · 18–65+ · all genders". */
  text: string;
  countries: string[];
  regions: string[];
  cities: string[];
  zips: string[];
  ageMin: number | null;
  ageMax: number | null;
  /** Meta's codes: 1 men, 2 women; empty = all. */
  genders: number[];
}

export interface MetaAdSetDto {
  id: string;
  adSetId: string;
  campaignId: string;
  adAccountId: string;
  name: string;
  status: AdObjectStatus;
  effectiveStatus: string;
  optimizationGoal: string;
  billingEvent: string | null;
  destinationType: string | null;
  /** The Page whose instant forms the ad set uses (`promoted_object.page_id`). */
  pageId: string | null;
  currency: string;
  dailyBudgetMinor: number | null;
  lifetimeBudgetMinor: number | null;
  bidStrategy: string | null;
  startTime: string | null;
  endTime: string | null;
  targeting: TargetingSummary;
  problems: AdReviewProblem[];
  results: AdObjectResults | null;
  updatedAt: string | null;
  syncedAt: string;
}

export interface AdCreativeSummary {
  creativeId: string;
  name: string | null;
  /** Primary text. */
  body: string | null;
  headline: string | null;
  description: string | null;
  callToAction: string | null;
  imageUrl: string | null;
  imageHash: string | null;
}

export interface MetaAdDto {
  id: string;
  adId: string;
  adSetId: string;
  campaignId: string;
  adAccountId: string;
  name: string;
  status: AdObjectStatus;
  effectiveStatus: string;
  creative: AdCreativeSummary | null;
  /** The lead form the ad's creative sends people to. */
  leadFormId: string | null;
  leadFormName: string | null;
  problems: AdReviewProblem[];
  results: AdObjectResults | null;
  updatedAt: string | null;
  syncedAt: string;
}

/** `GET integrations/meta/campaigns` (and the ad set and ad lists, with their parent filters). */
export interface AdObjectListQuery {
  adAccountId?: string;
  status?: AdObjectStatus;
  /** Meta's effective_status, e.g. DISAPPROVED or WITH_ISSUES. */
  effectiveStatus?: string;
  objective?: string;
  /** Name contains, case-insensitive. */
  q?: string;
  sort?: 'name' | 'status' | 'updatedAt' | 'budget';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}
export interface AdSetListQuery extends AdObjectListQuery {
  campaignId?: string;
}
export interface AdListQuery extends AdObjectListQuery {
  campaignId?: string;
  adSetId?: string;
}

/** How the mirror of one ad account stands. */
export interface AdAccountSyncStateDto {
  adAccountId: string;
  adAccountName: string;
  currency: string;
  state: 'never' | 'queued' | 'running' | 'ok' | 'failed' | 'paused';
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Graph requests the last sync made, and the objects it read. */
  lastRequests: number | null;
  counts: { campaigns: number; adSets: number; ads: number };
}

/** `POST integrations/meta/campaigns/sync`: sync one account now, or all of the organisation's. `GET` gives `AdAccountSyncStateDto[]`. */
export interface AdsSyncRequest {
  adAccountId?: string;
}
export interface AdsSyncAccepted {
  queued: string[];
}

/** Location targeting for a lead ad set. Regions and cities use Meta's targeting search keys. */
export interface LeadCampaignTargeting {
  countries: string[];
  regions?: { key: string; name?: string }[];
  cities?: { key: string; name?: string; radius?: number; distanceUnit?: 'mile' | 'kilometer' }[];
  /** Refused for categories that forbid postcode targeting (financial products); kept to explain the refusal. */
  zips?: string[];
  /** Refused under the financial-products category unless 18 and 65. */
  ageMin?: number;
  ageMax?: number;
  /** Refused under the financial-products category. */
  genders?: number[];
}

/** `POST integrations/meta/campaigns`: a lead campaign, its ad set and its ad in one flow. Needs `Idempotency-Key`. */
export interface CreateLeadCampaignRequest {
  adAccountId: string;
  /** Created PAUSED unless set to ACTIVE. */
  status?: 'PAUSED' | 'ACTIVE';
  campaign: { name: string };
  adSet: {
    name: string;
    pageId: string;
    optimizationGoal: LeadOptimizationGoal;
    budget: { type: BudgetType; amountMinor: number };
    startTime?: string;
    endTime?: string;
    targeting: LeadCampaignTargeting;
  };
  ad: {
    name: string;
    leadFormId: string;
    /** An image already in the account's library, or one to upload (base64 of a JPEG/PNG). */
    imageHash?: string;
    imageBase64?: string;
    primaryText: string;
    headline: string;
    description?: string;
    callToAction: LeadAdCallToAction;
  };
}

export interface CreateLeadCampaignResult {
  campaign: MetaCampaignDto;
  adSet: MetaAdSetDto;
  ad: MetaAdDto;
  /** The special ad category and countries the product set for the targeting. */
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
}

/**
 * What a failed creation left behind, in the error envelope's `details` (code `META_CAMPAIGN_PARTIAL`):
 * the objects created before the failing step, and whether each was deleted again.
 */
export interface CampaignCreationCleanup {
  failedStep: 'image' | 'campaign' | 'adset' | 'creative' | 'ad';
  objects: { level: AdObjectLevel | 'creative'; id: string; cleanedUp: boolean }[];
}

/** `PUT integrations/meta/campaigns/:id` (and `PUT adsets/:id`, `PUT ads/:id` with the fields that apply). */
export interface UpdateAdObjectRequest {
  name?: string;
  status?: 'ACTIVE' | 'PAUSED';
  dailyBudgetMinor?: number;
  lifetimeBudgetMinor?: number;
  /** ISO time; campaigns: stop_time, ad sets: end_time. `null` removes it. */
  endTime?: string | null;
  /** Set after the user confirmed a budget change above the organisation's threshold. */
  confirmed?: boolean;
}

/** `POST integrations/meta/ads-bulk-status`: pause or resume many objects. Needs `Idempotency-Key`. */
export interface BulkStatusRequest {
  level: AdObjectLevel;
  ids: string[];
  status: 'ACTIVE' | 'PAUSED';
}
export interface BulkStatusResult {
  results: { id: string; ok: boolean; status?: AdObjectStatus; error?: string }[];
}

/** A guardrail finding on a draft, shown while the user fills the form and enforced again on submit. */
export interface GuardrailFinding {
  /** A stable code, e.g. `financial_age_narrowing`, `financial_gender`, `financial_zip`, `financial_radius`, `budget_ceiling`. */
  code: string;
  severity: 'error' | 'warning';
  /** The field of the request it concerns, as a dotted path, e.g. `adSet.targeting.ageMin`. */
  field: string;
  message: string;
}

/** `GET integrations/meta/ads-guardrails`: the rules the console shows while a campaign is drafted. */
export interface AdsGuardrailsDto {
  /** Countries where targeting requires FINANCIAL_PRODUCTS_SERVICES (the product sets it itself). */
  financialCategoryCountries: string[];
  /** Smallest radius allowed around a city under the category, in miles and kilometres. */
  minRadiusMiles: number;
  minRadiusKm: number;
  /** The organisation's ceiling on the sum of daily budgets per ad account, minor units; null = none. */
  dailyBudgetCeilingMinor: number | null;
  /** A budget change above this percentage asks for confirmation. */
  confirmChangeAbovePercent: number;
}

/** `PUT integrations/meta/ads-settings` (admins): the organisation's budget guardrails. */
export interface AdsSettingsRequest {
  dailyBudgetCeilingMinor: number | null;
  confirmChangeAbovePercent: number;
}

/** `POST integrations/meta/campaigns/validate`: the guardrail findings for a draft, without creating anything. */
export interface ValidateLeadCampaignResult {
  findings: GuardrailFinding[];
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
}

/**
 * Codes of the MetaAds error envelopes, besides the common ones (`validation_failed`, `meta_rejected`, …). Added to the
 * contract for the console; backward compatible.
 */
export const ADS_ERROR_CODES = {
  /** 409: a budget change above the organisation's threshold; `details`: `{ from, to, percent, thresholdPercent, currency }`. Send again with `confirmed: true`. */
  confirmationRequired: 'CONFIRMATION_REQUIRED',
  /** A creation failed after some objects were made; `details` is a `CampaignCreationCleanup` (plus Meta's `userTitle`/`userMessage`). */
  campaignPartial: 'META_CAMPAIGN_PARTIAL',
  /** 502: everything was created at Meta but not read back yet; `details` has the Meta ids; the next sync shows it. */
  campaignCreatedUnread: 'META_CAMPAIGN_CREATED_UNREAD',
  /** 422: refused by a guardrail; `details.findings` is `GuardrailFinding[]`. */
  guardrail: 'ADS_GUARDRAIL',
  /** 400: a POST without the `Idempotency-Key` header. */
  idempotencyKeyRequired: 'IDEMPOTENCY_KEY_REQUIRED',
  /** 422: the key was used with a different request. */
  idempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** 409: a request with this key is still being processed. */
  idempotencyInProgress: 'IDEMPOTENCY_IN_PROGRESS',
} as const;

/** Header of the writes that must not apply twice (`POST campaigns`, `POST ads-bulk-status`; optional on the PUTs). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
