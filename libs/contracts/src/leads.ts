import type { Page } from './paging';
import type { DuplicateState, DuplicateStateFilter, LeadDuplicatesDto } from './lead-duplicates';
import type { LeadCustomFieldViewDto } from './lead-fields';

/** Status pipeline of a lead in the LEGEAI lead store. */
export enum LeadStatus {
  New = 'new',
  Contacted = 'contacted',
  Qualified = 'qualified',
  Quoted = 'quoted',
  Won = 'won',
  Lost = 'lost',
}

export const LEAD_STATUSES: readonly LeadStatus[] = Object.values(LeadStatus);

/** Where a lead's sale ended; leaving them is a reopen (`POST leads/{id}/reopen`), with a reason. */
export const CLOSED_LEAD_STATUSES: readonly LeadStatus[] = [LeadStatus.Won, LeadStatus.Lost];
/** The statuses a reopened lead may go back to. */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted];

/** Where a lead came from. */
export enum LeadSource {
  MetaLeadAds = 'meta_lead_ads',
  Manual = 'manual',
  Api = 'api',
}

/** One answer of a lead form as received (multi-select answers keep every value). */
export interface LeadAnswerDto {
  name: string;
  values: string[];
}

export interface LeadConsentDto {
  checkboxKey: string;
  isChecked: boolean;
}

/** A row of the leads table. */
export interface LeadSummaryDto {
  id: string;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  status: LeadStatus;
  source: LeadSource;
  formId: string | null;
  formName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  isOrganic: boolean;
  isTest: boolean;
  /** The earlier lead this one duplicates, when person-level matching linked it. */
  duplicateOfId: string | null;
  duplicateRule: string | null;
  /** Whether the link is a duplicate or a possible duplicate (awaiting an agent); null when not linked. */
  duplicateState: DuplicateState | null;
  needsReview: boolean;
  premiumValue: string | null;
  premiumCurrency: string | null;
  receivedAt: string;
}

/** An answer as the person saw the question: the form's own label, in the form's language. */
export interface LeadAnswerViewDto {
  /** The field key Meta sends (`field_data[].name`). */
  key: string;
  /** The question's label on the form; null when the form's questions are not known here. */
  label: string | null;
  /** Meta's question type (FULL_NAME, EMAIL, CUSTOM, ...), when the form is known. */
  type: string | null;
  values: string[];
}

/** A consent checkbox with the text the person saw next to it. */
export interface LeadConsentCheckboxDto {
  key: string;
  /** The checkbox's text on the form; null when the form's legal content is not known here. */
  text: string | null;
  isRequired: boolean | null;
  isChecked: boolean;
}

/**
 * What the person agreed to when they sent the form: the form's custom disclaimer, its checkboxes as answered, the
 * privacy policy link, and when (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create).
 */
export interface LeadConsentViewDto {
  /** When the form was sent: consent was given with the answers. */
  agreedAt: string;
  disclaimerTitle: string | null;
  disclaimerBody: string | null;
  checkboxes: LeadConsentCheckboxDto[];
  privacyPolicyUrl: string | null;
  privacyPolicyLinkText: string | null;
}

/** Who made a status change: a console user (by name), an API key, or the system. */
export interface LeadStatusActorDto {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

/** One entry of a lead's status history: a move, a premium correction or a reopen. */
export interface LeadStatusChangeDto {
  id: string;
  at: string;
  kind: 'status' | 'premium' | 'reopen';
  from: LeadStatus | null;
  to: LeadStatus;
  premiumValue: string | null;
  premiumCurrency: string | null;
  /** Won with the premium explicitly "not known yet". */
  premiumUnknown: boolean;
  /** Why a closed lead was reopened. */
  reason: string | null;
  actor: LeadStatusActorDto;
}

/** The currency a premium of this lead is in unless told otherwise, and where it comes from. */
export interface LeadCurrencyDto {
  code: string;
  source: 'lead' | 'ad_account' | 'organisation';
}

/** The detail drawer: everything about one lead. */
export interface LeadDetailDto extends LeadSummaryDto {
  firstName: string | null;
  lastName: string | null;
  emailNormalized: string | null;
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  country: string | null;
  dateOfBirth: string | null;
  productInterest: string | null;
  rawAnswers: LeadAnswerDto[];
  consentResponses: LeadConsentDto[];
  attribution: {
    pageId: string | null;
    formId: string | null;
    adId: string | null;
    adName: string | null;
    adsetId: string | null;
    adsetName: string | null;
    campaignId: string | null;
    campaignName: string | null;
    platform: string | null;
    isOrganic: boolean;
    isTest: boolean;
    /** Meta's leadgen id, when the lead came from Meta. */
    metaLeadId: string | null;
  };
  reviewReason: string | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  /** The form's language (Meta's locale, e.g. `ES_LA`), when the form is known. */
  formLocale: string | null;
  /** The answers in the form's order, under the form's own question labels. */
  answers: LeadAnswerViewDto[];
  /** What was agreed to and when; null when the form asked for no consent and has no known legal content. */
  consent: LeadConsentViewDto | null;
  /** The Facebook Page the form belongs to, by name. */
  pageName: string | null;
  /** Won, and the premium was explicitly left "not known yet". */
  premiumUnknown: boolean;
  /** The currency a premium is recorded in by default; null when neither the ad account nor the organisation says. */
  currency: LeadCurrencyDto | null;
  /** Every status change, oldest first. */
  statusHistory: LeadStatusChangeDto[];
  /** The organisation's custom fields in their order, with this lead's values (archived ones only when filled). */
  customFields: LeadCustomFieldViewDto[];
  /**
   * Contact details (email, phone, street address, date of birth and the answers that carry them) are masked: the
   * caller lacks the contact details permission (viewers, unless an admin granted it).
   */
  contactMasked: boolean;
  /** The original this lead is linked to, and the leads linked to it (duplicates or possible duplicates). */
  duplicateLinks: LeadDuplicatesDto;
}

/** `GET /v1/leads` query (also the exports' filters). */
export interface LeadListQuery {
  /** Free text over name, email and phone. */
  q?: string;
  status?: LeadStatus;
  formId?: string;
  campaignId?: string;
  /** `true`: only leads linked to an original (duplicates and possible duplicates); `false`: only leads linked to none. */
  duplicate?: boolean;
  /** Only duplicates, only possible duplicates, or only leads linked to no original. */
  duplicateState?: DuplicateStateFilter;
  needsReview?: boolean;
  /** Include test leads (left out by default). */
  includeTest?: boolean;
  /** ISO-8601 bounds on receivedAt. */
  from?: string;
  to?: string;
  sort?: 'receivedAt' | '-receivedAt';
  /**
   * Custom field filters, sent as `field.<key>=value`: a choice by its option key (or label), a multi-choice holding
   * that option, a number or ISO date exactly, text equal ignoring case.
   */
  fields?: Record<string, string>;
  limit?: number;
  offset?: number;
  /**
   * Where the page starts: a previous page's `nextCursor` (same filters and sort). Deep pages read by cursor cost the
   * same as the first; `offset` has to skip every row before it. Not combined with `offset`.
   */
  cursor?: string;
}

/**
 * `GET /v1/leads`. Up to 1,000 matching leads `total` is exact; beyond that it is PostgreSQL's estimate
 * (`totalExact: false`, shown as "about"), since counting a million rows exactly costs more than the page itself.
 * A text search (`q`) is counted over the newest 5,000 leads of the list without it: exactly when that list is no
 * longer, otherwise its share there scales that list's total (an estimate). Estimates are reused for 30 s per filter.
 */
export interface LeadPage extends Page<LeadSummaryDto> {
  totalExact: boolean;
  /** The cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
}

/**
 * `PATCH /v1/leads/{id}/status`. The lead's current status with another premium corrects the premium. Won needs a
 * premium (`premiumValue`) or `premiumUnknown: true`.
 */
export interface UpdateLeadStatusRequest {
  status: LeadStatus;
  /** Annual premium as a decimal string, e.g. "1249.50"; meaningful from `quoted` on. */
  premiumValue?: string;
  /** ISO 4217; when left out, the lead's currency (`LeadDetailDto.currency`) is used. */
  premiumCurrency?: string;
  /** Won with the premium not known yet: an explicit choice, never the default. */
  premiumUnknown?: boolean;
}

/** `POST /v1/leads/{id}/reopen`: a won or lost lead back into the pipeline (managers and admins). */
export interface ReopenLeadRequest {
  /** Why; kept in the lead's history and the audit log. */
  reason: string;
  /** The open status to go back to; by default the one the lead had before it was closed. */
  status?: LeadStatus;
}

/**
 * Allowed moves in the pipeline: forward one or more steps, to lost from any open state. Won and lost are closed:
 * leaving them is a reopen, with a reason (`POST leads/{id}/reopen`).
 */
export const LEAD_STATUS_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  [LeadStatus.New]: [LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Contacted]: [LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Qualified]: [LeadStatus.Quoted, LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Quoted]: [LeadStatus.Won, LeadStatus.Lost],
  [LeadStatus.Won]: [],
  [LeadStatus.Lost]: [],
};
